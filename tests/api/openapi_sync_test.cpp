// The OpenAPI document is the API reference: every route the router serves is documented,
// and every documented route exists.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "api/api_context.hpp"
#include "api/openapi.hpp"
#include "app/services.hpp"
#include "testlib/test_server.hpp"

namespace rapport {

TEST(OpenApiSync, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
    const auto path = std::filesystem::temp_directory_path() / (testing::unique_name("openapi") + ".db");
    auto services = app::Services::open("sqlite:" + path.string());
    ASSERT_TRUE(services) << services.error().detail;
    http::MetricsRegistry metrics;
    auto& svc = **services;
    api::ApiContext ctx{.authentication = svc.authentication(),
                        .users = svc.users(),
                        .api_keys = svc.api_keys(),
                        .role_grants = svc.role_grants(),
                        .actors = svc.actors(),
                        .teams = svc.teams(),
                        .customers = svc.customers(),
                        .timeline = svc.timeline(),
                        .search = svc.search(),
                        .privacy = svc.privacy(),
                        .segments = svc.segments(),
                        .partitions = svc.partitions(),
                        .imports = svc.imports(),
                        .duplicates = svc.duplicates(),
                        .audit = svc.audit(),
                        .database = svc.database(),
                        .metrics = metrics,
                        .version = "test",
                        .demo_login_hint = false,
                        .demo_email = "",
                        .demo_password = ""};
    http::Router router(&metrics);
    api::register_all_routes(router, ctx);

    std::set<std::string> served;
    for (const auto& r : router.routes()) {
        std::string verb(http::beast_http::to_string(r.verb));
        std::transform(verb.begin(), verb.end(), verb.begin(), [](unsigned char c) { return std::tolower(c); });
        served.insert(verb + " " + r.path_template);
    }
    const auto doc = api::openapi_document("test");
    EXPECT_EQ(doc["openapi"].get<std::string>().rfind("3.1", 0), 0u);
    std::set<std::string> documented;
    for (const auto& [p, item] : doc["paths"].items()) {
        for (const auto& [method, op] : item.items()) {
            if (method == "parameters") continue;
            documented.insert(method + " " + p);
            EXPECT_TRUE(op.contains("summary")) << method << " " << p;
            EXPECT_TRUE(op.contains("responses")) << method << " " << p;
        }
    }
    for (const auto& s : served) EXPECT_TRUE(documented.count(s)) << "undocumented route: " << s;
    for (const auto& d : documented) EXPECT_TRUE(served.count(d)) << "documented route that does not exist: " << d;
    std::filesystem::remove(path);
}

}  // namespace rapport
