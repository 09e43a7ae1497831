// Assignment within a team over real HTTP: managers set the mode; new conversations filed with
// the team go round robin or to the least busy member, and manual leaves them unassigned.
#include "api/api_fixture.hpp"

namespace rapport::testing {

class AssignmentApiTest : public ApiTest {
protected:
    static std::string team_of(HttpClient& owner, const std::vector<std::string>& user_ids) {
        nlohmann::json members = nlohmann::json::array();
        for (const auto& id : user_ids) members.push_back({{"user_id", id}});
        auto res =
            owner.post("/api/v1/teams", {{"name", unique_name("Support")}, {"kind", "service"}, {"members", members}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["id"].get<std::string>() : std::string();
    }
    // A new conversation filed with the team; answers its assignee (or "" when none).
    static std::string new_conversation(HttpClient& owner, const std::string& team) {
        auto res = owner.post("/api/v1/conversations",
                              {{"channel", "chat"},
                               {"body", "Help please"},
                               {"team_id", team},
                               {"sender", {{"name", "Carlo Cliente"}, {"email", unique_name("cc") + "@example.com"}}}});
        EXPECT_EQ(res.status, 201) << res.body;
        auto conv = owner.get("/api/v1/conversations/" + res.json()["conversation_id"].get<std::string>()).json();
        return conv["assignee_user_id"].is_null() ? std::string() : conv["assignee_user_id"].get<std::string>();
    }
};

TEST_F(AssignmentApiTest, ManagersSetTheModeOthersCannot) {
    auto owner = owner_of(acme_);
    auto a = new_acme_user("member", "Anna A");
    const auto team = team_of(owner, {a.id});
    auto got = owner.get("/api/v1/service-desk/assignment/" + team);
    ASSERT_EQ(got.status, 200) << got.body;
    EXPECT_EQ(got.json()["mode"], "manual");
    expect_problem(a.client.get("/api/v1/service-desk/assignment/" + team), 403);
    expect_problem(a.client.put("/api/v1/service-desk/assignment/" + team, {{"mode", "round_robin"}}), 403);
    auto manager = new_acme_user("manager", "Mario M");
    auto bad = manager.client.put("/api/v1/service-desk/assignment/" + team, {{"mode", "random"}});
    expect_problem(bad, 422);
    EXPECT_TRUE(has_error_at(bad, "/mode"));
    auto put = manager.client.put("/api/v1/service-desk/assignment/" + team, {{"mode", "load_based"}});
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(put.json()["mode"], "load_based");
    EXPECT_EQ(owner.get("/api/v1/service-desk/assignment/" + team).json()["mode"], "load_based");
    // Another workspace's team is not found.
    expect_problem(owner_of(globex_).get("/api/v1/service-desk/assignment/" + team), 404);
    expect_problem(owner.get("/api/v1/service-desk/assignment/123456789"), 404);
}

TEST_F(AssignmentApiTest, ManualLeavesNewConversationsUnassigned) {
    auto owner = owner_of(acme_);
    auto a = new_acme_user("member", "Nina N");
    const auto team = team_of(owner, {a.id});
    EXPECT_EQ(new_conversation(owner, team), "");
}

TEST_F(AssignmentApiTest, RoundRobinTakesTheNextMemberInTurn) {
    auto owner = owner_of(acme_);
    auto a = new_acme_user("member", "Rita R");
    auto b = new_acme_user("member", "Remo R");
    auto c = new_acme_user("member", "Rosa R");
    const auto team = team_of(owner, {a.id, b.id, c.id});
    ASSERT_EQ(owner.put("/api/v1/service-desk/assignment/" + team, {{"mode", "round_robin"}}).status, 200);
    std::vector<std::string> got;
    for (int i = 0; i < 6; ++i) got.push_back(new_conversation(owner, team));
    for (const auto& g : got) EXPECT_FALSE(g.empty());
    // Each member once per round, in the same order every round.
    EXPECT_NE(got[0], got[1]);
    EXPECT_NE(got[1], got[2]);
    EXPECT_NE(got[0], got[2]);
    EXPECT_EQ(got[3], got[0]);
    EXPECT_EQ(got[4], got[1]);
    EXPECT_EQ(got[5], got[2]);
    auto settings = owner.get("/api/v1/service-desk/assignment/" + team).json();
    EXPECT_EQ(settings["last_assigned_user_id"], got[5]);
}

TEST_F(AssignmentApiTest, LoadBasedTakesTheMemberWithFewestActiveConversations) {
    auto owner = owner_of(acme_);
    auto busy = new_acme_user("member", "Bruno Busy");
    auto idle = new_acme_user("member", "Ivo Idle");
    const auto team = team_of(owner, {busy.id, idle.id});
    // Two conversations handed to the busy one by hand.
    ASSERT_EQ(owner.put("/api/v1/service-desk/assignment/" + team, {{"mode", "round_robin"}}).status, 200);
    for (int i = 0; i < 4; ++i) {
        auto res = owner.post("/api/v1/conversations",
                              {{"channel", "chat"},
                               {"body", "Old question"},
                               {"sender", {{"name", "Olga Ospite"}, {"email", unique_name("o") + "@example.com"}}}});
        ASSERT_EQ(res.status, 201) << res.body;
        if (i >= 2) continue;
        const auto id = res.json()["conversation_id"].get<std::string>();
        auto conv = owner.get("/api/v1/conversations/" + id).json();
        auto patched =
            owner.patch("/api/v1/conversations/" + id, {{"version", conv["version"]}, {"assignee_user_id", busy.id}});
        ASSERT_EQ(patched.status, 200) << patched.body;
    }
    ASSERT_EQ(owner.put("/api/v1/service-desk/assignment/" + team, {{"mode", "load_based"}}).status, 200);
    EXPECT_EQ(new_conversation(owner, team), idle.id);  // 0 against 2
    EXPECT_EQ(new_conversation(owner, team), idle.id);  // 1 against 2
    const auto third = new_conversation(owner, team);   // 2 against 2: either
    EXPECT_TRUE(third == idle.id || third == busy.id);
    const auto fourth = new_conversation(owner, team);
    EXPECT_NE(fourth, third);  // whoever did not get the third has fewer now
}

}  // namespace rapport::testing
