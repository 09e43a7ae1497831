#pragma once
// The teams' assignment settings and the record of their last automatic assignment.
// Thread-safe; take_next is one transaction.
#include <optional>

#include "core/clock.hpp"
#include "domain/servicedesk/assignment_rule.hpp"

namespace rapport::domain::servicedesk {

struct TeamAssignment {
    Id workspace_id = 0;
    Id team_id = 0;
    AssignmentMode mode = AssignmentMode::Manual;
    std::optional<Id> last_assigned_user_id;
    std::optional<Id> last_conversation_id;
    std::optional<UnixMillis> last_assigned_at;
    UnixMillis updated_at = 0;
};

class AssignmentRepository {
public:
    virtual ~AssignmentRepository() = default;

    // Whether the workspace has the team.
    virtual Result<bool> team_exists(Id workspace_id, Id team_id) = 0;
    // The team's settings; manual with nothing recorded when none were saved.
    virtual Result<TeamAssignment> get(Id workspace_id, Id team_id) = 0;
    virtual Status save(const TeamAssignment& settings) = 0;
    // Chooses the next agent by the team's mode among its active members (choose_assignee)
    // and records it as the team's last assignment, in one transaction.
    virtual Result<std::optional<Id>> take_next(Id workspace_id, Id team_id, Id conversation_id, UnixMillis now) = 0;
};

}  // namespace rapport::domain::servicedesk
