// Probes, metrics and the API description.
#include "api/json_views.hpp"
#include "api/system/system_api.hpp"

namespace rapport::api {

void register_system_routes(http::Router& router, SystemApi& api) {
    router.add(http::Verb::get, "/healthz", [](http::RequestContext&) -> Result<http::Response> {
        return http::make_response(http::HttpStatus::ok, "ok\n", "text/plain; charset=utf-8");
    });
    router.add(http::Verb::get, "/readyz", [&api](http::RequestContext&) -> Result<http::Response> {
        RAPPORT_CHECK(api.ready());
        return http::make_response(http::HttpStatus::ok, "ready\n", "text/plain; charset=utf-8");
    });
    router.add(http::Verb::get, "/metrics", [&api](http::RequestContext&) -> Result<http::Response> {
        return http::make_response(http::HttpStatus::ok, api.metrics.render(), "text/plain; version=0.0.4");
    });
    router.add(http::Verb::get, "/api/v1/openapi.json", [&api](http::RequestContext&) -> Result<http::Response> {
        return http::json_response(http::HttpStatus::ok, api.openapi_document);
    });
}

}  // namespace rapport::api
