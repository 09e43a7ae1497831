// Users, roles and teams over real HTTP: CRUD, validation, roles, workspace isolation.
#include "api/api_fixture.hpp"

namespace rapport::testing {

class UsersTeamsApiTest : public ApiTest {
protected:
    std::string create_user(HttpClient& owner, const std::string& role) {
        const auto email = unique_name("u") + "@acme.test";
        auto res = owner.post("/api/v1/users", {{"email", email},
                                                {"display_name", "User " + role},
                                                {"role", role},
                                                {"password", "a long enough password"},
                                                {"language", "it"}});
        EXPECT_EQ(res.status, 201) << res.body;
        return email;
    }
};

TEST_F(UsersTeamsApiTest, OwnerCreatesListsAndUpdatesUsers) {
    auto owner = owner_of(acme_);
    const auto email = create_user(owner, "member");
    auto list = owner.get("/api/v1/users?limit=500");
    ASSERT_EQ(list.status, 200);
    std::string id;
    const auto list_body = list.json();
    for (const auto& u : list_body["items"]) {
        if (u["email"] == email) id = u["id"];
    }
    ASSERT_FALSE(id.empty());
    auto patched = owner.patch("/api/v1/users/" + id, {{"role", "manager"}, {"display_name", "Renamed"}});
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(patched.json()["role"], "manager");
    EXPECT_EQ(patched.json()["display_name"], "Renamed");
    EXPECT_EQ(patched.json()["language"], "it");
    auto got = owner.get("/api/v1/users/" + id);
    EXPECT_EQ(got.json()["role"], "manager");

    // The change is audited with old and new role.
    auto audit = owner.get("/api/v1/audit?action=user.access_changed");
    ASSERT_EQ(audit.status, 200);
    ASSERT_FALSE(audit.json()["items"].empty());
    EXPECT_EQ(audit.json()["items"][0]["detail"]["new_role"], "manager");
}

TEST_F(UsersTeamsApiTest, NewUserCanSignInAndDeactivationEndsAccess) {
    auto owner = owner_of(acme_);
    const auto email = create_user(owner, "member");
    auto user = signed_in_client(*server_, email, "a long enough password");
    auto me = user.get("/api/v1/me");
    ASSERT_EQ(me.status, 200);
    const std::string id = me.json()["user"]["id"];
    ASSERT_EQ(owner.patch("/api/v1/users/" + id, {{"active", false}}).status, 200);
    expect_problem(user.get("/api/v1/me"), 401);
    expect_problem(
        server_->client().post("/api/v1/auth/login", {{"email", email}, {"password", "a long enough password"}}), 401);
}

TEST_F(UsersTeamsApiTest, ValidationNamesEveryBadField) {
    auto owner = owner_of(acme_);
    auto res = owner.post("/api/v1/users",
                          {{"email", "not-an-email"}, {"role", "emperor"}, {"password", "short"}, {"shoe_size", 44}});
    expect_problem(res, 422);
    EXPECT_TRUE(has_error_at(res, "/email"));
    EXPECT_TRUE(has_error_at(res, "/display_name"));
    EXPECT_TRUE(has_error_at(res, "/role"));
    EXPECT_TRUE(has_error_at(res, "/shoe_size"));

    auto types = owner.post("/api/v1/users", {{"email", 42}, {"display_name", true}, {"role", "member"}});
    expect_problem(types, 422);
    EXPECT_TRUE(has_error_at(types, "/email"));
    EXPECT_TRUE(has_error_at(types, "/display_name"));

    auto weak =
        owner.post("/api/v1/users",
                   {{"email", "weak@acme.test"}, {"display_name", "W"}, {"role", "member"}, {"password", "short"}});
    expect_problem(weak, 422);
    EXPECT_TRUE(has_error_at(weak, "/password"));
    // Nothing was written.
    EXPECT_EQ(owner.get("/api/v1/users?limit=500").body.find("weak@acme.test"), std::string::npos);
}

TEST_F(UsersTeamsApiTest, DuplicateEmailIsAConflict) {
    auto owner = owner_of(acme_);
    auto res =
        owner.post("/api/v1/users", {{"email", acme_.owner_email}, {"display_name", "Again"}, {"role", "member"}});
    expect_problem(res, 409);
}

TEST_F(UsersTeamsApiTest, RolesGateWrites) {
    auto viewer = with_key(server_->api_key("acme", "viewer"));
    EXPECT_EQ(viewer.get("/api/v1/users").status, 200);
    auto res = viewer.post(
        "/api/v1/users",
        {{"email", "x@acme.test"}, {"display_name", "X"}, {"role", "member"}, {"password", "long enough password"}});
    expect_problem(res, 403);
    EXPECT_NE(res.json()["detail"].get<std::string>().find("admin"), std::string::npos);
    expect_problem(viewer.post("/api/v1/teams", {{"name", "Nope"}, {"kind", "it"}}), 403);

    auto admin = with_key(server_->api_key("acme", "admin"));
    expect_problem(admin.post("/api/v1/users", {{"email", "boss@acme.test"},
                                                {"display_name", "Boss"},
                                                {"role", "owner"},
                                                {"password", "long enough password"}}),
                   403);
    expect_problem(admin.put("/api/v1/roles/member", {{"read", "all"}, {"write", "all"}}), 403);
}

TEST_F(UsersTeamsApiTest, TheLastOwnerCannotBeDemoted) {
    auto ws = server_->bootstrap("lonely");
    auto owner = signed_in_client(*server_, ws.owner_email, ws.password);
    const std::string id = owner.get("/api/v1/me").json()["user"]["id"];
    expect_problem(owner.patch("/api/v1/users/" + id, {{"role", "admin"}}), 409);
}

TEST_F(UsersTeamsApiTest, RoleGrantsCanBeChangedByOwners) {
    auto owner = owner_of(acme_);
    auto roles = owner.get("/api/v1/roles");
    ASSERT_EQ(roles.status, 200);
    EXPECT_EQ(roles.json()["items"].size(), 5u);
    auto put = owner.put("/api/v1/roles/viewer", {{"read", "all"}, {"write", "none"}});
    ASSERT_EQ(put.status, 200) << put.body;
    auto bad = owner.put("/api/v1/roles/viewer", {{"read", "everything"}, {"write", "none"}});
    expect_problem(bad, 422);
    EXPECT_TRUE(has_error_at(bad, "/read"));
    expect_problem(owner.put("/api/v1/roles/emperor", {{"read", "all"}, {"write", "all"}}), 404);
}

TEST_F(UsersTeamsApiTest, TeamsWithHuntersAndFarmers) {
    auto owner = owner_of(acme_);
    const auto hunter_email = create_user(owner, "member");
    std::string hunter_id;
    const auto users = owner.get("/api/v1/users?limit=500").json();
    for (const auto& u : users["items"]) {
        if (u["email"] == hunter_email) hunter_id = u["id"];
    }
    const std::string owner_id = owner.get("/api/v1/me").json()["user"]["id"];
    auto created = owner.post(
        "/api/v1/teams",
        {{"name", "Sales North"},
         {"kind", "sales"},
         {"description", "New logos in the north"},
         {"members",
          {{{"user_id", hunter_id}, {"sales_role", "hunter"}}, {{"user_id", owner_id}, {"sales_role", "farmer"}}}}});
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string team_id = created.json()["id"];
    EXPECT_EQ(created.json()["members"].size(), 2u);

    auto renamed =
        owner.patch("/api/v1/teams/" + team_id, {{"name", "Sales Nord"}, {"members", nlohmann::json::array()}});
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(renamed.json()["name"], "Sales Nord");
    EXPECT_TRUE(renamed.json()["members"].empty());

    auto dup = owner.post("/api/v1/teams", {{"name", "Sales Nord"}, {"kind", "sales"}});
    expect_problem(dup, 409);

    auto bad_member =
        owner.post("/api/v1/teams", {{"name", "Ghosts"}, {"kind", "it"}, {"members", {{{"user_id", "12345"}}}}});
    expect_problem(bad_member, 422);
    EXPECT_TRUE(has_error_at(bad_member, "/members/0/user_id"));

    auto farmer_in_it =
        owner.post("/api/v1/teams",
                   {{"name", "Ops"}, {"kind", "it"}, {"members", {{{"user_id", owner_id}, {"sales_role", "farmer"}}}}});
    expect_problem(farmer_in_it, 422);
    EXPECT_TRUE(has_error_at(farmer_in_it, "/members/0/sales_role"));

    EXPECT_EQ(owner.del("/api/v1/teams/" + team_id).status, 204);
    expect_problem(owner.get("/api/v1/teams/" + team_id), 404);
}

TEST_F(UsersTeamsApiTest, AnotherWorkspacesIdsAre404AndNeverItsData) {
    auto acme = owner_of(acme_);
    auto globex = owner_of(globex_);
    auto team = acme.post("/api/v1/teams", {{"name", "Acme Secret Team"}, {"kind", "marketing"}});
    ASSERT_EQ(team.status, 201);
    const std::string team_id = team.json()["id"];
    const std::string acme_owner_id = acme.get("/api/v1/me").json()["user"]["id"];

    for (auto res : {globex.get("/api/v1/teams/" + team_id), globex.get("/api/v1/users/" + acme_owner_id),
                     globex.patch("/api/v1/teams/" + team_id, {{"name", "pwned"}}),
                     globex.patch("/api/v1/users/" + acme_owner_id, {{"display_name", "pwned"}}),
                     globex.del("/api/v1/teams/" + team_id)}) {
        expect_problem(res, 404);
        EXPECT_EQ(res.body.find("Acme Secret Team"), std::string::npos);
    }
    // Globex cannot put Acme's user into its teams either.
    auto cross =
        globex.post("/api/v1/teams", {{"name", "Cross"}, {"kind", "it"}, {"members", {{{"user_id", acme_owner_id}}}}});
    expect_problem(cross, 422);
    EXPECT_EQ(globex.get("/api/v1/teams?limit=500").body.find("Acme Secret Team"), std::string::npos);
    EXPECT_EQ(globex.get("/api/v1/users?limit=500").body.find(acme_.owner_email), std::string::npos);
    // And the team is intact.
    EXPECT_EQ(acme.get("/api/v1/teams/" + team_id).json()["name"], "Acme Secret Team");
}

TEST_F(UsersTeamsApiTest, CursorPaginationWalksEveryUserOnce) {
    auto owner = owner_of(acme_);
    for (int i = 0; i < 5; ++i) create_user(owner, "viewer");
    std::set<std::string> seen;
    std::string cursor;
    int pages = 0;
    do {
        auto res = owner.get("/api/v1/users?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
        ASSERT_EQ(res.status, 200) << res.body;
        auto body = res.json();
        EXPECT_LE(body["items"].size(), 2u);
        for (const auto& u : body["items"]) EXPECT_TRUE(seen.insert(u["id"]).second);
        cursor = body["next_cursor"].is_null() ? "" : body["next_cursor"].get<std::string>();
        ++pages;
    } while (!cursor.empty() && pages < 100);
    EXPECT_GE(seen.size(), 6u);
    auto all = owner.get("/api/v1/users?limit=500");
    EXPECT_EQ(all.json()["items"].size(), seen.size());

    auto bad = owner.get("/api/v1/users?limit=0&cursor=xyz");
    expect_problem(bad, 422);
    EXPECT_TRUE(has_error_at(bad, "?limit"));
    EXPECT_TRUE(has_error_at(bad, "?cursor"));
}

}  // namespace rapport::testing
