#pragma once
// The identity area's tables (workspaces, accounts, users, sessions, API keys, role grants)
// behind each narrow repository interface of the identity parts.
#include "domain/identity/actor_repository.hpp"
#include "domain/identity/api_key_repository.hpp"
#include "domain/identity/authentication_repository.hpp"
#include "domain/identity/role_grant_repository.hpp"
#include "domain/identity/user_repository.hpp"
#include "domain/identity/workspace_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

class SqlIdentityRepository final : public domain::AuthenticationRepository,
                                    public domain::UserRepository,
                                    public domain::ApiKeyRepository,
                                    public domain::RoleGrantRepository,
                                    public domain::WorkspaceRepository,
                                    public domain::ActorRepository {
public:
    explicit SqlIdentityRepository(Database& db) : db_(db) {}

    Status create_workspace(const domain::Workspace& workspace, const domain::RoleGrants& grants) override;
    Result<std::optional<domain::Workspace>> find_workspace(Id workspace_id) override;
    Result<std::optional<domain::Workspace>> find_workspace_by_slug(const std::string& slug) override;

    Result<std::optional<domain::Account>> find_account_by_email(const std::string& email) override;
    Status set_password(Id account_id, const std::string& password_hash, UnixMillis now,
                        std::optional<Id> keep_session_id, const domain::AuditEntry& audit) override;

    Result<domain::User> create_user(const domain::NewUser& user, const domain::AuditEntry& audit) override;
    Result<std::optional<domain::User>> find_user(Id workspace_id, Id user_id) override;
    Result<domain::Page<domain::User>> list_users(Id workspace_id, const domain::PageRequest& page) override;
    Result<std::vector<domain::User>> memberships(Id account_id) override;
    Result<domain::User> update_user(const domain::User& user, const domain::AuditEntry& audit) override;
    Result<int> count_active_owners(Id workspace_id) override;
    Result<std::vector<Id>> team_ids_of(Id workspace_id, Id user_id) override;
    Result<PartitionAccess> partition_access_of(Id workspace_id, Id user_id) override;

    Status create_session(const domain::Session& session, const domain::AuditEntry& audit) override;
    Result<std::optional<domain::Session>> find_session(Id workspace_id, Id session_id) override;
    Status delete_session(Id workspace_id, Id session_id, const domain::AuditEntry& audit) override;
    Status delete_sessions_of(Id workspace_id, Id user_id) override;

    Status create_api_key(const domain::ApiKey& key, const domain::AuditEntry& audit) override;
    Result<std::optional<domain::ApiKey>> find_api_key(Id workspace_id, Id key_id) override;
    Result<domain::Page<domain::ApiKey>> list_api_keys(Id workspace_id, const domain::PageRequest& page) override;
    Status revoke_api_key(Id workspace_id, Id key_id, UnixMillis now, const domain::AuditEntry& audit) override;
    Status touch_api_key(Id workspace_id, Id key_id, UnixMillis now) override;

    Status append_audit(const domain::AuditEntry& audit) override;
    Result<domain::RoleGrants> role_grants(Id workspace_id) override;
    Status set_role_grant(Id workspace_id, const domain::RoleGrant& grant, const domain::AuditEntry& audit) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
