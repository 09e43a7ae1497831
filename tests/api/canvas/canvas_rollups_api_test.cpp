// The canvases' rollups (migration 0038) stay exact through every kind of write: in a
// workspace of its own, the established measures of the "every person" segment (answered from
// the rollups) must equal, figure by figure, those of a segment that selects the same people
// through a filter (answered by the set-based statements over the records), for a period
// ending now and one in the past, with edges that cut hours; and the CRM canvas's customer
// counts, its segment sizes and the workload must equal what the test wrote. Checked after
// creating people and interactions, editing an interaction, deleting one, changing an owner,
// merging two people, erasing one, importing people from CSV and deleting a person.
#include <chrono>
#include <map>
#include <thread>

#include "api/api_fixture.hpp"

namespace rapport::testing {

namespace {

using nlohmann::json;

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kHour = 60LL * 60 * 1000;

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Every value of a canvas document by its path, links and the segment's own names left out.
void flatten(const json& j, const std::string& path, std::map<std::string, json>& out) {
    if (j.is_object()) {
        for (const auto& [k, v] : j.items()) {
            if (k == "link" || k == "segment") continue;
            flatten(v, path + "/" + k, out);
        }
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) flatten(j[i], path + "/" + std::to_string(i), out);
    } else {
        out[path] = j;
    }
}

json value_of(const json& section, const std::string& key) {
    return section.at("figures").at(key).at("value");
}

}  // namespace

class CanvasRollupsApiTest : public ApiTest {
protected:
    void SetUp() override {
        ws_ = server_->bootstrap("rollups" + std::to_string(++workspaces_));
        owner_ = std::make_unique<HttpClient>(owner_of(ws_));
        everyone_ = segment(json::object());
        // Everyone has a last name (an erased person's is "person"): the same people, selected
        // through a filter, so measured from the records themselves.
        filtered_ = segment({{"field", "last_name"}, {"op", "is_not_empty"}});
        now_ = now_ms();
    }

    std::string segment(const json& filter) {
        auto res = owner_->post("/api/v1/segments", {{"name", unique_name("Rollup ")},
                                                     {"kind", "mixed"},
                                                     {"entity_type", "person"},
                                                     {"type", "dynamic"},
                                                     {"filter", filter}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.json().value("id", "");
    }
    std::string user(const std::string& name) {
        auto res = owner_->post("/api/v1/users", {{"email", unique_name("u") + "@" + ws_.slug + ".test"},
                                                  {"display_name", name},
                                                  {"role", "member"},
                                                  {"password", "long enough pw 1"}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.json().value("id", "");
    }
    std::string person(json fields) {
        if (!fields.contains("last_name")) fields["last_name"] = "Rollup";
        return create_record(*owner_, "/api/v1/people", std::move(fields));
    }
    std::string interaction(const std::string& person, const std::string& kind, const json& type,
                            std::int64_t occurred_at, int minutes) {
        json body = {{"kind", kind},
                     {"person_id", person},
                     {"subject", "s"},
                     {"occurred_at", occurred_at},
                     {"minutes_spent", minutes}};
        if (kind != "task") body["relationship_type"] = type;
        auto res = owner_->post("/api/v1/interactions", body);
        EXPECT_EQ(res.status, 201) << res.body;
        return res.json().value("id", "");
    }
    json established(const std::string& segment, std::int64_t from, std::int64_t to) {
        auto res = owner_->get("/api/v1/canvas/segments/" + segment + "/established?from=" + std::to_string(from) +
                               "&to=" + std::to_string(to));
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json();
    }
    // The periods checked: one ending just after now, one in the past (the latest entry of
    // some customers then falls after it); both start and end inside an hour.
    std::vector<std::pair<std::int64_t, std::int64_t>> periods() const {
        return {{now_ - 10 * kDay + 1234, now_ + 60'000 + 777}, {now_ - 30 * kDay - 4321, now_ - 2 * kDay + 99}};
    }
    // The rollups' figures equal the records' for each period; answers the first period's
    // measures of everyone.
    json expect_rollups_exact(const std::string& step) {
        json first;
        for (const auto& [from, to] : periods()) {
            const json all = established(everyone_, from, to);
            const json scanned = established(filtered_, from, to);
            std::map<std::string, json> a;
            std::map<std::string, json> b;
            flatten(all, "", a);
            flatten(scanned, "", b);
            EXPECT_EQ(a, b) << "after " << step << ", period " << from << ".." << to << "\nrollups: " << all.dump()
                            << "\nrecords: " << scanned.dump();
            if (first.is_null()) first = all;
        }
        // The CRM canvas's segment sizes: the rollups' count equals the filter's.
        auto crm = owner_->get("/api/v1/canvas/crm");
        EXPECT_EQ(crm.status, 200) << crm.body;
        std::map<std::string, json> sizes;
        const json body = crm.json();
        for (const auto& row : body["blocks"]["customer"]["rows"]["segments"]) {
            sizes[row["id"].get<std::string>()] = row["figures"]["size"]["value"];
        }
        EXPECT_EQ(sizes[everyone_], sizes[filtered_]) << "after " << step;
        return first;
    }
    static std::int64_t figure(const json& body, const std::string& type, const std::string& key) {
        return value_of(body["types"][type], key).get<std::int64_t>();
    }
    json crm_customer() {
        auto res = owner_->get("/api/v1/canvas/crm");
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json()["blocks"]["customer"];
    }
    std::int64_t owned_by(const std::string& user_id) {
        auto res = owner_->get("/api/v1/canvas/crm");
        const json body = res.json();
        for (const auto& row : body["blocks"]["executors"]["rows"]["workload"]) {
            if (row["id"] == user_id) return row["figures"]["owned_customers"]["value"].get<std::int64_t>();
        }
        ADD_FAILURE() << "no workload row for " << user_id;
        return -1;
    }

    static inline int workspaces_ = 0;
    TestServer::Workspace ws_;
    std::unique_ptr<HttpClient> owner_;
    std::string everyone_;
    std::string filtered_;
    std::int64_t now_ = 0;
};

TEST_F(CanvasRollupsApiTest, EveryKindOfWriteKeepsTheRollupsExact) {
    const auto ada = user("Ada Rollup");
    const auto bob = user("Bob Rollup");
    const auto buyer = create_record(
        *owner_, "/api/v1/companies",
        {{"legal_name", unique_name("Buyer ")}, {"country", "IT"}, {"market", "b2b"}, {"buyer_kind", "retailer"}});
    const auto p1 = person({{"first_name", "Uno"},
                            {"kind", "b2c_consumer"},
                            {"email", unique_name("uno") + "@example.com"},
                            {"phone", "+39 02 1234 5678"},
                            {"city", "Milano"},
                            {"country", "IT"},
                            {"language", "it"},
                            {"owner_user_id", ada}});
    const auto p2 = person({{"first_name", "Due"},
                            {"kind", "b2c_consumer"},
                            {"email", unique_name("due") + "@example.com"},
                            {"owner_user_id", ada}});
    const auto p3 = person({{"first_name", "Tre"}, {"kind", "b2b_contact"}, {"city", "Roma"}, {"owner_user_id", bob}});
    const auto p4 = person({{"first_name", "Quattro"}, {"kind", "b2c_consumer"}, {"buyer_company_id", buyer}});
    const auto [from, to] = periods().front();

    interaction(p1, "call", "personal_assistance", now_ - 1 * kDay, 10);
    interaction(p1, "meeting", "dedicated_assistance", now_ - 20 * kDay, 30);
    interaction(p1, "note", "self_service", from + 5, 2);  // in the period's first, partial hour
    interaction(p2, "email", "personal_assistance", now_ - 3 * kDay, 5);
    interaction(p2, "note", nullptr, now_ - 25 * kDay, 0);
    interaction(p3, "note", "community", now_ - 200 * kDay, 0);  // long ago: not contacted
    interaction(p3, "call", "community", now_ + 5 * kDay, 7);    // ahead of the period's end
    interaction(p4, "task", nullptr, now_ - 1 * kDay, 0);        // a task is no contact
    interaction(p4, "call", "automated", now_ - 4 * kDay + kHour / 2, 3);
    auto before = expect_rollups_exact("creating people and interactions");
    EXPECT_EQ(figure(before, "dedicated_assistance", "customers"), 4);
    EXPECT_EQ(figure(before, "dedicated_assistance", "with_owner"), 4);  // p4: its creator's
    EXPECT_EQ(figure(before, "dedicated_assistance", "not_contacted"), 1);
    EXPECT_EQ(value_of(before["metrics"], "interactions"), 4);
    {
        const auto customer = crm_customer();
        EXPECT_EQ(value_of(customer, "b2b"), 1);
        EXPECT_EQ(value_of(customer, "b2c"), 2);
        EXPECT_EQ(value_of(customer, "b2b2c"), 1);
        EXPECT_EQ(value_of(customer, "b2b_contacts"), 1);
    }
    EXPECT_EQ(owned_by(ada), 2);

    // Create: one more entry in the period's last, partial hour.
    const auto late = interaction(p3, "call", "co_creation", to - 10, 4);
    auto after = expect_rollups_exact("creating an interaction");
    EXPECT_EQ(value_of(after["metrics"], "interactions"), 5);
    EXPECT_EQ(figure(after, "co_creation", "interactions"), 1);

    // Edit: the entry moves out of the period and changes type.
    ASSERT_EQ(owner_
                  ->patch("/api/v1/interactions/" + late,
                          {{"occurred_at", now_ - 50 * kDay}, {"relationship_type", "self_service"}})
                  .status,
              200);
    after = expect_rollups_exact("editing an interaction");
    EXPECT_EQ(value_of(after["metrics"], "interactions"), 4);
    EXPECT_EQ(figure(after, "co_creation", "interactions"), 0);

    // Delete: p1's latest entry goes; its previous one is its latest again.
    const auto gone = interaction(p1, "call", "personal_assistance", now_ - kHour, 1);
    expect_rollups_exact("adding an entry to delete");
    ASSERT_EQ(owner_->del("/api/v1/interactions/" + gone).status, 204);
    after = expect_rollups_exact("deleting an interaction");
    EXPECT_EQ(value_of(after["metrics"], "interactions"), 4);

    // Owner change: Bob's customer becomes Ada's.
    ASSERT_EQ(owner_->patch("/api/v1/people/" + p3, {{"owner_user_id", ada}}).status, 200);
    after = expect_rollups_exact("changing an owner");
    EXPECT_EQ(owned_by(ada), 3);
    EXPECT_EQ(owned_by(bob), 0);

    // Merge: p2's timeline moves to p1, p2 goes.
    auto merged = owner_->post("/api/v1/people/" + p1 + "/merge", {{"merged_id", p2}});
    ASSERT_EQ(merged.status, 200) << merged.body;
    after = expect_rollups_exact("merging two people");
    EXPECT_EQ(figure(after, "dedicated_assistance", "customers"), 3);
    EXPECT_EQ(value_of(after["metrics"], "interactions"), 4);

    // Erasure: p3's contact fields go.
    ASSERT_EQ(owner_->post("/api/v1/people/" + p3 + "/erase", json::object()).status, 204);
    after = expect_rollups_exact("erasing a person");

    // Import: three people from a CSV file.
    std::string file = "First name,Last name,Email\n";
    for (int i = 0; i < 3; ++i) file += "Imp" + std::to_string(i) + ",Rollup," + unique_name("imp") + "@example.com\n";
    auto up = owner_->request("POST", "/api/v1/imports?entity=person&filename=rollups.csv", file,
                              {{"Content-Type", "text/csv"}});
    ASSERT_EQ(up.status, 201) << up.body;
    const std::string import_id = up.json()["id"];
    ASSERT_EQ(owner_->put("/api/v1/imports/" + import_id + "/mapping", up.json()["suggested_mapping"]).status, 200);
    ASSERT_EQ(owner_->post("/api/v1/imports/" + import_id + "/start", json::object()).status, 202);
    json state;
    for (int i = 0; i < 3000; ++i) {
        state = owner_->get("/api/v1/imports/" + import_id).json();
        if (state["status"] != "running") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_EQ(state["status"], "completed") << state.dump();
    after = expect_rollups_exact("importing people");
    EXPECT_EQ(figure(after, "dedicated_assistance", "customers"), 6);
    EXPECT_EQ(figure(after, "dedicated_assistance", "not_contacted"), 3);  // the imported people

    // Delete a person: their entries stay on the timeline but no longer count.
    ASSERT_EQ(owner_->del("/api/v1/people/" + p4).status, 204);
    after = expect_rollups_exact("deleting a person");
    EXPECT_EQ(figure(after, "dedicated_assistance", "customers"), 5);
    EXPECT_EQ(figure(after, "automated", "interactions"), 0);
    EXPECT_EQ(value_of(after["metrics"], "interactions"), 3);
    {
        const auto customer = crm_customer();
        EXPECT_EQ(value_of(customer, "b2b2c"), 0);
        EXPECT_EQ(value_of(customer, "b2b_contacts"), 4);  // p3 and the imported people
    }
}

}  // namespace rapport::testing
