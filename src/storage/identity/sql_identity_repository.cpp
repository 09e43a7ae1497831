#include "storage/identity/sql_identity_repository.hpp"

#include "storage/audit_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain;

namespace {

constexpr const char* kInsertWorkspace =
    "INSERT INTO workspaces (workspace_id, slug, name, default_language, created_at) VALUES ($1, $2, $3, $4, $5)";
constexpr const char* kWorkspaceById =
    "SELECT workspace_id, slug, name, default_language, created_at FROM workspaces WHERE workspace_id = $1";
constexpr const char* kWorkspaceBySlug =
    "SELECT workspace_id, slug, name, default_language, created_at FROM workspaces WHERE slug = $1";

constexpr const char* kAccountByEmail = "SELECT account_id, email, password_hash FROM accounts WHERE email = $1";
constexpr const char* kInsertAccount =
    "INSERT INTO accounts (account_id, email, password_hash, created_at, password_changed_at)"
    " VALUES ($1, $2, $3, $4, $4)";
constexpr const char* kSetPassword =
    "UPDATE accounts SET password_hash = $2, password_changed_at = $3 WHERE account_id = $1";

constexpr const char* kUserById =
    "SELECT u.workspace_id, u.user_id, u.account_id, a.email, u.display_name, u.role, u.language, u.active,"
    " u.created_at, u.updated_at FROM users u JOIN accounts a ON a.account_id = u.account_id"
    " WHERE u.workspace_id = $1 AND u.user_id = $2";
constexpr const char* kUsersPage =
    "SELECT u.workspace_id, u.user_id, u.account_id, a.email, u.display_name, u.role, u.language, u.active,"
    " u.created_at, u.updated_at FROM users u JOIN accounts a ON a.account_id = u.account_id"
    " WHERE u.workspace_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR u.user_id > $2) ORDER BY u.user_id LIMIT $3";
constexpr const char* kUsersOfAccount =
    "SELECT u.workspace_id, u.user_id, u.account_id, a.email, u.display_name, u.role, u.language, u.active,"
    " u.created_at, u.updated_at FROM users u JOIN accounts a ON a.account_id = u.account_id"
    " WHERE u.account_id = $1 ORDER BY u.workspace_id";
constexpr const char* kInsertUser =
    "INSERT INTO users (workspace_id, user_id, account_id, display_name, role, language, active, created_at,"
    " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)";
constexpr const char* kUpdateUser =
    "UPDATE users SET display_name = $3, role = $4, language = $5, active = $6, updated_at = $7"
    " WHERE workspace_id = $1 AND user_id = $2";
constexpr const char* kCountOwners =
    "SELECT COUNT(*) FROM users WHERE workspace_id = $1 AND role = 'owner' AND active = $2";
constexpr const char* kTeamIdsOfUser =
    "SELECT team_id FROM team_members WHERE workspace_id = $1 AND user_id = $2 ORDER BY team_id";

constexpr const char* kPartnerCompanyOfUser =
    "SELECT buyer_company_id FROM partner_users WHERE workspace_id = $1 AND user_id = $2";
constexpr const char* kGrantedPartitionsOfUser =
    "SELECT DISTINCT buyer_company_id FROM partition_grants WHERE workspace_id = $1 AND ((grantee_kind = 'user' AND "
    "grantee_id = $2) OR (grantee_kind = 'team' AND grantee_id IN (SELECT team_id FROM team_members WHERE "
    "workspace_id = $1 AND user_id = $2))) ORDER BY buyer_company_id";

constexpr const char* kInsertSession =
    "INSERT INTO sessions (workspace_id, session_id, user_id, secret_hash, created_at, expires_at, ip, user_agent)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr const char* kSessionById =
    "SELECT workspace_id, session_id, user_id, secret_hash, created_at, expires_at FROM sessions"
    " WHERE workspace_id = $1 AND session_id = $2";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE workspace_id = $1 AND session_id = $2";
constexpr const char* kDeleteSessionsOfUser = "DELETE FROM sessions WHERE workspace_id = $1 AND user_id = $2";
constexpr const char* kUserIdsOfAccount = "SELECT workspace_id, user_id FROM users WHERE account_id = $1";
// One user at a time, so each delete stays on its workspace's shard (Citus).
constexpr const char* kDeleteOtherSessionsOfUser =
    "DELETE FROM sessions WHERE workspace_id = $1 AND user_id = $2"
    " AND (CAST($3 AS BIGINT) IS NULL OR session_id <> $3)";

constexpr const char* kInsertApiKey =
    "INSERT INTO api_keys (workspace_id, key_id, name, role, secret_hash, created_by_user_id, created_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr const char* kApiKeyById =
    "SELECT workspace_id, key_id, name, role, secret_hash, created_by_user_id, created_at, last_used_at, revoked_at"
    " FROM api_keys WHERE workspace_id = $1 AND key_id = $2";
constexpr const char* kApiKeysPage =
    "SELECT workspace_id, key_id, name, role, secret_hash, created_by_user_id, created_at, last_used_at, revoked_at"
    " FROM api_keys WHERE workspace_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR key_id > $2) ORDER BY key_id LIMIT $3";
constexpr const char* kRevokeApiKey =
    "UPDATE api_keys SET revoked_at = $3 WHERE workspace_id = $1 AND key_id = $2 AND revoked_at IS NULL";
constexpr const char* kTouchApiKey = "UPDATE api_keys SET last_used_at = $3 WHERE workspace_id = $1 AND key_id = $2";

constexpr const char* kGrants = "SELECT role, read_scope, write_scope FROM role_grants WHERE workspace_id = $1";
constexpr const char* kUpsertGrant =
    "INSERT INTO role_grants (workspace_id, role, read_scope, write_scope) VALUES ($1, $2, $3, $4)"
    " ON CONFLICT (workspace_id, role) DO UPDATE SET read_scope = excluded.read_scope,"
    " write_scope = excluded.write_scope";

Workspace workspace_from(const Row& r) {
    return Workspace{as_int(r[0]), as_text(r[1]), as_text(r[2]), as_text(r[3]), as_int(r[4])};
}

User user_from(const Row& r) {
    User u;
    u.workspace_id = as_int(r[0]);
    u.user_id = as_int(r[1]);
    u.account_id = as_int(r[2]);
    u.email = as_text(r[3]);
    u.display_name = as_text(r[4]);
    u.role = parse_role(as_text(r[5])).value_or(Role::Viewer);
    u.language = as_opt_text(r[6]);
    u.active = as_bool(r[7]);
    u.created_at = as_int(r[8]);
    u.updated_at = as_int(r[9]);
    return u;
}

ApiKey api_key_from(const Row& r) {
    ApiKey k;
    k.workspace_id = as_int(r[0]);
    k.key_id = as_int(r[1]);
    k.name = as_text(r[2]);
    k.role = parse_role(as_text(r[3])).value_or(Role::Viewer);
    k.secret_hash = as_text(r[4]);
    k.created_by_user_id = as_opt_int(r[5]);
    k.created_at = as_int(r[6]);
    k.last_used_at = as_opt_int(r[7]);
    k.revoked_at = as_opt_int(r[8]);
    return k;
}

template <class T, class F>
Result<std::optional<T>> find_one(Database& db, const char* sql, const Params& params, F from) {
    return read(db, [&](Connection& conn) -> Result<std::optional<T>> {
        auto rs = RAPPORT_TRY(conn.query(sql, params));
        if (rs.empty()) return std::optional<T>{};
        return std::optional<T>{from(rs.rows[0])};
    });
}

Status put_grant(Connection& conn, Id workspace_id, const RoleGrant& g) {
    RAPPORT_CHECK(conn.execute(kUpsertGrant, {workspace_id, std::string(to_string(g.role)),
                                              std::string(to_string(g.read)), std::string(to_string(g.write))}));
    return {};
}

}  // namespace

Status SqlIdentityRepository::create_workspace(const Workspace& ws, const RoleGrants& grants) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        auto inserted =
            conn.execute(kInsertWorkspace, {ws.workspace_id, ws.slug, ws.name, ws.default_language, ws.created_at});
        if (!inserted) {
            if (inserted.error().code == ErrorCode::Conflict) {
                return fail(Error::localized(ErrorCode::Conflict, "identity.workspace_exists", {{"name", ws.slug}}));
            }
            return fail(std::move(inserted).error());
        }
        for (const auto& g : grants.all()) RAPPORT_CHECK(put_grant(conn, ws.workspace_id, g));
        return {};
    });
}

Result<std::optional<Workspace>> SqlIdentityRepository::find_workspace(Id workspace_id) {
    return find_one<Workspace>(db_, kWorkspaceById, {workspace_id}, workspace_from);
}

Result<std::optional<Workspace>> SqlIdentityRepository::find_workspace_by_slug(const std::string& slug) {
    return find_one<Workspace>(db_, kWorkspaceBySlug, {slug}, workspace_from);
}

Result<std::optional<Account>> SqlIdentityRepository::find_account_by_email(const std::string& email) {
    return find_one<Account>(db_, kAccountByEmail, {email}, [](const Row& r) {
        return Account{as_int(r[0]), as_text(r[1]), as_text(r[2])};
    });
}

Status SqlIdentityRepository::set_password(Id account_id, const std::string& hash, UnixMillis now,
                                           std::optional<Id> keep_session_id, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        RAPPORT_CHECK(conn.execute(kSetPassword, {account_id, hash, now}));
        const auto users = RAPPORT_TRY(conn.query(kUserIdsOfAccount, {account_id}));
        for (const auto& u : users.rows) {
            RAPPORT_CHECK(conn.execute(kDeleteOtherSessionsOfUser, {as_int(u[0]), as_int(u[1]), opt(keep_session_id)}));
        }
        return insert_audit(conn, audit);
    });
}

Result<User> SqlIdentityRepository::create_user(const NewUser& nu, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Result<User> {
        auto existing = RAPPORT_TRY(conn.query(kAccountByEmail, {nu.email}));
        Id account_id = 0;
        if (!existing.empty()) {
            account_id = as_int(existing.rows[0][0]);
        } else {
            if (!nu.password_hash) {
                return fail(Error::localized_field("/password", "identity.password_needed_for_new_account"));
            }
            account_id = new_id();
            RAPPORT_CHECK(conn.execute(kInsertAccount, {account_id, nu.email, *nu.password_hash, nu.now}));
        }
        auto inserted = conn.execute(kInsertUser, {nu.workspace_id, nu.user_id, account_id, nu.display_name,
                                                   std::string(to_string(nu.role)), opt(nu.language), true, nu.now});
        if (!inserted) {
            if (inserted.error().code == ErrorCode::Conflict) {
                return fail(Error::localized(ErrorCode::Conflict, "identity.email_taken", {{"email", nu.email}},
                                             {FieldError::localized("/email", "identity.email_taken_field")}));
            }
            return fail(std::move(inserted).error());
        }
        RAPPORT_CHECK(insert_audit(conn, audit));
        auto rs = RAPPORT_TRY(conn.query(kUserById, {nu.workspace_id, nu.user_id}));
        return user_from(rs.rows.at(0));
    });
}

Result<std::optional<User>> SqlIdentityRepository::find_user(Id workspace_id, Id user_id) {
    return find_one<User>(db_, kUserById, {workspace_id, user_id}, user_from);
}

Result<Page<User>> SqlIdentityRepository::list_users(Id workspace_id, const PageRequest& page) {
    return read(db_, [&](Connection& conn) -> Result<Page<User>> {
        auto rs = RAPPORT_TRY(conn.query(kUsersPage, {workspace_id, opt(page.after), std::int64_t{page.limit + 1}}));
        Page<User> out;
        for (const auto& r : rs.rows) out.items.push_back(user_from(r));
        finish_page(out.items, page.limit, out.next_cursor, [](const User& u) { return u.user_id; });
        return out;
    });
}

Result<std::vector<User>> SqlIdentityRepository::memberships(Id account_id) {
    return read(db_, [&](Connection& conn) -> Result<std::vector<User>> {
        auto rs = RAPPORT_TRY(conn.query(kUsersOfAccount, {account_id}));
        std::vector<User> out;
        for (const auto& r : rs.rows) out.push_back(user_from(r));
        return out;
    });
}

Result<User> SqlIdentityRepository::update_user(const User& u, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Result<User> {
        auto changed = RAPPORT_TRY(
            conn.execute(kUpdateUser, {u.workspace_id, u.user_id, u.display_name, std::string(to_string(u.role)),
                                       opt(u.language), u.active, u.updated_at}));
        if (changed == 0)
            return fail(
                Error::localized(ErrorCode::NotFound, "identity.user_not_found", {{"id", id_to_string(u.user_id)}}));
        RAPPORT_CHECK(insert_audit(conn, audit));
        auto rs = RAPPORT_TRY(conn.query(kUserById, {u.workspace_id, u.user_id}));
        return user_from(rs.rows.at(0));
    });
}

Result<int> SqlIdentityRepository::count_active_owners(Id workspace_id) {
    return read(db_, [&](Connection& conn) -> Result<int> {
        auto rs = RAPPORT_TRY(conn.query(kCountOwners, {workspace_id, true}));
        return static_cast<int>(as_int(rs.rows.at(0).at(0)));
    });
}

Result<std::vector<Id>> SqlIdentityRepository::team_ids_of(Id workspace_id, Id user_id) {
    return read(db_, [&](Connection& conn) -> Result<std::vector<Id>> {
        auto rs = RAPPORT_TRY(conn.query(kTeamIdsOfUser, {workspace_id, user_id}));
        std::vector<Id> out;
        for (const auto& r : rs.rows) out.push_back(as_int(r[0]));
        return out;
    });
}

Result<SqlIdentityRepository::PartitionAccess> SqlIdentityRepository::partition_access_of(Id workspace_id, Id user_id) {
    return read(db_, [&](Connection& conn) -> Result<PartitionAccess> {
        PartitionAccess out;
        auto partner = RAPPORT_TRY(conn.query(kPartnerCompanyOfUser, {workspace_id, user_id}));
        if (!partner.rows.empty()) out.partner_company_id = as_int(partner.rows[0][0]);
        auto granted = RAPPORT_TRY(conn.query(kGrantedPartitionsOfUser, {workspace_id, user_id}));
        for (const auto& r : granted.rows) out.granted.push_back(as_int(r[0]));
        return out;
    });
}

Status SqlIdentityRepository::create_session(const Session& s, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        RAPPORT_CHECK(conn.execute(kInsertSession, {s.workspace_id, s.session_id, s.user_id, s.secret_hash,
                                                    s.created_at, s.expires_at, opt(audit.ip), Value{}}));
        return insert_audit(conn, audit);
    });
}

Result<std::optional<Session>> SqlIdentityRepository::find_session(Id workspace_id, Id session_id) {
    return find_one<Session>(db_, kSessionById, {workspace_id, session_id}, [](const Row& r) {
        return Session{as_int(r[0]), as_int(r[1]), as_int(r[2]), as_text(r[3]), as_int(r[4]), as_int(r[5])};
    });
}

Status SqlIdentityRepository::delete_session(Id workspace_id, Id session_id, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        RAPPORT_CHECK(conn.execute(kDeleteSession, {workspace_id, session_id}));
        return insert_audit(conn, audit);
    });
}

Status SqlIdentityRepository::delete_sessions_of(Id workspace_id, Id user_id) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        RAPPORT_CHECK(conn.execute(kDeleteSessionsOfUser, {workspace_id, user_id}));
        return {};
    });
}

Status SqlIdentityRepository::create_api_key(const ApiKey& k, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        RAPPORT_CHECK(conn.execute(kInsertApiKey, {k.workspace_id, k.key_id, k.name, std::string(to_string(k.role)),
                                                   k.secret_hash, opt(k.created_by_user_id), k.created_at}));
        return insert_audit(conn, audit);
    });
}

Result<std::optional<ApiKey>> SqlIdentityRepository::find_api_key(Id workspace_id, Id key_id) {
    return find_one<ApiKey>(db_, kApiKeyById, {workspace_id, key_id}, api_key_from);
}

Result<Page<ApiKey>> SqlIdentityRepository::list_api_keys(Id workspace_id, const PageRequest& page) {
    return read(db_, [&](Connection& conn) -> Result<Page<ApiKey>> {
        auto rs = RAPPORT_TRY(conn.query(kApiKeysPage, {workspace_id, opt(page.after), std::int64_t{page.limit + 1}}));
        Page<ApiKey> out;
        for (const auto& r : rs.rows) out.items.push_back(api_key_from(r));
        finish_page(out.items, page.limit, out.next_cursor, [](const ApiKey& k) { return k.key_id; });
        return out;
    });
}

Status SqlIdentityRepository::revoke_api_key(Id workspace_id, Id key_id, UnixMillis now, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        auto changed = RAPPORT_TRY(conn.execute(kRevokeApiKey, {workspace_id, key_id, now}));
        if (changed == 0)
            return fail(
                Error::localized(ErrorCode::NotFound, "identity.no_active_api_key", {{"id", id_to_string(key_id)}}));
        return insert_audit(conn, audit);
    });
}

Status SqlIdentityRepository::touch_api_key(Id workspace_id, Id key_id, UnixMillis now) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        RAPPORT_CHECK(conn.execute(kTouchApiKey, {workspace_id, key_id, now}));
        return {};
    });
}

Status SqlIdentityRepository::append_audit(const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) { return insert_audit(conn, audit); });
}

Result<RoleGrants> SqlIdentityRepository::role_grants(Id workspace_id) {
    return read(db_, [&](Connection& conn) -> Result<RoleGrants> {
        auto rs = RAPPORT_TRY(conn.query(kGrants, {workspace_id}));
        RoleGrants grants = RoleGrants::defaults();
        for (const auto& r : rs.rows) {
            auto role = parse_role(as_text(r[0]));
            auto rd = parse_scope(as_text(r[1]));
            auto wr = parse_scope(as_text(r[2]));
            if (role && rd && wr) grants.set({*role, *rd, *wr});
        }
        return grants;
    });
}

Status SqlIdentityRepository::set_role_grant(Id workspace_id, const RoleGrant& grant, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        RAPPORT_CHECK(put_grant(conn, workspace_id, grant));
        return insert_audit(conn, audit);
    });
}

}  // namespace rapport::storage
