#pragma once
// What creating a workspace with its owner needs from storage (WorkspaceBootstrap), and
// the lookups the command line makes by name. A method that takes an AuditEntry writes it
// in the same transaction as the change. Implementations must be thread-safe.
#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/identity/entities.hpp"
#include "domain/identity/new_user.hpp"
#include "domain/permissions/record_access.hpp"

namespace rapport::domain {

class WorkspaceRepository {
public:
    virtual ~WorkspaceRepository() = default;

    // Creates the workspace with its role grants.
    virtual Status create_workspace(const Workspace& workspace, const RoleGrants& grants) = 0;
    virtual Result<std::optional<Workspace>> find_workspace_by_slug(const std::string& slug) = 0;
    virtual Result<std::optional<Account>> find_account_by_email(const std::string& email) = 0;
    // Creates the user, and the account when the email has none (see UserRepository).
    virtual Result<User> create_user(const NewUser& user, const AuditEntry& audit) = 0;
};

}  // namespace rapport::domain
