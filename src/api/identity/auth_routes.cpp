// Sign-in, sign-out and "who am I".
#include <fmt/format.h>

#include "api/identity/identity_api.hpp"
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/request_auth.hpp"

namespace rapport::api {

namespace {

std::string session_cookie_header(const std::string& token, long max_age_seconds, bool secure) {
    return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}", kSessionCookie, token, max_age_seconds,
                       secure ? "; Secure" : "");
}

Result<http::Response> me(http::RequestContext& ctx, IdentityApi& api) {
    auto principal = RAPPORT_TRY(authenticate(ctx, api));
    auto workspace = RAPPORT_TRY(api.actors.workspace_of(principal));
    auto grants = RAPPORT_TRY(api.actors.role_grants(principal));
    json body = {{"workspace", to_json(workspace)},
                 {"role", to_string(principal.role)},
                 {"auth", principal.method == domain::Principal::Method::Session ? "session" : "api_key"},
                 {"permissions", to_json(grants.for_role(principal.role))}};
    if (principal.user_id) {
        auto user = RAPPORT_TRY(api.users.get_user(principal, *principal.user_id));
        body["user"] = to_json(user);
        json workspaces = json::array();
        for (const auto& m : RAPPORT_TRY(api.users.memberships_of(user))) {
            domain::Principal other = principal;
            other.workspace_id = m.workspace_id;
            auto ws = api.actors.workspace_of(other);
            if (ws)
                workspaces.push_back({{"id", id_to_string(ws->workspace_id)},
                                      {"slug", ws->slug},
                                      {"name", ws->name},
                                      {"role", to_string(m.role)}});
        }
        body["workspaces"] = workspaces;
        auto actor = RAPPORT_TRY(api.actors.actor_for(principal));
        json teams = json::array();
        for (Id t : actor.team_ids) teams.push_back(id_to_string(t));
        body["team_ids"] = teams;
        // B2B2C: the buyer a partner user works for, and which buyers' consumers the user sees.
        body["partner_company_id"] = actor.partner_company_id ? json(id_to_string(*actor.partner_company_id)) : json();
        json partitions = json::array();
        for (Id p : actor.partitions) partitions.push_back(id_to_string(p));
        body["partition_ids"] = partitions;
        body["all_partitions"] = actor.all_partitions;
    } else {
        body["api_key_id"] = id_to_string(principal.api_key_id.value_or(0));
        body["user"] = nullptr;
    }
    if (principal.method == domain::Principal::Method::Session) {
        body["csrf_token"] = domain::AuthenticationService::csrf_token_for(session_cookie(ctx));
    }
    return ok_json(body);
}

}  // namespace

void register_auth_routes(http::Router& router, IdentityApi& api) {
    router.add(http::Verb::post, "/api/v1/auth/login", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto body = RAPPORT_TRY(JsonBody::parse(ctx));
        domain::LoginRequest req;
        auto email = body.string("email", true);
        auto password = body.string("password", true);
        req.workspace = body.string("workspace");
        RAPPORT_CHECK(body.finish("identity.sign_in_needs"));
        req.email = *email;
        req.password = *password;
        req.ip = ctx.peer.address;
        auto result = RAPPORT_TRY(api.authentication.login(req));
        json out = {{"user", to_json(result.user)},
                    {"workspace", to_json(result.workspace)},
                    {"csrf_token", result.csrf_token},
                    {"token", result.token},
                    {"expires_at", result.expires_at}};
        auto res = ok_json(out);
        const long max_age = static_cast<long>((result.expires_at - SystemClock().now_ms()) / 1000);
        res.set(http::beast_http::field::set_cookie, session_cookie_header(result.token, max_age, ctx.peer.tls));
        res.set(http::beast_http::field::cache_control, "no-store");
        return res;
    });
    router.add(http::Verb::post, "/api/v1/auth/logout", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        RAPPORT_CHECK(api.authentication.logout(principal, ctx.peer.address));
        auto res = no_content();
        res.set(http::beast_http::field::set_cookie, session_cookie_header("", 0, ctx.peer.tls));
        return res;
    });
    router.add(http::Verb::get, "/api/v1/me", [&api](http::RequestContext& ctx) { return me(ctx, api); });
    // Public: what the sign-in page may show before anyone is signed in.
    router.add(http::Verb::get, "/api/v1/auth/hints", [&api](http::RequestContext&) -> Result<http::Response> {
        json body = {{"version", api.version}, {"demo", nullptr}};
        if (api.demo_login_hint) body["demo"] = {{"email", api.demo_email}, {"password", api.demo_password}};
        return ok_json(body);
    });
}

}  // namespace rapport::api
