// GET /names over real HTTP: a buyer's partner user reads the names (and only the names) of who
// owns their buyer's records, their teams, and who wrote or is assigned those records'
// timeline entries; not the rest of the staff, and still not the users list. Workspace users
// read every name.
#include <algorithm>

#include "api/api_fixture.hpp"

namespace rapport::testing {

class VisibleNamesApiTest : public ApiTest {
protected:
    struct User {
        HttpClient client;
        std::string id;
        std::string name;
    };

    static User user_of_acme(const std::string& role, const std::string& name) {
        auto owner = signed_in_client(*server_, acme_.owner_email, acme_.password);
        const auto email = unique_name("vn") + "@acme.test";
        auto created =
            owner.post("/api/v1/users",
                       {{"email", email}, {"display_name", name}, {"role", role}, {"password", "long enough pw 1"}});
        EXPECT_EQ(created.status, 201) << created.body;
        return {signed_in_client(*server_, email, "long enough pw 1"), created.json()["id"], name};
    }

    static std::string create(HttpClient& c, const std::string& path, const nlohmann::json& body) {
        auto res = c.post(path, body);
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["id"].get<std::string>() : std::string();
    }

    static bool has(const nlohmann::json& list, const std::string& id) {
        return std::any_of(list.begin(), list.end(), [&](const nlohmann::json& n) { return n["id"] == id; });
    }
};

TEST_F(VisibleNamesApiTest, APartnerReadsTheNamesItsRecordsCarryAndNoOtherUserData) {
    auto owner = owner_of(acme_);
    auto keeper = user_of_acme("member", unique_name("Keeper"));
    auto agent = user_of_acme("member", unique_name("Agent"));
    auto stranger = user_of_acme("member", unique_name("Stranger"));
    auto partner = user_of_acme("member", unique_name("Partner"));
    const std::string team =
        create(owner, "/api/v1/teams",
               {{"name", unique_name("Care")}, {"kind", "service"}, {"members", {{{"user_id", keeper.id}}}}});
    const std::string other_team =
        create(owner, "/api/v1/teams", {{"name", unique_name("Elsewhere")}, {"kind", "sales"}});
    const std::string buyer =
        create(owner, "/api/v1/companies",
               {{"fields", {{"legal_name", unique_name("Buyer Ltd")}, {"country", "GB"}, {"buyer_kind", "retailer"}}},
                {"owner_user_id", keeper.id},
                {"team_id", team}});
    const std::string consumer =
        create(owner, "/api/v1/people",
               {{"fields", {{"first_name", "Cora"}, {"last_name", unique_name("C")}, {"buyer_company_id", buyer}}},
                {"owner_user_id", keeper.id},
                {"team_id", team}});
    create(owner, "/api/v1/companies",
           {{"fields", {{"legal_name", unique_name("Other Ltd")}, {"country", "GB"}}},
            {"owner_user_id", stranger.id},
            {"team_id", other_team}});
    // A task on the consumer, assigned to the agent.
    auto task = owner.post("/api/v1/interactions", {{"kind", "task"},
                                                    {"person_id", consumer},
                                                    {"subject", "Call back"},
                                                    {"due_at", 1'900'000'000'000},
                                                    {"assignee_user_id", agent.id}});
    ASSERT_EQ(task.status, 201) << task.body;
    ASSERT_EQ(owner.put("/api/v1/companies/" + buyer + "/partition/partners/" + partner.id, nlohmann::json{}).status,
              200);

    auto res = partner.client.get("/api/v1/names");
    ASSERT_EQ(res.status, 200) << res.body;
    const auto names = res.json();
    EXPECT_TRUE(has(names["users"], keeper.id)) << res.body;
    EXPECT_TRUE(has(names["users"], agent.id)) << res.body;
    EXPECT_TRUE(has(names["users"], partner.id)) << res.body;
    // Who created the records (their history) is named too: here the workspace's owner.
    const auto owner_me = owner.get("/api/v1/me").json();
    EXPECT_TRUE(has(names["users"], owner_me["user"]["id"].get<std::string>())) << res.body;
    EXPECT_FALSE(has(names["users"], stranger.id)) << res.body;
    EXPECT_TRUE(has(names["teams"], team)) << res.body;
    EXPECT_FALSE(has(names["teams"], other_team)) << res.body;
    for (const auto& u : names["users"]) {
        EXPECT_EQ(u.size(), 2u) << u.dump();  // id and display_name, nothing else
        if (u["id"] == keeper.id) {
            EXPECT_EQ(u["display_name"], keeper.name);
        }
    }
    EXPECT_EQ(res.body.find("@acme.test"), std::string::npos) << "no email: " << res.body;

    // The partner still cannot list the staff or read another user.
    auto users = partner.client.get("/api/v1/users?limit=200");
    ASSERT_EQ(users.status, 200) << users.body;
    ASSERT_EQ(users.json()["items"].size(), 1u);
    EXPECT_EQ(users.json()["items"][0]["id"], partner.id);
    expect_problem(partner.client.get("/api/v1/users/" + keeper.id), 404);
    auto teams = partner.client.get("/api/v1/teams?limit=200");
    ASSERT_EQ(teams.status, 200) << teams.body;
    EXPECT_FALSE(has(teams.json()["items"], team));
}

TEST_F(VisibleNamesApiTest, WorkspaceUsersReadEveryName) {
    auto someone = user_of_acme("viewer", unique_name("Viewer"));
    auto other = user_of_acme("member", unique_name("Other"));
    auto res = someone.client.get("/api/v1/names");
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_TRUE(has(res.json()["users"], other.id));
    EXPECT_TRUE(has(res.json()["users"], someone.id));
    // Not another workspace's.
    auto theirs = owner_of(globex_).get("/api/v1/names");
    ASSERT_EQ(theirs.status, 200) << theirs.body;
    EXPECT_FALSE(has(theirs.json()["users"], other.id));
    auto anonymous = server_->client();
    expect_problem(anonymous.get("/api/v1/names"), 401);
}

}  // namespace rapport::testing
