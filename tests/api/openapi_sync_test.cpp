// The OpenAPI document is the API reference: every route the router serves is documented,
// and every documented route exists.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "api/api_context.hpp"
#include "api/openapi.hpp"
#include "app/services.hpp"
#include "testlib/test_server.hpp"

namespace rapport {
namespace {

// A service set on a fresh SQLite file and the context its routes are added with.
class OpenApiSync : public ::testing::Test {
protected:
    void SetUp() override {
        auto services = app::Services::open("sqlite:" + path_.string());
        ASSERT_TRUE(services) << services.error().detail;
        services_ = std::move(*services);
        ctx_.emplace(api::ApiContext{.authentication = services_->get<domain::AuthenticationService>(),
                                     .metrics = metrics_,
                                     .version = "test",
                                     .demo_login_hint = false,
                                     .demo_email = "",
                                     .demo_password = ""});
    }
    void TearDown() override {
        services_.reset();
        std::filesystem::remove(path_);
    }

    // "get /api/v1/people", one per route the router serves.
    static std::set<std::string> served_routes(const http::Router& router) {
        std::set<std::string> served;
        for (const auto& r : router.routes()) {
            std::string verb(http::beast_http::to_string(r.verb));
            std::transform(verb.begin(), verb.end(), verb.begin(), [](unsigned char c) { return std::tolower(c); });
            served.insert(verb + " " + r.path_template);
        }
        return served;
    }

    const std::filesystem::path path_ =
        std::filesystem::temp_directory_path() / (testing::unique_name("openapi") + ".db");
    http::MetricsRegistry metrics_;
    std::unique_ptr<app::Services> services_;
    std::optional<api::ApiContext> ctx_;
};

}  // namespace

TEST_F(OpenApiSync, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
    auto& svc = *services_;
    http::Router router(&metrics_);
    svc.add_routes(router, *ctx_);

    const auto served = served_routes(router);
    const auto doc = svc.openapi_document("test");
    EXPECT_EQ(doc["openapi"].get<std::string>().rfind("3.1", 0), 0u);
    std::set<std::string> documented;
    std::map<std::string, std::string> operation_ids;  // operationId -> "method path"
    for (const auto& [p, item] : doc["paths"].items()) {
        for (const auto& [method, op] : item.items()) {
            if (method == "parameters") continue;
            const std::string where = method + " " + p;
            documented.insert(where);
            EXPECT_TRUE(op.contains("summary")) << where;
            EXPECT_TRUE(op.contains("responses")) << where;
            // Client generators name their functions after operationId: every operation
            // has one, and no two share it.
            if (op.contains("operationId") && op["operationId"].is_string() &&
                !op["operationId"].get<std::string>().empty()) {
                const auto id = op["operationId"].get<std::string>();
                const auto [it, inserted] = operation_ids.emplace(id, where);
                EXPECT_TRUE(inserted) << "operationId " << id << " of " << where << " is also " << it->second;
            } else {
                ADD_FAILURE() << "no operationId: " << where;
            }
            // Every operation says how it fails: at least one 4xx response.
            bool has_4xx = false;
            if (op.contains("responses") && op["responses"].is_object()) {
                for (const auto& [status, response] : op["responses"].items()) {
                    if (status.size() == 3 && status[0] == '4') has_4xx = true;
                }
            }
            EXPECT_TRUE(has_4xx) << "no 4xx response: " << where;
        }
    }
    for (const auto& s : served) EXPECT_TRUE(documented.count(s)) << "undocumented route: " << s;
    for (const auto& d : documented) EXPECT_TRUE(served.count(d)) << "documented route that does not exist: " << d;
}

// Each area's fragment (src/api/<area>/openapi.json) documents exactly the routes its module
// adds: an area's description stays in its own folder.
TEST_F(OpenApiSync, EachAreaDocumentsItsOwnRoutes) {
    auto& svc = *services_;
    ASSERT_FALSE(svc.modules().empty());
    for (const auto& module : svc.modules()) {
        const std::string area(module->name());
        http::Router router(&metrics_);
        module->add_routes(router, *ctx_);
        const auto served = served_routes(router);
        std::set<std::string> documented;
        if (!module->openapi_fragment().empty()) {
            const auto fragment = nlohmann::json::parse(module->openapi_fragment());
            for (const auto& [p, item] : fragment["paths"].items()) {
                for (const auto& [method, op] : item.items()) {
                    if (method != "parameters") documented.insert(method + " " + p);
                }
            }
        }
        for (const auto& s : served) {
            EXPECT_TRUE(documented.count(s)) << "area " << area << " serves " << s << " but src/api/" << area
                                             << "/openapi.json does not document it";
        }
        for (const auto& d : documented) {
            EXPECT_TRUE(served.count(d)) << "src/api/" << area << "/openapi.json documents " << d
                                         << ", a route the area does not add";
        }
    }
}

// Assembly: two areas may share a path with different verbs, never an operation or a
// component; a fragment cannot override what the base owns.
TEST(OpenApiAssembly, MergesAreasAndRefusesWhatTwoAreasDefine) {
    const std::string a = R"({"paths": {"/x": {"get": {"operationId": "getX"}}},
                               "components": {"schemas": {"A": {"type": "string"}}}})";
    const std::string b = R"({"paths": {"/x": {"post": {"operationId": "postX"}}}})";
    const auto doc = api::openapi_document("t", {{"a", a}, {"b", b}});
    EXPECT_TRUE(doc["paths"]["/x"].contains("get"));
    EXPECT_TRUE(doc["paths"]["/x"].contains("post"));
    EXPECT_TRUE(doc["components"]["schemas"].contains("A"));
    EXPECT_TRUE(doc["components"]["schemas"].contains("Problem"));  // the base's
    EXPECT_EQ(doc["info"]["version"], "t");

    const std::string same_operation = R"({"paths": {"/x": {"get": {"operationId": "other"}}}})";
    EXPECT_THROW(api::openapi_document("t", {{"a", a}, {"c", same_operation}}), std::logic_error);
    const std::string same_schema = R"({"components": {"schemas": {"A": {"type": "integer"}}}})";
    EXPECT_THROW(api::openapi_document("t", {{"a", a}, {"c", same_schema}}), std::logic_error);
    const std::string base_schema = R"({"components": {"schemas": {"Problem": {}}}})";
    EXPECT_THROW(api::openapi_document("t", {{"c", base_schema}}), std::logic_error);
    const std::string info = R"({"info": {"title": "mine"}})";
    EXPECT_THROW(api::openapi_document("t", {{"c", info}}), std::logic_error);
}

}  // namespace rapport
