#pragma once
// One real server per test suite, with two workspaces ("acme" and "globex") so every
// suite can check that workspaces never see each other's data.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "testlib/test_server.hpp"

namespace rapport::testing {

class ApiTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server_ = std::make_unique<TestServer>();
        acme_ = server_->bootstrap("acme");
        globex_ = server_->bootstrap("globex");
    }
    static void TearDownTestSuite() { server_.reset(); }

    HttpClient owner_of(const TestServer::Workspace& ws) const {
        return signed_in_client(*server_, ws.owner_email, ws.password);
    }
    HttpClient with_key(const std::string& token) const {
        HttpClient c = server_->client();
        c.set_default_header("Authorization", "Bearer " + token);
        return c;
    }

    // A new, signed-in user of acme with the role (and a unique email).
    struct UserClient {
        HttpClient client;
        std::string id;
    };
    static UserClient new_acme_user(const std::string& role, const std::string& display_name) {
        auto owner = signed_in_client(*server_, acme_.owner_email, acme_.password);
        const auto email = unique_name("u") + "@acme.test";
        auto created = owner.post(
            "/api/v1/users",
            {{"email", email}, {"display_name", display_name}, {"role", role}, {"password", "long enough pw 1"}});
        EXPECT_EQ(created.status, 201) << created.body;
        return {signed_in_client(*server_, email, "long enough pw 1"), created.json()["id"]};
    }
    // Creates a company or person (path: "/api/v1/people", ...) and answers its id ("" on a
    // failure, which is reported). `fields` may hold owner_user_id and team_id, which the API
    // takes beside the fields.
    static std::string create_record(HttpClient& c, const std::string& path, nlohmann::json fields) {
        nlohmann::json body = nlohmann::json::object();
        for (const char* key : {"owner_user_id", "team_id"}) {
            if (fields.contains(key)) {
                body[key] = fields[key];
                fields.erase(key);
            }
        }
        body["fields"] = fields;
        auto res = c.post(path, body);
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["id"].get<std::string>() : std::string();
    }

    // Asserts an RFC 9457 body with the given status.
    static void expect_problem(const HttpResult& res, int status) {
        EXPECT_EQ(res.status, status) << res.body;
        EXPECT_EQ(res.header("content-type"), "application/problem+json") << res.body;
        auto body = res.json();
        ASSERT_TRUE(body.is_object()) << res.body;
        EXPECT_EQ(body["status"], status);
        EXPECT_TRUE(body["type"].is_string());
        EXPECT_TRUE(body["title"].is_string());
        EXPECT_TRUE(body["detail"].is_string());
        EXPECT_FALSE(body["detail"].get<std::string>().empty());
    }
    static bool has_error_at(const HttpResult& res, const std::string& pointer) {
        auto body = res.json();
        if (!body.contains("errors")) return false;
        for (const auto& e : body["errors"]) {
            if (e["pointer"] == pointer) return true;
        }
        return false;
    }

    static inline std::unique_ptr<TestServer> server_;
    static inline TestServer::Workspace acme_;
    static inline TestServer::Workspace globex_;
};

}  // namespace rapport::testing
