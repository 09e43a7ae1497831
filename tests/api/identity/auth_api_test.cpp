// Sign-in, sessions, CSRF, API keys, throttling and the audit trail, over real HTTP.
#include "api/api_fixture.hpp"

namespace rapport::testing {

class AuthApiTest : public ApiTest {};

TEST_F(AuthApiTest, LoginSetsAHardenedSessionCookieAndMeAnswers) {
    auto client = server_->client();
    auto res = client.post("/api/v1/auth/login", {{"email", acme_.owner_email}, {"password", acme_.password}});
    ASSERT_EQ(res.status, 200) << res.body;
    const auto cookie = res.header("set-cookie");
    EXPECT_NE(cookie.find("rapport_session=rps_"), std::string::npos);
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
    EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain HTTP on loopback

    client.set_default_header("Cookie", cookie.substr(0, cookie.find(';')));
    auto me = client.get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << me.body;
    auto body = me.json();
    EXPECT_EQ(body["user"]["email"], acme_.owner_email);
    EXPECT_EQ(body["role"], "owner");
    EXPECT_EQ(body["workspace"]["slug"], "acme");
    EXPECT_EQ(body["csrf_token"], res.json()["csrf_token"]);
}

TEST_F(AuthApiTest, SecureCookieBehindATlsProxy) {
    TestServer proxied(TestServerOptions{.extra_args = {"--behind-proxy"}});
    auto ws = proxied.bootstrap("tls");
    auto client = proxied.client();
    auto res = client.request("POST", "/api/v1/auth/login",
                              nlohmann::json{{"email", ws.owner_email}, {"password", ws.password}}.dump(),
                              {{"Content-Type", "application/json"}, {"X-Forwarded-Proto", "https"}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_NE(res.header("set-cookie").find("; Secure"), std::string::npos);
}

TEST_F(AuthApiTest, WrongPasswordAndUnknownEmailGetTheSame401) {
    auto client = server_->client();
    auto wrong = client.post("/api/v1/auth/login", {{"email", globex_.owner_email}, {"password", "not the password"}});
    expect_problem(wrong, 401);
    auto unknown = client.post("/api/v1/auth/login", {{"email", "nobody@nowhere.test"}, {"password", "whatever123"}});
    expect_problem(unknown, 401);
    EXPECT_EQ(wrong.json()["detail"], unknown.json()["detail"]);
}

TEST_F(AuthApiTest, RepeatedFailedLoginsAreThrottled) {
    auto ws = server_->bootstrap("throttled");
    auto client = server_->client();
    for (int i = 0; i < 5; ++i) {
        auto res =
            client.post("/api/v1/auth/login", {{"email", ws.owner_email}, {"password", "guess-" + std::to_string(i)}});
        expect_problem(res, 401);
    }
    auto blocked = client.post("/api/v1/auth/login", {{"email", ws.owner_email}, {"password", ws.password}});
    expect_problem(blocked, 429);
    EXPECT_GT(std::stoi(blocked.header("retry-after")), 0);
    EXPECT_NE(blocked.json()["detail"].get<std::string>().find("try again"), std::string::npos);
}

TEST_F(AuthApiTest, AGuesserAtOneAddressDoesNotLockTheUserOutAtAnother) {
    TestServer proxied(TestServerOptions{.extra_args = {"--behind-proxy"}});
    auto ws = proxied.bootstrap("guessed");
    auto client = proxied.client();
    auto login_from = [&](const std::string& address, const std::string& password) {
        return client.request("POST", "/api/v1/auth/login",
                              nlohmann::json{{"email", ws.owner_email}, {"password", password}}.dump(),
                              {{"Content-Type", "application/json"}, {"X-Forwarded-For", address}});
    };
    for (int i = 0; i < 5; ++i) expect_problem(login_from("203.0.113.9", "guess-" + std::to_string(i)), 401);
    auto attacker = login_from("203.0.113.9", "guess-5");
    expect_problem(attacker, 429);
    EXPECT_GT(std::stoi(attacker.header("retry-after")), 0);
    EXPECT_NE(attacker.json()["detail"].get<std::string>().find("try again"), std::string::npos);
    // The user, from their own address, signs in; the guesser is still refused, even with the password.
    EXPECT_EQ(login_from("198.51.100.7", ws.password).status, 200);
    expect_problem(login_from("203.0.113.9", ws.password), 429);
    // Naming the user's address before the entry the proxy appended changes nothing.
    expect_problem(login_from("198.51.100.7, 203.0.113.9", ws.password), 429);
}

TEST_F(AuthApiTest, CookieWritesNeedTheCsrfToken) {
    auto client = owner_of(acme_);
    client.clear_default_header("X-CSRF-Token");
    auto res = client.post("/api/v1/teams", {{"name", "No CSRF"}, {"kind", "it"}});
    expect_problem(res, 403);
    EXPECT_NE(res.json()["detail"].get<std::string>().find("CSRF"), std::string::npos);
    client.set_default_header("X-CSRF-Token", "wrong");
    expect_problem(client.post("/api/v1/teams", {{"name", "No CSRF"}, {"kind", "it"}}), 403);
}

TEST_F(AuthApiTest, LogoutEndsTheSession) {
    auto client = owner_of(acme_);
    ASSERT_EQ(client.get("/api/v1/me").status, 200);
    auto out = client.post("/api/v1/auth/logout", nlohmann::json::object());
    EXPECT_EQ(out.status, 204) << out.body;
    expect_problem(client.get("/api/v1/me"), 401);
}

TEST_F(AuthApiTest, ChangingThePasswordEndsTheOtherSessionsOnly) {
    auto ws = server_->bootstrap("pwchange");
    auto laptop = signed_in_client(*server_, ws.owner_email, ws.password);
    auto phone = signed_in_client(*server_, ws.owner_email, ws.password);
    const std::string key = server_->api_key(ws.slug, "admin");
    auto me = laptop.get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << me.body;
    const std::string id = me.json()["user"]["id"];
    auto changed = laptop.patch("/api/v1/users/" + id, {{"password", "a brand new passphrase"}});
    ASSERT_EQ(changed.status, 200) << changed.body;
    expect_problem(phone.get("/api/v1/me"), 401);
    EXPECT_EQ(laptop.get("/api/v1/me").status, 200);
    EXPECT_EQ(with_key(key).get("/api/v1/me").status, 200);  // API keys are not sessions
    EXPECT_EQ(signed_in_client(*server_, ws.owner_email, "a brand new passphrase").get("/api/v1/me").status, 200);
}

TEST_F(AuthApiTest, AnOwnersPasswordResetEndsEveryOneOfThatUsersSessions) {
    auto ws = server_->bootstrap("pwreset");
    auto owner = signed_in_client(*server_, ws.owner_email, ws.password);
    const std::string email = unique_name("member") + "@pwreset.test";
    auto created = owner.post(
        "/api/v1/users",
        {{"email", email}, {"display_name", "Member"}, {"role", "member"}, {"password", "the first passphrase"}});
    ASSERT_EQ(created.status, 201) << created.body;
    auto member = signed_in_client(*server_, email, "the first passphrase");
    ASSERT_EQ(member.get("/api/v1/me").status, 200);
    auto reset = owner.patch("/api/v1/users/" + created.json()["id"].get<std::string>(),
                             {{"password", "the owner's new passphrase"}});
    ASSERT_EQ(reset.status, 200) << reset.body;
    expect_problem(member.get("/api/v1/me"), 401);
    EXPECT_EQ(owner.get("/api/v1/me").status, 200);
}

TEST_F(AuthApiTest, MissingMalformedAndForeignCredentialsAre401) {
    auto client = server_->client();
    expect_problem(client.get("/api/v1/me"), 401);
    client.set_default_header("Authorization", "Basic dXNlcjpwYXNz");
    expect_problem(client.get("/api/v1/me"), 401);
    client.set_default_header("Authorization", "Bearer rpk_garbage");
    expect_problem(client.get("/api/v1/me"), 401);
    // A well-formed token whose secret is wrong.
    const auto real = server_->api_key("acme", "viewer");
    std::string forged = real;
    forged.back() = forged.back() == 'A' ? 'B' : 'A';
    client.set_default_header("Authorization", "Bearer " + forged);
    expect_problem(client.get("/api/v1/me"), 401);
    client.set_default_header("Cookie", "rapport_session=rps_1_2_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    client.clear_default_header("Authorization");
    expect_problem(client.get("/api/v1/me"), 401);
}

TEST_F(AuthApiTest, ApiKeysAuthenticateUntilRevoked) {
    auto owner = owner_of(acme_);
    auto created = owner.post("/api/v1/api-keys", {{"name", "ERP sync"}, {"role", "member"}});
    ASSERT_EQ(created.status, 201) << created.body;
    const auto token = created.json()["token"].get<std::string>();
    const auto key_id = created.json()["id"].get<std::string>();
    EXPECT_EQ(token.rfind("rpk_", 0), 0u);

    auto key_client = with_key(token);
    auto me = key_client.get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(me.json()["role"], "member");
    EXPECT_EQ(me.json()["auth"], "api_key");

    // Listing never shows the token again.
    auto list = owner.get("/api/v1/api-keys");
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.body.find(token), std::string::npos);

    EXPECT_EQ(owner.del("/api/v1/api-keys/" + key_id).status, 204);
    auto after = key_client.get("/api/v1/me");
    expect_problem(after, 401);
    EXPECT_NE(after.json()["detail"].get<std::string>().find("revoked"), std::string::npos);
}

TEST_F(AuthApiTest, AKeyCannotOutrankItsCreator) {
    auto admin_key = with_key(server_->api_key("acme", "admin"));
    auto res = admin_key.post("/api/v1/api-keys", {{"name", "escalate"}, {"role", "owner"}});
    expect_problem(res, 403);
}

TEST_F(AuthApiTest, AuditLogRecordsLoginsFailuresAndKeyChanges) {
    auto ws = server_->bootstrap("audited");
    auto client = server_->client();
    expect_problem(client.post("/api/v1/auth/login", {{"email", ws.owner_email}, {"password", "wrong-password"}}), 401);
    auto owner = signed_in_client(*server_, ws.owner_email, ws.password);
    ASSERT_EQ(owner.post("/api/v1/api-keys", {{"name", "audit me"}, {"role", "viewer"}}).status, 201);

    auto audit = owner.get("/api/v1/audit?limit=50");
    ASSERT_EQ(audit.status, 200) << audit.body;
    std::vector<std::string> actions;
    const auto audit_body = audit.json();
    for (const auto& e : audit_body["items"]) actions.push_back(e["action"]);
    auto has = [&](const std::string& a) { return std::find(actions.begin(), actions.end(), a) != actions.end(); };
    EXPECT_TRUE(has("auth.login_failed"));
    EXPECT_TRUE(has("auth.login"));
    EXPECT_TRUE(has("api_key.created"));
    EXPECT_TRUE(has("workspace.bootstrapped"));
    // Newest first.
    ASSERT_FALSE(actions.empty());
    EXPECT_EQ(actions.front(), "api_key.created");

    auto filtered = owner.get("/api/v1/audit?action=auth.login_failed");
    ASSERT_EQ(filtered.status, 200);
    ASSERT_EQ(filtered.json()["items"].size(), 1u);
    EXPECT_EQ(filtered.json()["items"][0]["ip"], "127.0.0.1");

    // The other workspace's audit log shows none of it.
    auto other = owner_of(globex_).get("/api/v1/audit?limit=500");
    EXPECT_EQ(other.body.find("audit me"), std::string::npos);
}

TEST_F(AuthApiTest, ViewersCannotReadTheAuditLog) {
    expect_problem(with_key(server_->api_key("acme", "viewer")).get("/api/v1/audit"), 403);
}

}  // namespace rapport::testing
