#include "domain/identity/role_grant_service.hpp"

#include "domain/audit/audit_of.hpp"
#include "domain/identity/audit_detail.hpp"
#include "domain/identity/principals.hpp"

namespace rapport::domain {

Status RoleGrantService::set_role_grant(const Principal& actor, const RoleGrant& grant, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Owner, "identity.action_changing_role_grants"));
    if (grant.role == Role::Owner && (grant.read != Scope::All || grant.write != Scope::All)) {
        return fail(Error::localized_field("/role", "identity.owner_grant_fixed"));
    }
    RAPPORT_CHECK(repo_.set_role_grant(
        actor.workspace_id, grant,
        audit_of(actor, clock_.now_ms(), "role.grant_changed", "role", std::string(to_string(grant.role)), ip,
                 "{\"read\":" + json_quote(to_string(grant.read)) + ",\"write\":" + json_quote(to_string(grant.write)) +
                     "}")));
    cache_.invalidate();
    return {};
}

}  // namespace rapport::domain
