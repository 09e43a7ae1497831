#include "domain/servicedesk/assignment_rule.hpp"

#include <algorithm>

namespace rapport::domain::servicedesk {

std::string_view to_string(AssignmentMode mode) {
    switch (mode) {
        case AssignmentMode::Manual: return "manual";
        case AssignmentMode::RoundRobin: return "round_robin";
        case AssignmentMode::LoadBased: return "load_based";
    }
    return "manual";
}

std::optional<AssignmentMode> parse_assignment_mode(std::string_view text) {
    for (auto mode : {AssignmentMode::Manual, AssignmentMode::RoundRobin, AssignmentMode::LoadBased}) {
        if (to_string(mode) == text) return mode;
    }
    return std::nullopt;
}

std::optional<Id> choose_assignee(AssignmentMode mode, std::vector<MemberLoad> members,
                                  std::optional<Id> last_assigned) {
    if (mode == AssignmentMode::Manual || members.empty()) return std::nullopt;
    std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.user_id < b.user_id; });
    // The rotation: the members after the last assigned one, then from the start.
    auto start = members.begin();
    if (last_assigned) {
        start = std::upper_bound(members.begin(), members.end(), *last_assigned,
                                 [](Id id, const MemberLoad& m) { return id < m.user_id; });
    }
    std::rotate(members.begin(), start, members.end());
    if (mode == AssignmentMode::RoundRobin) return members.front().user_id;
    auto least = std::min_element(members.begin(), members.end(), [](const auto& a, const auto& b) {
        return a.active_conversations < b.active_conversations;
    });
    return least->user_id;
}

}  // namespace rapport::domain::servicedesk
