#include "domain/relationships/relationship_plan_service.hpp"

#include <map>

#include "core/utf8.hpp"
#include "domain/audit/audit_of.hpp"
#include "domain/identity/principals.hpp"

namespace rapport::domain::relationships {

namespace {

PlanVersion empty_plan(Id workspace_id, Id segment_id) {
    PlanVersion p;
    p.workspace_id = workspace_id;
    p.segment_id = segment_id;
    return p;
}

}  // namespace

Result<std::vector<SegmentPlan>> RelationshipPlanService::list(const Principal& actor) {
    std::map<Id, PlanVersion> plans;
    for (auto& p : RAPPORT_TRY(repo_.latest_of_workspace(actor.workspace_id)))
        plans.emplace(p.segment_id, std::move(p));
    std::vector<SegmentPlan> out;
    PageRequest page{200, std::nullopt};
    while (true) {
        auto batch = RAPPORT_TRY(segments_.list(actor, page));
        for (auto& s : batch.items) {
            auto found = plans.find(s.segment_id);
            PlanVersion plan =
                found != plans.end() ? std::move(found->second) : empty_plan(actor.workspace_id, s.segment_id);
            page.after = s.segment_id;
            out.push_back({std::move(s), std::move(plan)});
        }
        if (!batch.next_cursor || batch.items.empty()) break;
    }
    return out;
}

Result<SegmentPlan> RelationshipPlanService::current(const Principal& actor, Id segment_id) {
    auto segment = RAPPORT_TRY(segments_.get(actor, segment_id));
    auto plan = RAPPORT_TRY(repo_.latest(actor.workspace_id, segment_id));
    return SegmentPlan{std::move(segment), plan ? std::move(*plan) : empty_plan(actor.workspace_id, segment_id)};
}

Result<PlanVersion> RelationshipPlanService::save(const Principal& actor, Id segment_id, const PlanInput& input,
                                                  const std::string& ip) {
    RAPPORT_CHECK(segments_.get(actor, segment_id));
    RAPPORT_CHECK(require_role(actor, Role::Manager, "relationships.action_saving"));
    PlanVersion v;
    v.workspace_id = actor.workspace_id;
    v.segment_id = segment_id;
    v.author_user_id = actor.user_id;
    v.author_label = actor.label;
    v.comment = input.comment;
    v.entries = input.entries;
    auto errors = validate_entries(v.entries);
    if (code_points(v.comment) > kMaxCommentLength) {
        errors.push_back(FieldError::localized("/comment", "relationships.comment_length",
                                               {{"max", std::to_string(kMaxCommentLength)}}));
    }
    for (std::size_t i = 0; i < v.entries.size(); ++i) {
        const auto& team = v.entries[i].team_id;
        if (!team) continue;
        auto found = teams_.get(actor, *team);
        if (!found) {
            if (found.error().code != ErrorCode::NotFound) return fail(std::move(found).error());
            errors.push_back(FieldError::localized("/entries/" + std::to_string(i) + "/team_id",
                                                   "relationships.team_not_found", {{"id", id_to_string(*team)}}));
        }
    }
    if (input.expected_version < 0) {
        errors.push_back(FieldError::localized("/expected_version", "relationships.expected_version_range"));
    }
    if (!errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "relationships.plan_invalid", {}, std::move(errors)));
    }
    sort_entries(v.entries);
    v.version = input.expected_version + 1;
    v.created_at = clock_.now_ms();
    const std::string detail = nlohmann::json{{"segment_id", id_to_string(segment_id)}, {"version", v.version}}.dump();
    RAPPORT_CHECK(repo_.append(
        v, audit_of(actor, v.created_at, "relationship_plan.saved", "segment", id_to_string(segment_id), ip, detail)));
    return v;
}

Result<std::vector<PlanVersion>> RelationshipPlanService::versions(const Principal& actor, Id segment_id) {
    RAPPORT_CHECK(segments_.get(actor, segment_id));
    return repo_.versions(actor.workspace_id, segment_id);
}

Result<PlanVersion> RelationshipPlanService::version(const Principal& actor, Id segment_id, std::int64_t version) {
    RAPPORT_CHECK(segments_.get(actor, segment_id));
    auto found = RAPPORT_TRY(repo_.find(actor.workspace_id, segment_id, version));
    if (!found) {
        return fail(Error::localized(ErrorCode::NotFound, "relationships.version_not_found",
                                     {{"version", std::to_string(version)}}));
    }
    return std::move(*found);
}

Result<std::vector<MotivationHistory>> RelationshipPlanService::motivation_history(const Principal& actor,
                                                                                   Id segment_id) {
    return relationships::motivation_history(RAPPORT_TRY(versions(actor, segment_id)));
}

}  // namespace rapport::domain::relationships
