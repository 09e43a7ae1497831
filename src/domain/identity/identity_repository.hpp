#pragma once
// Persistence of workspaces, accounts, users, sessions, API keys and role grants.
// Every method is atomic on its own; a method that takes an AuditEntry writes it in the
// same transaction as the change. Every query is scoped by workspace_id except the
// account lookups a login needs before it knows the workspace.
// Implementations must be thread-safe.
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/identity/entities.hpp"
#include "domain/page.hpp"
#include "domain/permissions/record_access.hpp"

namespace rapport::domain {

struct NewUser {
    Id workspace_id = 0;
    Id user_id = 0;
    std::string email;  // normalised
    std::string display_name;
    Role role = Role::Member;
    std::optional<std::string> language;
    // Used when no account exists for the email yet; an existing account keeps its password.
    std::optional<std::string> password_hash;
    UnixMillis now = 0;
};

class IdentityRepository {
public:
    virtual ~IdentityRepository() = default;

    // Creates the workspace with its role grants.
    virtual Status create_workspace(const Workspace& workspace, const RoleGrants& grants) = 0;
    virtual Result<std::optional<Workspace>> find_workspace(Id workspace_id) = 0;
    virtual Result<std::optional<Workspace>> find_workspace_by_slug(const std::string& slug) = 0;

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
    // Team ids the user belongs to (for record-level permissions).
    virtual Result<std::vector<Id>> team_ids_of(Id workspace_id, Id user_id) = 0;
    // The user's B2B2C partitions: the buyer they are a partner user of, if any, and the
    // buyers whose consumers were granted to them or to one of their teams.
    struct PartitionAccess {
        std::optional<Id> partner_company_id;
        std::vector<Id> granted;
    };
    virtual Result<PartitionAccess> partition_access_of(Id workspace_id, Id user_id) = 0;

    virtual Status create_session(const Session& session, const AuditEntry& audit) = 0;
    virtual Result<std::optional<Session>> find_session(Id workspace_id, Id session_id) = 0;
    virtual Status delete_session(Id workspace_id, Id session_id, const AuditEntry& audit) = 0;
    // Removes every session of a user (deactivation).
    virtual Status delete_sessions_of(Id workspace_id, Id user_id) = 0;

    virtual Status create_api_key(const ApiKey& key, const AuditEntry& audit) = 0;
    virtual Result<std::optional<ApiKey>> find_api_key(Id workspace_id, Id key_id) = 0;
    virtual Result<Page<ApiKey>> list_api_keys(Id workspace_id, const PageRequest& page) = 0;
    virtual Status revoke_api_key(Id workspace_id, Id key_id, UnixMillis now, const AuditEntry& audit) = 0;
    virtual Status touch_api_key(Id workspace_id, Id key_id, UnixMillis now) = 0;

    // For events that change nothing else (failed logins).
    virtual Status append_audit(const AuditEntry& audit) = 0;

    virtual Result<RoleGrants> role_grants(Id workspace_id) = 0;
    virtual Status set_role_grant(Id workspace_id, const RoleGrant& grant, const AuditEntry& audit) = 0;
};

}  // namespace rapport::domain
