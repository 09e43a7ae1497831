#include "domain/identity/workspace_bootstrap.hpp"

#include <vector>

#include "core/crypto.hpp"
#include "domain/audit/audit_of.hpp"
#include "domain/identity/audit_detail.hpp"
#include "domain/identity/principals.hpp"
#include "domain/identity/validation.hpp"

namespace rapport::domain {

Result<BootstrapResult> WorkspaceBootstrap::bootstrap(const std::string& workspace_name, const std::string& email,
                                                      const std::string& password, const std::string& display_name) {
    std::vector<FieldError> errors;
    const std::string slug = slugify(workspace_name);
    if (slug.empty()) errors.push_back(FieldError::localized("/workspace", "identity.workspace_name_invalid"));
    auto normalized = normalize_email(email);
    if (!normalized) errors.push_back(FieldError::localized("/email", "common.email_invalid"));
    if (auto problem = password_problem(password)) errors.push_back(FieldError::at("/password", *problem));
    if (!errors.empty())
        return fail(Error::localized(ErrorCode::Validation, "identity.workspace_invalid", {}, std::move(errors)));

    const UnixMillis now = clock_.now_ms();
    Workspace ws{new_id(), slug, workspace_name, "en", now};
    RAPPORT_CHECK(repo_.create_workspace(ws, RoleGrants::defaults()));

    Principal op = operator_principal(ws.workspace_id);
    NewUser nu;
    nu.workspace_id = ws.workspace_id;
    nu.user_id = new_id();
    nu.email = *normalized;
    nu.display_name = display_name.empty() ? *normalized : display_name;
    nu.role = Role::Owner;
    auto existing = RAPPORT_TRY(repo_.find_account_by_email(*normalized));
    if (!existing) nu.password_hash = RAPPORT_TRY(crypto::hash_password(password));
    nu.now = now;
    auto owner = RAPPORT_TRY(repo_.create_user(
        nu, audit_of(op, clock_.now_ms(), "workspace.bootstrapped", "user", id_to_string(nu.user_id), "",
                     "{\"workspace\":" + json_quote(ws.slug) + ",\"owner\":" + json_quote(nu.email) + "}")));
    return BootstrapResult{ws, owner};
}

}  // namespace rapport::domain
