// Portfolios over real HTTP, with known answers: my portfolio (last contact, days since contact,
// next action, open items, order, filters and pages), the manager's view (sizes, coverage,
// customers with no owner), and reassignment (exactly the right records move, each with its
// history row, one log entry; admins only; the target an active staff user; workspaces apart).
#include <algorithm>
#include <chrono>

#include "api/api_fixture.hpp"

namespace rapport::testing {

namespace {
std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}
constexpr std::int64_t kDay = 24LL * 3600 * 1000;
constexpr std::int64_t kHour = 3600LL * 1000;

std::vector<std::string> ids_in(const nlohmann::json& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i["id"]);
    return out;
}
}  // namespace

class PortfoliosApiTest : public ApiTest {
protected:
    static std::string create(HttpClient& c, const std::string& path, nlohmann::json fields) {
        return create_record(c, path, std::move(fields));
    }
    static void contact(HttpClient& c, const std::string& kind, const std::string& key, const std::string& id,
                        std::int64_t at) {
        auto res = c.post("/api/v1/interactions", {{"kind", kind}, {key, id}, {"occurred_at", at}});
        ASSERT_EQ(res.status, 201) << res.body;
    }
    static nlohmann::json get_ok(HttpClient& c, const std::string& path) {
        auto res = c.get(path);
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json();
    }
    static nlohmann::json owner_entry(const nlohmann::json& view, const std::string& user_id) {
        for (const auto& o : view["owners"]) {
            if (o["user_id"] == user_id) return o;
        }
        return nullptr;
    }
    static std::string owner_of_record(HttpClient& c, const std::string& path) {
        auto res = c.get(path);
        EXPECT_EQ(res.status, 200) << res.body;
        const auto body = res.json();
        return body["owner_user_id"].is_string() ? body["owner_user_id"].get<std::string>() : std::string();
    }
};

TEST_F(PortfoliosApiTest, MyPortfolioHasLastContactNextActionOpenItemsAndDaysSinceContact) {
    auto owner = owner_of(acme_);
    auto me = new_acme_user("member", "Ada Portfolio");
    auto other = new_acme_user("member", "Otto Other");
    const auto now = now_ms();
    // A company of mine, contacted 10 days ago through one of its contacts (who is not mine).
    const auto company = create(owner, "/api/v1/companies",
                                {{"legal_name", "Portafoglio SpA"}, {"country", "IT"}, {"owner_user_id", me.id}});
    const auto contact_person = create(
        owner, "/api/v1/people", {{"first_name", "Cora"}, {"last_name", "Contatto"}, {"owner_user_id", other.id}});
    ASSERT_EQ(owner.put("/api/v1/people/" + contact_person + "/affiliations", {{"items", {{{"company_id", company}}}}})
                  .status,
              200);
    contact(owner, "call", "person_id", contact_person, now - 10 * kDay - kHour);
    // A person of mine met 40 days ago; today's note is not contact.
    const auto met =
        create(owner, "/api/v1/people", {{"first_name", "Mia"}, {"last_name", "Met"}, {"owner_user_id", me.id}});
    contact(owner, "meeting", "person_id", met, now - 40 * kDay - kHour);
    contact(owner, "note", "person_id", met, now - kHour);
    // A person of mine never contacted, with two open tasks, a done one, and a conversation.
    const std::string email = unique_name("never") + "@customers.test";
    const auto never =
        create(owner, "/api/v1/people",
               {{"first_name", "Nina"}, {"last_name", "Never"}, {"email", email}, {"owner_user_id", me.id}});
    for (const auto& [subject, due] : std::vector<std::pair<std::string, nlohmann::json>>{
             {"Undated", nullptr}, {"Call back", now + kDay}, {"Later", now + 5 * kDay}}) {
        nlohmann::json task = {{"kind", "task"}, {"person_id", never}, {"subject", subject}};
        if (!due.is_null()) task["due_at"] = due;
        auto res = owner.post("/api/v1/interactions", task);
        ASSERT_EQ(res.status, 201) << res.body;
        if (subject == "Later") {
            const std::string id = res.json()["id"];
            ASSERT_EQ(owner.post("/api/v1/tasks/" + id + "/done", nlohmann::json::object()).status, 200);
        }
    }
    auto conversation =
        owner.post("/api/v1/conversations",
                   {{"channel", "chat"}, {"sender", {{"name", "Nina Never"}, {"email", email}}}, {"body", "Hello?"}});
    ASSERT_EQ(conversation.status, 201) << conversation.body;
    // Not mine.
    create(owner, "/api/v1/people", {{"first_name", "Nico"}, {"last_name", "Notmine"}, {"owner_user_id", other.id}});

    auto page = get_ok(me.client, "/api/v1/portfolios/mine");
    ASSERT_EQ(ids_in(page["items"]), (std::vector<std::string>{never, met, company}));  // most neglected first
    EXPECT_TRUE(page["next_cursor"].is_null());
    const auto& n = page["items"][0];
    EXPECT_EQ(n["type"], "person");
    EXPECT_EQ(n["name"], "Nina Never");
    EXPECT_TRUE(n["last_contact_at"].is_null());
    EXPECT_TRUE(n["days_since_contact"].is_null());
    EXPECT_EQ(n["open_tasks"], 2);
    EXPECT_EQ(n["open_conversations"], 1);
    ASSERT_TRUE(n["next_action"].is_object());
    EXPECT_EQ(n["next_action"]["subject"], "Call back");
    EXPECT_EQ(n["next_action"]["overdue"], false);
    EXPECT_EQ(page["items"][1]["days_since_contact"], 40);
    EXPECT_EQ(page["items"][1]["last_contact_at"], now - 40 * kDay - kHour);
    EXPECT_EQ(page["items"][1]["open_tasks"], 0);
    EXPECT_TRUE(page["items"][1]["next_action"].is_null());
    EXPECT_EQ(page["items"][2]["type"], "company");
    EXPECT_EQ(page["items"][2]["days_since_contact"], 10);

    // Filters and the other order.
    EXPECT_EQ(ids_in(get_ok(me.client, "/api/v1/portfolios/mine?type=company")["items"]),
              (std::vector<std::string>{company}));
    EXPECT_EQ(ids_in(get_ok(me.client, "/api/v1/portfolios/mine?type=person&no_contact_days=30")["items"]),
              (std::vector<std::string>{never, met}));
    EXPECT_EQ(ids_in(get_ok(me.client, "/api/v1/portfolios/mine?no_contact_days=50")["items"]),
              (std::vector<std::string>{never}));
    EXPECT_EQ(ids_in(get_ok(me.client, "/api/v1/portfolios/mine?sort=recent")["items"]),
              (std::vector<std::string>{company, met, never}));
    // Pages of one walk the same order, each record once.
    for (const char* sort : {"neglected", "recent"}) {
        std::vector<std::string> walked;
        std::string cursor;
        for (int guard = 0; guard < 10; ++guard) {
            auto one = get_ok(me.client, std::string("/api/v1/portfolios/mine?limit=1&sort=") + sort +
                                             (cursor.empty() ? "" : "&cursor=" + cursor));
            for (const auto& id : ids_in(one["items"])) walked.push_back(id);
            if (one["next_cursor"].is_null()) break;
            cursor = one["next_cursor"];
        }
        EXPECT_EQ(walked, ids_in(get_ok(me.client, std::string("/api/v1/portfolios/mine?sort=") + sort)["items"]));
    }
    // The same portfolio as a manager reads it; a member may not read another's.
    auto manager = new_acme_user("manager", "Manu Manager");
    EXPECT_EQ(ids_in(get_ok(manager.client, "/api/v1/portfolios/" + me.id)["items"]),
              (std::vector<std::string>{never, met, company}));
    expect_problem(other.client.get("/api/v1/portfolios/" + me.id), 403);
    EXPECT_EQ(get_ok(me.client, "/api/v1/portfolios/" + me.id)["items"].size(), 3u);

    expect_problem(me.client.get("/api/v1/portfolios/mine?no_contact_days=0"), 422);
    expect_problem(me.client.get("/api/v1/portfolios/mine?type=deal"), 422);
    expect_problem(me.client.get("/api/v1/portfolios/mine?sort=name"), 422);
    expect_problem(me.client.get("/api/v1/portfolios/mine?cursor=nonsense"), 422);
    expect_problem(with_key(server_->api_key("acme", "admin")).get("/api/v1/portfolios/mine"), 403);
    expect_problem(server_->client().get("/api/v1/portfolios/mine"), 401);
}

TEST_F(PortfoliosApiTest, ManagerViewCountsSizeCoverageAndCustomersWithNoOwner) {
    auto owner = owner_of(acme_);
    auto seller = new_acme_user("member", "Sam Seller");
    auto manager = new_acme_user("manager", "Mara Manager");
    const auto before = get_ok(manager.client, "/api/v1/portfolios");
    const auto now = now_ms();
    const auto company = create(owner, "/api/v1/companies",
                                {{"legal_name", "Coverage Srl"}, {"country", "IT"}, {"owner_user_id", seller.id}});
    const auto recent = create(owner, "/api/v1/people",
                               {{"first_name", "Rosa"}, {"last_name", "Recent"}, {"owner_user_id", seller.id}});
    const auto old =
        create(owner, "/api/v1/people", {{"first_name", "Olga"}, {"last_name", "Old"}, {"owner_user_id", seller.id}});
    contact(owner, "email", "person_id", recent, now - 5 * kDay);
    contact(owner, "call", "person_id", old, now - 100 * kDay);
    contact(owner, "note", "company_id", company, now - kDay);  // a note is not contact
    // No owner: two companies and a person (a creation gives the creator, so clear it).
    for (const auto& [path, fields] : std::vector<std::pair<std::string, nlohmann::json>>{
             {"/api/v1/companies", {{"legal_name", "Orfana Uno"}, {"country", "IT"}, {"owner_user_id", nullptr}}},
             {"/api/v1/companies", {{"legal_name", "Orfana Due"}, {"country", "IT"}, {"owner_user_id", nullptr}}},
             {"/api/v1/people", {{"first_name", "Olivo"}, {"last_name", "Orfano"}, {"owner_user_id", nullptr}}}}) {
        create(owner, path, fields);
    }

    auto view = get_ok(manager.client, "/api/v1/portfolios");
    EXPECT_EQ(view["days"], 90);
    auto mine = owner_entry(view, seller.id);
    ASSERT_TRUE(mine.is_object()) << view.dump();
    EXPECT_EQ(mine["display_name"], "Sam Seller");
    EXPECT_EQ(mine["active"], true);
    EXPECT_EQ(mine["companies"], 1);
    EXPECT_EQ(mine["people"], 2);
    EXPECT_EQ(mine["size"], 3);
    EXPECT_EQ(mine["contacted"], 1);
    EXPECT_EQ(mine["not_contacted"], 2);
    EXPECT_DOUBLE_EQ(mine["coverage"].get<double>(), 1.0 / 3.0);
    EXPECT_EQ(view["unowned"]["companies"].get<int>() - before["unowned"]["companies"].get<int>(), 2);
    EXPECT_EQ(view["unowned"]["people"].get<int>() - before["unowned"]["people"].get<int>(), 1);
    EXPECT_EQ(view["unowned"]["total"].get<int>() - before["unowned"]["total"].get<int>(), 3);
    // Over 120 days the call of 100 days ago counts too.
    auto longer = owner_entry(get_ok(manager.client, "/api/v1/portfolios?days=120"), seller.id);
    EXPECT_EQ(longer["contacted"], 2);
    EXPECT_DOUBLE_EQ(longer["coverage"].get<double>(), 2.0 / 3.0);
    // The list filter the view links to selects exactly the customers with no owner.
    auto unowned = owner.get("/api/v1/companies/count?filter=" +
                             std::string("%7B%22field%22%3A%22owner_user_id%22%2C%22op%22%3A%22is_empty%22%7D"));
    ASSERT_EQ(unowned.status, 200) << unowned.body;
    EXPECT_EQ(unowned.json()["count"], view["unowned"]["companies"]);

    expect_problem(seller.client.get("/api/v1/portfolios"), 403);
    expect_problem(manager.client.get("/api/v1/portfolios?days=0"), 422);
    expect_problem(manager.client.get("/api/v1/portfolios?days=abc"), 422);
    // Another workspace sees none of it.
    auto globex = owner_of(globex_);
    auto theirs = get_ok(globex, "/api/v1/portfolios");
    EXPECT_TRUE(owner_entry(theirs, seller.id).is_null());
    expect_problem(globex.get("/api/v1/portfolios/" + seller.id), 404);
}

TEST_F(PortfoliosApiTest, ReassignMovesExactlyTheRightRecordsWithHistoryAndLog) {
    auto owner = owner_of(acme_);
    auto admin = new_acme_user("admin", "Alba Admin");
    auto leaving = new_acme_user("member", "Leo Leaving");
    auto taking = new_acme_user("member", "Tea Taking");
    const auto p1 =
        create(owner, "/api/v1/people", {{"first_name", "Uno"}, {"last_name", "Mosso"}, {"owner_user_id", leaving.id}});
    const auto p2 =
        create(owner, "/api/v1/people", {{"first_name", "Due"}, {"last_name", "Mosso"}, {"owner_user_id", leaving.id}});
    const auto c1 = create(owner, "/api/v1/companies",
                           {{"legal_name", "Mossa SpA"}, {"country", "IT"}, {"owner_user_id", leaving.id}});
    const auto kept =
        create(owner, "/api/v1/people", {{"first_name", "Tre"}, {"last_name", "Fermo"}, {"owner_user_id", taking.id}});
    const auto unrelated = create(owner, "/api/v1/people", {{"first_name", "Quattro"}, {"last_name", "Altro"}});

    // Members and managers may not; nor a target that is not an active staff user.
    const nlohmann::json all = {{"from_user_id", leaving.id}, {"to_user_id", taking.id}};
    expect_problem(leaving.client.post("/api/v1/portfolios/reassign", all), 403);
    auto manager = new_acme_user("manager", "Max Manager");
    expect_problem(manager.client.post("/api/v1/portfolios/reassign", all), 403);
    auto same =
        admin.client.post("/api/v1/portfolios/reassign", {{"from_user_id", leaving.id}, {"to_user_id", leaving.id}});
    expect_problem(same, 422);
    EXPECT_TRUE(has_error_at(same, "/to_user_id"));
    auto gone =
        admin.client.post("/api/v1/portfolios/reassign", {{"from_user_id", leaving.id}, {"to_user_id", "12345"}});
    expect_problem(gone, 422);
    EXPECT_TRUE(has_error_at(gone, "/to_user_id"));
    auto inactive = new_acme_user("member", "Ines Inactive");
    ASSERT_EQ(owner.patch("/api/v1/users/" + inactive.id, {{"active", false}}).status, 200);
    auto to_inactive =
        admin.client.post("/api/v1/portfolios/reassign", {{"from_user_id", leaving.id}, {"to_user_id", inactive.id}});
    expect_problem(to_inactive, 422);
    EXPECT_TRUE(has_error_at(to_inactive, "/to_user_id"));
    auto partner = new_acme_user("member", "Paolo Partner");
    const auto buyer = create(owner, "/api/v1/companies",
                              {{"legal_name", "Rivendita Srl"}, {"country", "IT"}, {"buyer_kind", "retailer"}});
    ASSERT_EQ(
        owner.put("/api/v1/companies/" + buyer + "/partition/partners/" + partner.id, nlohmann::json::object()).status,
        200);
    auto to_partner =
        admin.client.post("/api/v1/portfolios/reassign", {{"from_user_id", leaving.id}, {"to_user_id", partner.id}});
    expect_problem(to_partner, 422);
    EXPECT_TRUE(has_error_at(to_partner, "/to_user_id"));
    expect_problem(admin.client.post("/api/v1/portfolios/reassign", {{"from_user_id", leaving.id},
                                                                     {"to_user_id", taking.id},
                                                                     {"records", {{{"type", "deal"}, {"id", p1}}}}}),
                   422);
    // Nothing moved so far.
    EXPECT_EQ(owner_of_record(owner, "/api/v1/people/" + p1), leaving.id);

    // The chosen record only (a record not of the from-user's portfolio is skipped).
    nlohmann::json pick = {{"from_user_id", leaving.id}, {"to_user_id", taking.id}};
    pick["records"] = nlohmann::json::array(
        {nlohmann::json{{"type", "person"}, {"id", p1}}, nlohmann::json{{"type", "person"}, {"id", unrelated}}});
    auto chosen = admin.client.post("/api/v1/portfolios/reassign", pick);
    ASSERT_EQ(chosen.status, 200) << chosen.body;
    EXPECT_EQ(chosen.json()["people"], 1);
    EXPECT_EQ(chosen.json()["companies"], 0);
    EXPECT_EQ(chosen.json()["skipped"], 1);
    EXPECT_EQ(chosen.json()["selected"], true);
    EXPECT_EQ(owner_of_record(owner, "/api/v1/people/" + p1), taking.id);
    EXPECT_EQ(owner_of_record(owner, "/api/v1/people/" + p2), leaving.id);
    EXPECT_EQ(owner_of_record(owner, "/api/v1/people/" + unrelated),
              owner_of_record(owner, "/api/v1/people/" + unrelated));

    // Then the rest of the portfolio.
    auto rest = admin.client.post("/api/v1/portfolios/reassign", all);
    ASSERT_EQ(rest.status, 200) << rest.body;
    EXPECT_EQ(rest.json()["people"], 1);
    EXPECT_EQ(rest.json()["companies"], 1);
    EXPECT_EQ(rest.json()["total"], 2);
    EXPECT_EQ(rest.json()["selected"], false);
    EXPECT_EQ(rest.json()["actor_user_id"], admin.id);
    for (const auto& path :
         {"/api/v1/people/" + p1, "/api/v1/people/" + p2, "/api/v1/companies/" + c1, "/api/v1/people/" + kept}) {
        EXPECT_EQ(owner_of_record(owner, path), taking.id) << path;
    }
    EXPECT_TRUE(get_ok(leaving.client, "/api/v1/portfolios/mine")["items"].empty());
    EXPECT_EQ(get_ok(taking.client, "/api/v1/portfolios/mine")["items"].size(), 4u);

    // Each moved record's history shows the owner change by the admin.
    for (const auto& path : {"/api/v1/people/" + p2 + "/history", "/api/v1/companies/" + c1 + "/history"}) {
        auto history = get_ok(owner, path)["items"];
        ASSERT_FALSE(history.empty()) << path;
        EXPECT_EQ(history[0]["field"], "owner_user_id");
        EXPECT_EQ(history[0]["old_value"], leaving.id);
        EXPECT_EQ(history[0]["new_value"], taking.id);
        EXPECT_EQ(history[0]["actor_user_id"], admin.id);
    }
    auto untouched = get_ok(owner, "/api/v1/people/" + kept + "/history")["items"];
    EXPECT_TRUE(std::none_of(untouched.begin(), untouched.end(), [&](const nlohmann::json& h) {
        return h["field"] == "owner_user_id" && h["old_value"] == leaving.id;
    }));

    // The log, newest first, for managers; not for members; not across workspaces.
    auto log = get_ok(manager.client, "/api/v1/portfolios/reassignments?limit=2")["items"];
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0]["id"], rest.json()["id"]);
    EXPECT_EQ(log[0]["from_user_id"], leaving.id);
    EXPECT_EQ(log[0]["to_user_id"], taking.id);
    EXPECT_EQ(log[0]["total"], 2);
    EXPECT_EQ(log[1]["id"], chosen.json()["id"]);
    EXPECT_EQ(log[1]["people"], 1);
    expect_problem(leaving.client.get("/api/v1/portfolios/reassignments"), 403);
    auto globex = owner_of(globex_);
    const auto log_there = get_ok(globex, "/api/v1/portfolios/reassignments");  // kept: the loop reads into it
    for (const auto& entry : log_there["items"]) {
        EXPECT_NE(entry["id"], rest.json()["id"]);
    }
    // Another workspace's admin cannot name acme's users.
    auto cross = globex.post("/api/v1/portfolios/reassign", {{"from_user_id", taking.id}, {"to_user_id", leaving.id}});
    expect_problem(cross, 422);
    EXPECT_EQ(owner_of_record(owner, "/api/v1/people/" + p1), taking.id);
}

TEST_F(PortfoliosApiTest, ReassignKeepsToThePartitionsTheActorMayWrite) {
    auto owner = owner_of(acme_);
    auto admin = new_acme_user("admin", "Ada Partitionless");
    auto leaving = new_acme_user("member", "Lia Leaving");
    auto taking = new_acme_user("member", "Tom Taking");
    const auto buyer = create(owner, "/api/v1/companies",
                              {{"legal_name", "Negozio Srl"}, {"country", "IT"}, {"buyer_kind", "retailer"}});
    const auto plain = create(owner, "/api/v1/people",
                              {{"first_name", "Piana"}, {"last_name", "Persona"}, {"owner_user_id", leaving.id}});
    const auto consumer = create(owner, "/api/v1/people",
                                 {{"first_name", "Cosima"},
                                  {"last_name", "Consumatrice"},
                                  {"buyer_company_id", buyer},
                                  {"owner_user_id", leaving.id}});
    // The admin has no grant on the buyer's consumers: only the plain person moves.
    auto by_admin =
        admin.client.post("/api/v1/portfolios/reassign", {{"from_user_id", leaving.id}, {"to_user_id", taking.id}});
    ASSERT_EQ(by_admin.status, 200) << by_admin.body;
    EXPECT_EQ(by_admin.json()["people"], 1);
    EXPECT_EQ(owner_of_record(owner, "/api/v1/people/" + plain), taking.id);
    EXPECT_EQ(owner_of_record(owner, "/api/v1/people/" + consumer), leaving.id);
    // The owner role sees every partition: the consumer moves too.
    auto by_owner =
        owner.post("/api/v1/portfolios/reassign", {{"from_user_id", leaving.id}, {"to_user_id", taking.id}});
    ASSERT_EQ(by_owner.status, 200) << by_owner.body;
    EXPECT_EQ(by_owner.json()["people"], 1);
    EXPECT_EQ(owner_of_record(owner, "/api/v1/people/" + consumer), taking.id);
}

}  // namespace rapport::testing
