#include "storage/teams/sql_team_repository.hpp"

#include "storage/audit_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain;

namespace {

constexpr const char* kInsertTeam =
    "INSERT INTO teams (workspace_id, team_id, name, kind, description, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $6)";
constexpr const char* kUpdateTeam =
    "UPDATE teams SET name = $3, kind = $4, description = $5, updated_at = $6 WHERE workspace_id = $1 AND team_id = $2";
constexpr const char* kDeleteTeam = "DELETE FROM teams WHERE workspace_id = $1 AND team_id = $2";
constexpr const char* kTeamById =
    "SELECT workspace_id, team_id, name, kind, description, created_at, updated_at FROM teams"
    " WHERE workspace_id = $1 AND team_id = $2";
constexpr const char* kTeamsPage =
    "SELECT workspace_id, team_id, name, kind, description, created_at, updated_at FROM teams"
    " WHERE workspace_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR team_id > $2) ORDER BY team_id LIMIT $3";
constexpr const char* kMembersOfTeam =
    "SELECT user_id, sales_role FROM team_members WHERE workspace_id = $1 AND team_id = $2 ORDER BY user_id";
constexpr const char* kClearMembers = "DELETE FROM team_members WHERE workspace_id = $1 AND team_id = $2";
constexpr const char* kInsertMember =
    "INSERT INTO team_members (workspace_id, team_id, user_id, sales_role) VALUES ($1, $2, $3, $4)";
constexpr const char* kUserExists = "SELECT 1 FROM users WHERE workspace_id = $1 AND user_id = $2";

Team team_from(const Row& r) {
    Team t;
    t.workspace_id = as_int(r[0]);
    t.team_id = as_int(r[1]);
    t.name = as_text(r[2]);
    t.kind = parse_team_kind(as_text(r[3])).value_or(TeamKind::Interdisciplinary);
    t.description = as_text(r[4]);
    t.created_at = as_int(r[5]);
    t.updated_at = as_int(r[6]);
    return t;
}

Status load_members(Connection& conn, Team& t) {
    auto rs = RAPPORT_TRY(conn.query(kMembersOfTeam, {t.workspace_id, t.team_id}));
    t.members.clear();
    for (const auto& r : rs.rows) {
        auto role = as_opt_text(r[1]);
        t.members.push_back({as_int(r[0]), role ? parse_sales_role(*role) : std::nullopt});
    }
    return {};
}

// Checks members explicitly, so a bad id is a field error naming the member, and a user
// of another workspace can never be attached.
Status write_members(Connection& conn, const Team& t) {
    RAPPORT_CHECK(conn.execute(kClearMembers, {t.workspace_id, t.team_id}));
    for (std::size_t i = 0; i < t.members.size(); ++i) {
        const auto& m = t.members[i];
        auto exists = RAPPORT_TRY(conn.query(kUserExists, {t.workspace_id, m.user_id}));
        if (exists.empty()) {
            return fail(Error::localized_field("/members/" + std::to_string(i) + "/user_id", "identity.user_not_found",
                                               {{"id", id_to_string(m.user_id)}}));
        }
        Value role = m.sales_role ? Value{std::string(to_string(*m.sales_role))} : Value{};
        auto inserted = conn.execute(kInsertMember, {t.workspace_id, t.team_id, m.user_id, role});
        if (!inserted) {
            if (inserted.error().code == ErrorCode::Conflict) {
                return fail(
                    Error::localized_field("/members/" + std::to_string(i) + "/user_id", "common.listed_twice"));
            }
            return fail(std::move(inserted).error());
        }
    }
    return {};
}

Error name_taken(const Team& t) {
    return Error::localized(ErrorCode::Conflict, "teams.name_taken", {{"name", t.name}},
                            {FieldError::localized("/name", "teams.name_taken_field")});
}

}  // namespace

Status SqlTeamRepository::create_team(const Team& t, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        auto inserted = conn.execute(kInsertTeam, {t.workspace_id, t.team_id, t.name, std::string(to_string(t.kind)),
                                                   t.description, t.created_at});
        if (!inserted) {
            if (inserted.error().code == ErrorCode::Conflict) return fail(name_taken(t));
            return fail(std::move(inserted).error());
        }
        RAPPORT_CHECK(write_members(conn, t));
        return insert_audit(conn, audit);
    });
}

Status SqlTeamRepository::update_team(const Team& t, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        auto changed = conn.execute(kUpdateTeam, {t.workspace_id, t.team_id, t.name, std::string(to_string(t.kind)),
                                                  t.description, t.updated_at});
        if (!changed) {
            if (changed.error().code == ErrorCode::Conflict) return fail(name_taken(t));
            return fail(std::move(changed).error());
        }
        if (*changed == 0)
            return fail(Error::localized(ErrorCode::NotFound, "teams.not_found", {{"id", id_to_string(t.team_id)}}));
        RAPPORT_CHECK(write_members(conn, t));
        return insert_audit(conn, audit);
    });
}

Status SqlTeamRepository::delete_team(Id workspace_id, Id team_id, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        auto changed = RAPPORT_TRY(conn.execute(kDeleteTeam, {workspace_id, team_id}));
        if (changed == 0)
            return fail(Error::localized(ErrorCode::NotFound, "teams.not_found", {{"id", id_to_string(team_id)}}));
        return insert_audit(conn, audit);
    });
}

Result<std::optional<Team>> SqlTeamRepository::find_team(Id workspace_id, Id team_id) {
    return read(db_, [&](Connection& conn) -> Result<std::optional<Team>> {
        auto rs = RAPPORT_TRY(conn.query(kTeamById, {workspace_id, team_id}));
        if (rs.empty()) return std::optional<Team>{};
        Team t = team_from(rs.rows[0]);
        RAPPORT_CHECK(load_members(conn, t));
        return std::optional<Team>{std::move(t)};
    });
}

Result<Page<Team>> SqlTeamRepository::list_teams(Id workspace_id, const PageRequest& page) {
    return read(db_, [&](Connection& conn) -> Result<Page<Team>> {
        auto rs = RAPPORT_TRY(conn.query(kTeamsPage, {workspace_id, opt(page.after), std::int64_t{page.limit + 1}}));
        Page<Team> out;
        for (const auto& r : rs.rows) out.items.push_back(team_from(r));
        finish_page(out.items, page.limit, out.next_cursor, [](const Team& t) { return t.team_id; });
        for (auto& t : out.items) RAPPORT_CHECK(load_members(conn, t));
        return out;
    });
}

}  // namespace rapport::storage
