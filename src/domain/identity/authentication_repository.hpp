#pragma once
// What signing in and out and resolving bearer credentials need from storage
// (AuthenticationService). Every method is atomic on its own; a method that takes an
// AuditEntry writes it in the same transaction as the change. Every query is scoped by
// workspace_id except the account lookups a login needs before it knows the workspace.
// Implementations must be thread-safe.
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/identity/entities.hpp"

namespace rapport::domain {

class AuthenticationRepository {
public:
    virtual ~AuthenticationRepository() = default;

    virtual Result<std::optional<Account>> find_account_by_email(const std::string& email) = 0;
    // The memberships of one account across workspaces.
    virtual Result<std::vector<User>> memberships(Id account_id) = 0;
    virtual Result<std::optional<Workspace>> find_workspace(Id workspace_id) = 0;
    virtual Result<std::optional<User>> find_user(Id workspace_id, Id user_id) = 0;

    virtual Status create_session(const Session& session, const AuditEntry& audit) = 0;
    virtual Result<std::optional<Session>> find_session(Id workspace_id, Id session_id) = 0;
    virtual Status delete_session(Id workspace_id, Id session_id, const AuditEntry& audit) = 0;

    virtual Result<std::optional<ApiKey>> find_api_key(Id workspace_id, Id key_id) = 0;
    // Records that the key was used at `now` (last_used_at).
    virtual Status touch_api_key(Id workspace_id, Id key_id, UnixMillis now) = 0;

    // For events that change nothing else (failed logins).
    virtual Status append_audit(const AuditEntry& audit) = 0;
};

}  // namespace rapport::domain
