// Probes, metrics and the API description.
#include "api/api_context.hpp"
#include "api/json_views.hpp"
#include "api/openapi.hpp"

namespace rapport::api {

void register_system_routes(http::Router& router, ApiContext& api) {
    router.add(http::Verb::get, "/healthz", [](http::RequestContext&) -> Result<http::Response> {
        return http::make_response(http::HttpStatus::ok, "ok\n", "text/plain; charset=utf-8");
    });
    router.add(http::Verb::get, "/readyz", [&api](http::RequestContext&) -> Result<http::Response> {
        RAPPORT_CHECK(api.database.ping());
        return http::make_response(http::HttpStatus::ok, "ready\n", "text/plain; charset=utf-8");
    });
    router.add(http::Verb::get, "/metrics", [&api](http::RequestContext&) -> Result<http::Response> {
        return http::make_response(http::HttpStatus::ok, api.metrics.render(), "text/plain; version=0.0.4");
    });
    router.add(http::Verb::get, "/api/v1/openapi.json", [&api](http::RequestContext&) -> Result<http::Response> {
        static const std::string doc = openapi_document(api.version).dump(2);
        return http::json_response(http::HttpStatus::ok, doc);
    });
}

void register_all_routes(http::Router& router, ApiContext& api) {
    register_system_routes(router, api);
    register_auth_routes(router, api);
    register_user_routes(router, api);
    register_team_routes(router, api);
    register_api_key_routes(router, api);
    register_audit_routes(router, api);
    register_customer_routes(router, api);
    register_timeline_routes(router, api);
    register_search_routes(router, api);
    register_import_routes(router, api);
    register_privacy_routes(router, api);
    register_segment_routes(router, api);
    register_export_routes(router, api);
    register_partition_routes(router, api);
    register_duplicate_routes(router, api);
}

}  // namespace rapport::api
