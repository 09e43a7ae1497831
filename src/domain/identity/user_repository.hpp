#pragma once
// What managing a workspace's users needs from storage (UserService). Every method is
// atomic on its own; a method that takes an AuditEntry writes it in the same transaction
// as the change. Every query is scoped by workspace_id except the account lookups, which
// span workspaces. Implementations must be thread-safe.
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/identity/entities.hpp"
#include "domain/identity/new_user.hpp"
#include "domain/page.hpp"

namespace rapport::domain {

class UserRepository {
public:
    virtual ~UserRepository() = default;

    virtual Result<std::optional<Account>> find_account_by_email(const std::string& email) = 0;
    // Sets the account's password and, in the same transaction, ends every session of the
    // account in every workspace except `keep_session_id` (the one that made the change, if
    // any): whoever held the old password loses the sessions it opened. API keys stay.
    virtual Status set_password(Id account_id, const std::string& password_hash, UnixMillis now,
                                std::optional<Id> keep_session_id, const AuditEntry& audit) = 0;

    // Creates the user, and the account when the email has none. Conflict when the
    // workspace already has a user with that email; Validation when a new account
    // lacks a password.
    virtual Result<User> create_user(const NewUser& user, const AuditEntry& audit) = 0;
    virtual Result<std::optional<User>> find_user(Id workspace_id, Id user_id) = 0;
    virtual Result<Page<User>> list_users(Id workspace_id, const PageRequest& page) = 0;
    // The memberships of one account across workspaces (for login and workspace switching).
    virtual Result<std::vector<User>> memberships(Id account_id) = 0;
    virtual Result<User> update_user(const User& user, const AuditEntry& audit) = 0;
    virtual Result<int> count_active_owners(Id workspace_id) = 0;
    // Removes every session of a user (deactivation).
    virtual Status delete_sessions_of(Id workspace_id, Id user_id) = 0;
};

}  // namespace rapport::domain
