#include "domain/teams/team_service.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "domain/audit/audit_of.hpp"
#include "domain/identity/principals.hpp"

namespace rapport::domain {

std::vector<FieldError> validate_team(const Team& t) {
    std::vector<FieldError> errors;
    if (t.name.empty() || code_points(t.name) > 100)
        errors.push_back(FieldError::localized("/name", "teams.name_length"));
    if (code_points(t.description) > 2000)
        errors.push_back(FieldError::localized("/description", "common.too_long", {{"max", "2000"}}));
    for (std::size_t i = 0; i < t.members.size(); ++i) {
        const auto& m = t.members[i];
        if (m.sales_role && t.kind != TeamKind::Sales) {
            errors.push_back(
                FieldError::localized("/members/" + std::to_string(i) + "/sales_role", "teams.sales_role_sales_only"));
        }
    }
    return errors;
}

AuditEntry TeamService::audit(const Principal& actor, std::string action, Id team_id, const std::string& ip) const {
    return audit_of(actor, clock_.now_ms(), std::move(action), "team", id_to_string(team_id), ip);
}

Result<std::optional<std::vector<Id>>> TeamService::partner_teams(const Principal& actor) {
    Actor permissions = RAPPORT_TRY(actors_.actor_for(actor));
    if (!permissions.partner_company_id) return std::optional<std::vector<Id>>{};
    return std::optional<std::vector<Id>>{std::move(permissions.team_ids)};
}

Result<Page<Team>> TeamService::list(const Principal& actor, const PageRequest& page) {
    const auto own_teams = RAPPORT_TRY(partner_teams(actor));
    if (!own_teams) return repo_.list_teams(actor.workspace_id, page);
    // A partner user's own teams (a handful at most), on one page.
    Page<Team> own;
    if (page.after) return own;
    for (const Id id : *own_teams) {
        if (auto team = RAPPORT_TRY(repo_.find_team(actor.workspace_id, id))) own.items.push_back(std::move(*team));
    }
    return own;
}

Result<Team> TeamService::get(const Principal& actor, Id team_id) {
    auto team = RAPPORT_TRY(repo_.find_team(actor.workspace_id, team_id));
    const auto own_teams = RAPPORT_TRY(partner_teams(actor));
    if (!team || (own_teams && std::find(own_teams->begin(), own_teams->end(), team_id) == own_teams->end())) {
        return fail(Error::localized(ErrorCode::NotFound, "teams.not_found", {{"id", id_to_string(team_id)}}));
    }
    return *team;
}

Result<Team> TeamService::create(const Principal& actor, const TeamInput& in, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Manager, "teams.action_creating"));
    Team t;
    t.workspace_id = actor.workspace_id;
    t.team_id = new_id();
    t.name = in.name.value_or("");
    if (!in.kind) {
        return fail(Error::localized_field("/kind", "teams.kind_required"));
    }
    t.kind = *in.kind;
    t.description = in.description.value_or("");
    t.members = in.members.value_or(std::vector<TeamMember>{});
    if (auto errors = validate_team(t); !errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "teams.cannot_create", {}, std::move(errors)));
    }
    t.created_at = t.updated_at = clock_.now_ms();
    RAPPORT_CHECK(repo_.create_team(t, audit(actor, "team.created", t.team_id, ip)));
    return get(actor, t.team_id);
}

Result<Team> TeamService::update(const Principal& actor, Id team_id, const TeamInput& in, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Manager, "teams.action_changing"));
    Team t = RAPPORT_TRY(get(actor, team_id));
    if (in.name) t.name = *in.name;
    if (in.kind) t.kind = *in.kind;
    if (in.description) t.description = *in.description;
    if (in.members) t.members = *in.members;
    if (auto errors = validate_team(t); !errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "teams.cannot_save", {}, std::move(errors)));
    }
    t.updated_at = clock_.now_ms();
    RAPPORT_CHECK(
        repo_.update_team(t, audit(actor, in.members ? "team.members_changed" : "team.updated", team_id, ip)));
    return get(actor, team_id);
}

Status TeamService::remove(const Principal& actor, Id team_id, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Manager, "teams.action_deleting"));
    return repo_.delete_team(actor.workspace_id, team_id, audit(actor, "team.deleted", team_id, ip));
}

}  // namespace rapport::domain
