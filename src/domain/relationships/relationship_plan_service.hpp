#pragma once
// Use cases of relationship plans, acting for a signed-in user or API key.
//
// Who may do what (as for segments, whose plans these are):
// - every role reads the plans of the segments it can see; a buyer's partner user sees only
//   the segments they made (SegmentService::get hides the others: NotFound);
// - managers and above (owner, admin, manager) save plans; members and viewers are refused
//   (Forbidden).
// Every save makes a new version; a save names the version it was based on and fails with
// Conflict when another version was saved since (optimistic concurrency).
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/relationships/motivation_history.hpp"
#include "domain/relationships/relationship_plan_repository.hpp"
#include "domain/segments/segment_service.hpp"
#include "domain/teams/team_service.hpp"

namespace rapport::domain::relationships {

struct PlanInput {
    std::int64_t expected_version = 0;  // the version the change was based on (0: no plan yet)
    std::string comment;
    std::vector<PlanEntry> entries;
};

// A segment with its current plan (version 0 and no entries when it has none).
struct SegmentPlan {
    segments::Segment segment;
    PlanVersion plan;
};

class RelationshipPlanService {
public:
    RelationshipPlanService(RelationshipPlanRepository& repo, segments::SegmentService& segments, TeamService& teams,
                            const Clock& clock)
        : repo_(repo), segments_(segments), teams_(teams), clock_(clock) {}

    // Every segment the actor can see with its current plan, by segment id.
    Result<std::vector<SegmentPlan>> list(const Principal& actor);
    // The current plan; NotFound when the segment is not the actor's to see.
    Result<SegmentPlan> current(const Principal& actor, Id segment_id);
    // Saves a new version. Validation with pointers into the body (/entries/0/...), /comment;
    // an unknown team at /entries/<i>/team_id; Conflict when expected_version is stale.
    Result<PlanVersion> save(const Principal& actor, Id segment_id, const PlanInput& input, const std::string& ip);
    // Every version, oldest first.
    Result<std::vector<PlanVersion>> versions(const Principal& actor, Id segment_id);
    // NotFound for a version that does not exist.
    Result<PlanVersion> version(const Principal& actor, Id segment_id, std::int64_t version);
    Result<std::vector<MotivationHistory>> motivation_history(const Principal& actor, Id segment_id);

private:
    RelationshipPlanRepository& repo_;
    segments::SegmentService& segments_;
    TeamService& teams_;
    const Clock& clock_;
};

}  // namespace rapport::domain::relationships
