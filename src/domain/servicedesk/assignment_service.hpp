#pragma once
// A team's assignment mode as managers set it (GET/PUT), and the AssignmentPolicy the intake
// asks for each new conversation filed with a team.
#include "domain/identity/entities.hpp"
#include "domain/servicedesk/assignment_repository.hpp"

namespace rapport::domain::servicedesk {

class AssignmentService final : public AssignmentPolicy {
public:
    AssignmentService(AssignmentRepository& repo, const Clock& clock) : repo_(repo), clock_(clock) {}

    Result<TeamAssignment> get(const Principal& actor, Id team_id);
    Result<TeamAssignment> set_mode(const Principal& actor, Id team_id, AssignmentMode mode);

    Result<std::optional<Id>> assign_new(Id workspace_id, Id team_id, Id conversation_id) override;

private:
    Status require_manager(const Principal& actor, Id team_id);

    AssignmentRepository& repo_;
    const Clock& clock_;
};

}  // namespace rapport::domain::servicedesk
