#pragma once
// Assignment within a team: how a new conversation that lands with a team gets its agent.
// Manual leaves it unassigned; round robin takes the active member after the one assigned
// last; load based takes the active member with the fewest active conversations (ties go
// round robin). IntakeService asks an AssignmentPolicy for every new conversation it files
// with a team; the policy also records the choice, so the next one continues from it.
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"

namespace rapport::domain::servicedesk {

enum class AssignmentMode { Manual, RoundRobin, LoadBased };
std::string_view to_string(AssignmentMode mode);
std::optional<AssignmentMode> parse_assignment_mode(std::string_view text);

struct MemberLoad {
    Id user_id = 0;
    std::int64_t active_conversations = 0;
};

// The member to assign, from the team's active members (any order; the rotation follows the
// user ids). nullopt for manual assignment or a team without active members.
std::optional<Id> choose_assignee(AssignmentMode mode, std::vector<MemberLoad> members,
                                  std::optional<Id> last_assigned);

class AssignmentPolicy {
public:
    virtual ~AssignmentPolicy() = default;
    // The agent for a new conversation of `team_id`, recorded as the team's last assignment;
    // nullopt when the team assigns by hand or has nobody to assign.
    virtual Result<std::optional<Id>> assign_new(Id workspace_id, Id team_id, Id conversation_id) = 0;
};

}  // namespace rapport::domain::servicedesk
