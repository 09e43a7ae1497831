// A write may only produce a state its actor is allowed to create. Over the matrix of roles
// (owner, admin, manager, member, viewer) and partner or staff users, times each field that
// decides who sees a record (owner_user_id, team_id, buyer_company_id), every PATCH either
// succeeds and is answered with what was saved, or is refused with 403 and saves nothing.
// Before this rule a partner user could move a consumer to another buyer (saved, answered 404).
#include <string>
#include <vector>

#include "api/api_fixture.hpp"

namespace rapport::testing {

namespace {

using nlohmann::json;

struct User {
    std::string role;
    std::string id;
    std::string email;
    bool partner = false;
};

// A PATCH body that sets `field` to `value` (buyer_company_id lives under "fields").
json change_of(const std::string& field, const json& value) {
    if (field == "buyer_company_id") return {{"fields", {{field, value}}}};
    return {{field, value}};
}

json stored_value(const json& record, const std::string& field) {
    if (field == "buyer_company_id") {
        return record["fields"].contains(field) ? record["fields"][field] : json(nullptr);
    }
    return record.contains(field) ? record[field] : json(nullptr);
}

}  // namespace

class WritePermissionsApiTest : public ApiTest {
protected:
    static std::string create(HttpClient& c, const std::string& path, const json& body) {
        auto res = c.post(path, body);
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["id"].get<std::string>() : std::string();
    }
    static User add_user(const std::string& role) {
        auto owner = owner_of_acme();
        User u{role, "", unique_name("w" + role) + "@acme.test"};
        auto made = owner.post("/api/v1/users",
                               {{"email", u.email}, {"display_name", role}, {"role", role}, {"password", kPassword}});
        EXPECT_EQ(made.status, 201) << made.body;
        u.id = made.json()["id"];
        return u;
    }
    static HttpClient owner_of_acme() { return signed_in_client(*server_, acme_.owner_email, acme_.password); }
    static HttpClient client_of(const User& u) { return signed_in_client(*server_, u.email, kPassword); }

    static void SetUpTestSuite() {
        ApiTest::SetUpTestSuite();
        auto owner = owner_of_acme();
        owner_id_ = owner.get("/api/v1/me").json()["user"]["id"];
        for (const char* role : {"admin", "manager", "member", "viewer"}) actors_.push_back(add_user(role));
        colleague_ = add_user("member");
        User partner = add_user("member");
        partner.partner = true;
        partner.role = "partner (member)";
        actors_.push_back(partner);
        auto member_of = [&](const std::string& role) {
            return std::find_if(actors_.begin(), actors_.end(), [&](const User& u) { return u.role == role; })->id;
        };
        // Every staff actor is in team A; the colleague alone is in team B.
        team_a_ = create(owner, "/api/v1/teams",
                         {{"name", unique_name("Team A")},
                          {"kind", "sales"},
                          {"members",
                           {{{"user_id", member_of("admin")}},
                            {{"user_id", member_of("manager")}},
                            {{"user_id", member_of("member")}},
                            {{"user_id", member_of("viewer")}}}}});
        team_b_ =
            create(owner, "/api/v1/teams",
                   {{"name", unique_name("Team B")}, {"kind", "sales"}, {"members", {{{"user_id", colleague_.id}}}}});
        north_ = create(owner, "/api/v1/companies",
                        {{"fields", {{"legal_name", "North Retail"}, {"country", "GB"}, {"buyer_kind", "retailer"}}}});
        south_ = create(owner, "/api/v1/companies",
                        {{"fields", {{"legal_name", "South Retail"}, {"country", "GB"}, {"buyer_kind", "retailer"}}}});
        auto bound = owner.put("/api/v1/companies/" + north_ + "/partition/partners/" + partner.id, json::object());
        EXPECT_EQ(bound.status, 200) << bound.body;
        // The staff users may work on north's consumers, not on south's.
        auto granted = owner.put("/api/v1/companies/" + north_ + "/partition/grants/team/" + team_a_, json::object());
        EXPECT_EQ(granted.status, 200) << granted.body;
    }

    // A fresh person for one case: a consumer of north, owned by the actor (staff) or by the
    // workspace owner (a partner's records are their buyer's), in team A.
    std::string fresh_record(const User& actor) {
        auto owner = owner_of_acme();
        return create(
            owner, "/api/v1/people",
            {{"fields", {{"first_name", "Case"}, {"last_name", unique_name("Matrix")}, {"buyer_company_id", north_}}},
             {"owner_user_id", actor.partner ? owner_id_ : actor.id},
             {"team_id", team_a_}});
    }

    // The field values each case tries.
    std::vector<std::pair<std::string, json>> changes() const {
        return {{"owner_user_id", colleague_.id},
                {"owner_user_id", nullptr},
                {"owner_user_id", owner_id_},
                {"team_id", team_b_},
                {"team_id", nullptr},
                {"buyer_company_id", south_},
                {"buyer_company_id", nullptr}};
    }

    static constexpr const char* kPassword = "long enough pw 1";
    static inline std::vector<User> actors_;
    static inline User colleague_;
    static inline std::string owner_id_, team_a_, team_b_, north_, south_;
};

TEST_F(WritePermissionsApiTest, EveryWriteIsRefusedWhole_OrAnsweredWithWhatItSaved) {
    auto owner = owner_of_acme();
    for (const auto& actor : actors_) {
        auto client = client_of(actor);
        for (const auto& [field, value] : changes()) {
            SCOPED_TRACE(actor.role + " sets " + field + " to " + value.dump());
            const std::string id = fresh_record(actor);
            ASSERT_FALSE(id.empty());
            const json before = owner.get("/api/v1/people/" + id).json();
            const int could_read = client.get("/api/v1/people/" + id).status;
            auto res = client.patch("/api/v1/people/" + id, change_of(field, value));
            const json after = owner.get("/api/v1/people/" + id).json();
            ASSERT_TRUE(res.status == 200 || res.status == 403 || (res.status == 404 && could_read == 404))
                << res.status << " " << res.body;
            if (res.status != 200) {
                expect_problem(res, res.status);
                EXPECT_EQ(stored_value(after, field), stored_value(before, field)) << "a refused write was saved";
                EXPECT_EQ(after["updated_at"], before["updated_at"]);
                continue;
            }
            EXPECT_EQ(stored_value(after, field), value) << res.body;
            EXPECT_EQ(stored_value(res.json(), field), value) << res.body;
            const bool visible = res.json()["visible_to_you"].get<bool>();
            EXPECT_EQ(visible, client.get("/api/v1/people/" + id).status == 200) << res.body;
            if (!visible) {
                // Only the owner handing the record to a colleague loses sight of it.
                EXPECT_EQ(field, "owner_user_id");
                EXPECT_EQ(stored_value(before, "owner_user_id"), actor.id);
                EXPECT_FALSE(value.is_null());
            }
        }
    }
}

TEST_F(WritePermissionsApiTest, APartnerCannotMoveAConsumerToAnotherBuyerOrOutOfThePartition) {
    const User& partner = actors_.back();
    ASSERT_TRUE(partner.partner);
    auto client = client_of(partner);
    auto owner = owner_of_acme();
    for (const json& buyer : {json(south_), json(nullptr)}) {
        const std::string id = fresh_record(partner);
        auto res = client.patch("/api/v1/people/" + id, change_of("buyer_company_id", buyer));
        expect_problem(res, 403);
        EXPECT_NE(res.json()["detail"].get<std::string>().find("only that buyer's consumers"), std::string::npos)
            << res.body;
        EXPECT_EQ(owner.get("/api/v1/people/" + id).json()["fields"]["buyer_company_id"], north_);
        // No history entry was written either.
        auto history = owner.get("/api/v1/people/" + id + "/history?limit=100").json();
        for (const auto& h : history["items"]) EXPECT_NE(h["actor_user_id"], partner.id) << h.dump();
    }
    // A partner's own new consumer cannot be created for another buyer either (unchanged rule).
    auto other = client.post("/api/v1/people",
                             {{"fields", {{"first_name", "No"}, {"last_name", "Way"}, {"buyer_company_id", south_}}}});
    expect_problem(other, 403);
}

TEST_F(WritePermissionsApiTest, AMemberHandsTheirRecordToAColleagueButCannotOrphanIt) {
    const User& member =
        *std::find_if(actors_.begin(), actors_.end(), [](const User& u) { return u.role == "member"; });
    auto client = client_of(member);
    // Out of the team and to a colleague: saved, and answered with the record and a notice.
    const std::string id = fresh_record(member);
    auto handed = client.patch("/api/v1/people/" + id, {{"owner_user_id", colleague_.id}, {"team_id", team_b_}});
    ASSERT_EQ(handed.status, 200) << handed.body;
    EXPECT_EQ(handed.json()["owner_user_id"], colleague_.id);
    EXPECT_EQ(handed.json()["visible_to_you"], false);
    expect_problem(client.get("/api/v1/people/" + id), 404);
    EXPECT_EQ(owner_of_acme().get("/api/v1/people/" + id).json()["owner_user_id"], colleague_.id);
    // To nobody: refused with the reason, nothing saved.
    const std::string other = fresh_record(member);
    auto orphaned = client.patch("/api/v1/people/" + other, {{"owner_user_id", nullptr}});
    expect_problem(orphaned, 403);
    EXPECT_NE(orphaned.json()["detail"].get<std::string>().find("writes own records"), std::string::npos)
        << orphaned.body;
    EXPECT_EQ(client.get("/api/v1/people/" + other).json()["owner_user_id"], member.id);
}

TEST_F(WritePermissionsApiTest, AStaffUserCannotMoveAConsumerIntoAnUngrantedPartition) {
    const User& admin = actors_.front();
    ASSERT_EQ(admin.role, "admin");
    auto client = client_of(admin);
    const std::string id = fresh_record(admin);
    auto res = client.patch("/api/v1/people/" + id, change_of("buyer_company_id", south_));
    expect_problem(res, 403);
    EXPECT_NE(res.json()["detail"].get<std::string>().find("no grant"), std::string::npos) << res.body;
    EXPECT_EQ(client.get("/api/v1/people/" + id).json()["fields"]["buyer_company_id"], north_);
}

}  // namespace rapport::testing
