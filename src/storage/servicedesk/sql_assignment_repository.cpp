#include "storage/servicedesk/sql_assignment_repository.hpp"

#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain::servicedesk;

namespace {

constexpr const char* kSelect =
    "SELECT mode, last_assigned_user_id, last_conversation_id, last_assigned_at, updated_at FROM team_assignment"
    " WHERE workspace_id = $1 AND team_id = $2";
// The team's active members with their active conversations in the workspace.
constexpr const char* kMembers =
    "SELECT m.user_id, (SELECT COUNT(*) FROM conversations c WHERE c.workspace_id = m.workspace_id"
    " AND c.assignee_user_id = m.user_id AND c.active = TRUE) FROM team_members m JOIN users u"
    " ON u.workspace_id = m.workspace_id AND u.user_id = m.user_id"
    " WHERE m.workspace_id = $1 AND m.team_id = $2 AND u.active = TRUE AND u.role <> 'viewer'";
constexpr const char* kUpsert =
    "INSERT INTO team_assignment (workspace_id, team_id, mode, last_assigned_user_id, last_conversation_id,"
    " last_assigned_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (workspace_id, team_id)"
    " DO UPDATE SET mode = $3, last_assigned_user_id = $4, last_conversation_id = $5, last_assigned_at = $6,"
    " updated_at = $7";
constexpr const char* kRecord =
    "UPDATE team_assignment SET last_assigned_user_id = $3, last_conversation_id = $4, last_assigned_at = $5"
    " WHERE workspace_id = $1 AND team_id = $2";

Result<TeamAssignment> load(Connection& c, Id ws, Id team) {
    TeamAssignment t;
    t.workspace_id = ws;
    t.team_id = team;
    auto rs = RAPPORT_TRY(c.query(kSelect, {ws, team}));
    if (rs.empty()) return t;
    const auto& r = rs.rows[0];
    t.mode = parse_assignment_mode(as_text(r[0])).value_or(AssignmentMode::Manual);
    t.last_assigned_user_id = as_opt_int(r[1]);
    t.last_conversation_id = as_opt_int(r[2]);
    t.last_assigned_at = as_opt_int(r[3]);
    t.updated_at = as_int(r[4]);
    return t;
}

}  // namespace

Result<bool> SqlAssignmentRepository::team_exists(Id ws, Id team) {
    return read(db_, [&](Connection& c) -> Result<bool> {
        auto rs = RAPPORT_TRY(c.query("SELECT 1 FROM teams WHERE workspace_id = $1 AND team_id = $2", {ws, team}));
        return !rs.empty();
    });
}

Result<TeamAssignment> SqlAssignmentRepository::get(Id ws, Id team) {
    return read(db_, [&](Connection& c) -> Result<TeamAssignment> { return load(c, ws, team); });
}

Status SqlAssignmentRepository::save(const TeamAssignment& t) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_TRY(
            c.execute(kUpsert, {t.workspace_id, t.team_id, std::string(to_string(t.mode)), opt(t.last_assigned_user_id),
                                opt(t.last_conversation_id), opt(t.last_assigned_at), t.updated_at}));
        return {};
    });
}

Result<std::optional<Id>> SqlAssignmentRepository::take_next(Id ws, Id team, Id conversation_id, UnixMillis now) {
    return write_transaction(db_, [&](Connection& c) -> Result<std::optional<Id>> {
        auto settings = RAPPORT_TRY(load(c, ws, team));
        if (settings.mode == AssignmentMode::Manual) return std::optional<Id>{};
        auto rs = RAPPORT_TRY(c.query(kMembers, {ws, team}));
        std::vector<MemberLoad> members;
        for (const auto& r : rs.rows) members.push_back({as_int(r[0]), as_int(r[1])});
        auto chosen = choose_assignee(settings.mode, std::move(members), settings.last_assigned_user_id);
        if (chosen) RAPPORT_TRY(c.execute(kRecord, {ws, team, *chosen, conversation_id, now}));
        return chosen;
    });
}

}  // namespace rapport::storage
