// The OpenAPI document is the API reference: every route the router serves is documented,
// and every documented route exists.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "api/api_context.hpp"
#include "app/services.hpp"
#include "testlib/test_server.hpp"

namespace rapport {

TEST(OpenApiSync, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
    const auto path = std::filesystem::temp_directory_path() / (testing::unique_name("openapi") + ".db");
    auto services = app::Services::open("sqlite:" + path.string());
    ASSERT_TRUE(services) << services.error().detail;
    http::MetricsRegistry metrics;
    auto& svc = **services;
    api::ApiContext ctx{.identity = svc.get<domain::IdentityService>(),
                        .metrics = metrics,
                        .version = "test",
                        .demo_login_hint = false,
                        .demo_email = "",
                        .demo_password = ""};
    http::Router router(&metrics);
    svc.add_routes(router, ctx);

    std::set<std::string> served;
    for (const auto& r : router.routes()) {
        std::string verb(http::beast_http::to_string(r.verb));
        std::transform(verb.begin(), verb.end(), verb.begin(), [](unsigned char c) { return std::tolower(c); });
        served.insert(verb + " " + r.path_template);
    }
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
    std::filesystem::remove(path);
}

}  // namespace rapport
