#pragma once
// What other areas (the canvas) ask of relationship plans: a segment's plan now, at a date
// or at a version, as plain PlanVersion values (relationship_plan.hpp). Acts for the
// workspace: no user's permissions apply, so callers check those themselves. A segment
// without a plan (or without one yet at the date) gets nullopt. Thread-safe: no state.
#include <optional>
#include <vector>

#include "domain/relationships/relationship_plan_repository.hpp"

namespace rapport::domain::relationships {

class RelationshipPlans {
public:
    explicit RelationshipPlans(RelationshipPlanRepository& repo) : repo_(repo) {}

    Result<std::optional<PlanVersion>> current(Id workspace_id, Id segment_id) {
        return repo_.latest(workspace_id, segment_id);
    }
    // The version in force at `at` (the newest saved at or before it).
    Result<std::optional<PlanVersion>> as_of(Id workspace_id, Id segment_id, UnixMillis at) {
        return repo_.as_of(workspace_id, segment_id, at);
    }
    Result<std::optional<PlanVersion>> at_version(Id workspace_id, Id segment_id, std::int64_t version) {
        return repo_.find(workspace_id, segment_id, version);
    }
    // The current plan of every segment that has one, by segment id. A deleted segment's plan
    // history is kept, so this may name segments that no longer exist: join with the segments.
    Result<std::vector<PlanVersion>> all_current(Id workspace_id) { return repo_.latest_of_workspace(workspace_id); }

private:
    RelationshipPlanRepository& repo_;
};

}  // namespace rapport::domain::relationships
