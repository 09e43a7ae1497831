#include "domain/servicedesk/assignment_service.hpp"

#include "domain/identity/role.hpp"

namespace rapport::domain::servicedesk {

Status AssignmentService::require_manager(const Principal& actor, Id team_id) {
    if (!role_at_least(actor.role, Role::Manager)) {
        return fail(Error::localized(ErrorCode::Forbidden, "servicedesk.assignment_managers_only",
                                     {{"role", std::string(to_string(actor.role))}}));
    }
    if (!RAPPORT_TRY(repo_.team_exists(actor.workspace_id, team_id))) {
        return fail(Error::localized(ErrorCode::NotFound, "common.no_such_team", {{"id", id_to_string(team_id)}}));
    }
    return {};
}

Result<TeamAssignment> AssignmentService::get(const Principal& actor, Id team_id) {
    RAPPORT_CHECK(require_manager(actor, team_id));
    return repo_.get(actor.workspace_id, team_id);
}

Result<TeamAssignment> AssignmentService::set_mode(const Principal& actor, Id team_id, AssignmentMode mode) {
    RAPPORT_CHECK(require_manager(actor, team_id));
    auto settings = RAPPORT_TRY(repo_.get(actor.workspace_id, team_id));
    settings.mode = mode;
    settings.updated_at = clock_.now_ms();
    RAPPORT_CHECK(repo_.save(settings));
    return settings;
}

Result<std::optional<Id>> AssignmentService::assign_new(Id workspace_id, Id team_id, Id conversation_id) {
    return repo_.take_next(workspace_id, team_id, conversation_id, clock_.now_ms());
}

}  // namespace rapport::domain::servicedesk
