// The audit log of security-relevant actions (admins and owners only).
#include "api/audit/audit_api.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "domain/identity/principals.hpp"

namespace rapport::api {

void register_audit_routes(http::Router& router, AuditApi& api) {
    router.add(http::Verb::get, "/api/v1/audit", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        RAPPORT_CHECK(domain::require_role(principal, domain::Role::Admin, "audit.action_reading_log"));
        auto page = RAPPORT_TRY(page_request(ctx));
        domain::AuditQuery query;
        if (auto action = ctx.query.get("action")) query.action = std::string(*action);
        if (auto actor = ctx.query.get("actor_user_id")) {
            auto id = parse_id(*actor);
            if (!id) return fail(Error::localized_field("?actor_user_id", "common.user_id_invalid"));
            query.actor_user_id = *id;
        }
        return ok_json(page_json(RAPPORT_TRY(api.audit.list(principal.workspace_id, query, page))));
    });
}

}  // namespace rapport::api
