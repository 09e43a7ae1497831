// Data subjects' rights: a person's data as one JSON document, and erasure.
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/privacy/privacy_api.hpp"
#include "api/request_auth.hpp"
#include "domain/privacy/privacy_service.hpp"

namespace rapport::api {

void register_privacy_routes(http::Router& router, PrivacyApi& api) {
    router.add(http::Verb::get, "/api/v1/people/{id}/privacy-export",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "person"));
                   auto doc = RAPPORT_TRY(api.privacy.export_person(principal, id, ctx.peer.address));
                   auto res = ok_json(doc);
                   res.set(http::beast_http::field::content_disposition,
                           "attachment; filename=\"person-" + id_to_string(id) + ".json\"");
                   res.set(http::beast_http::field::cache_control, "no-store");
                   return res;
               });
    router.add(http::Verb::post, "/api/v1/people/{id}/erase",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "person"));
                   RAPPORT_CHECK(api.privacy.erase_person(principal, id, ctx.peer.address));
                   return no_content();
               });
}

}  // namespace rapport::api
