// API keys: created (token shown once), listed, revoked.
#include "api/identity/identity_api.hpp"
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"

namespace rapport::api {

void register_api_key_routes(http::Router& router, IdentityApi& api) {
    router.add(http::Verb::get, "/api/v1/api-keys", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto page = RAPPORT_TRY(page_request(ctx));
        return ok_json(page_json(RAPPORT_TRY(api.api_keys.list_api_keys(principal, page))));
    });
    router.add(http::Verb::post, "/api/v1/api-keys", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto body = RAPPORT_TRY(JsonBody::parse(ctx));
        auto name = body.string("name", true);
        auto role_text = body.string("role", true);
        std::optional<domain::Role> role;
        if (role_text && !(role = domain::parse_role(*role_text))) {
            body.localized_error("/role", "identity.role_invalid");
        }
        RAPPORT_CHECK(body.finish("identity.api_key_create_invalid"));
        auto created = RAPPORT_TRY(api.api_keys.create_api_key(principal, *name, *role, ctx.peer.address));
        json out = to_json(created.key);
        out["token"] = created.token;
        auto res = ok_json(out, http::HttpStatus::created);
        res.set(http::beast_http::field::cache_control, "no-store");
        return res;
    });
    router.add(http::Verb::delete_, "/api/v1/api-keys/{id}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "API key"));
                   RAPPORT_CHECK(api.api_keys.revoke_api_key(principal, id, ctx.peer.address));
                   return no_content();
               });
}

}  // namespace rapport::api
