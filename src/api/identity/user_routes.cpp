// Users of the workspace and the record-level grants of each role.
#include "api/identity/identity_api.hpp"
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "domain/identity/validation.hpp"

namespace rapport::api {

namespace {

Result<domain::UserInput> read_user_input(const http::RequestContext& ctx, bool creating) {
    auto body = RAPPORT_TRY(JsonBody::parse(ctx));
    domain::UserInput in;
    in.email = body.string("email", creating);
    in.display_name = body.string("display_name", creating);
    if (auto role = body.string("role", creating)) {
        in.role = domain::parse_role(*role);
        if (!in.role) body.localized_error("/role", "identity.role_invalid");
    }
    in.language = body.string("language");
    if (in.language && *in.language != "en" && *in.language != "it" && *in.language != "es" && *in.language != "pt") {
        body.localized_error("/language", "identity.language_invalid");
    }
    in.password = body.string("password");
    // The service checks these too; checking here as well reports them with the JSON
    // errors above in one answer instead of one at a time.
    if (in.email && !domain::normalize_email(*in.email)) body.localized_error("/email", "common.email_invalid");
    if (in.password) {
        if (auto problem = domain::password_problem(*in.password)) body.error(FieldError::at("/password", *problem));
    }
    if (!creating) in.active = body.boolean("active");
    RAPPORT_CHECK(body.finish(creating ? "identity.user_create_invalid" : "identity.user_save_invalid"));
    return in;
}

}  // namespace

void register_user_routes(http::Router& router, IdentityApi& api) {
    router.add(http::Verb::get, "/api/v1/users", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto page = RAPPORT_TRY(page_request(ctx));
        return ok_json(page_json(RAPPORT_TRY(api.users.list_users(principal, page))));
    });
    router.add(http::Verb::post, "/api/v1/users", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto in = RAPPORT_TRY(read_user_input(ctx, true));
        auto user = RAPPORT_TRY(api.users.create_user(principal, in, ctx.peer.address));
        auto res = ok_json(to_json(user), http::HttpStatus::created);
        res.set(http::beast_http::field::location, "/api/v1/users/" + id_to_string(user.user_id));
        return res;
    });
    router.add(http::Verb::get, "/api/v1/users/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "user"));
        return ok_json(to_json(RAPPORT_TRY(api.users.get_user(principal, id))));
    });
    router.add(http::Verb::patch, "/api/v1/users/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "user"));
        auto in = RAPPORT_TRY(read_user_input(ctx, false));
        return ok_json(to_json(RAPPORT_TRY(api.users.update_user(principal, id, in, ctx.peer.address))));
    });

    router.add(http::Verb::get, "/api/v1/roles", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto grants = RAPPORT_TRY(api.actors.role_grants(principal));
        json items = json::array();
        for (const auto& g : grants.all()) items.push_back(to_json(g));
        return ok_json({{"items", items}});
    });
    router.add(http::Verb::put, "/api/v1/roles/{role}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto role = domain::parse_role(ctx.param("role"));
        if (!role)
            return fail(Error::localized(ErrorCode::NotFound, "identity.no_such_role",
                                         {{"role", std::string(ctx.param("role"))}}));
        auto body = RAPPORT_TRY(JsonBody::parse(ctx));
        auto read = body.string("read", true);
        auto write = body.string("write", true);
        std::optional<domain::Scope> rd, wr;
        if (read && !(rd = domain::parse_scope(*read))) body.localized_error("/read", "identity.scope_invalid");
        if (write && !(wr = domain::parse_scope(*write))) body.localized_error("/write", "identity.scope_invalid");
        RAPPORT_CHECK(body.finish("identity.grant_invalid"));
        domain::RoleGrant grant{*role, *rd, *wr};
        RAPPORT_CHECK(api.role_grants.set_role_grant(principal, grant, ctx.peer.address));
        return ok_json(to_json(grant));
    });
}

}  // namespace rapport::api
