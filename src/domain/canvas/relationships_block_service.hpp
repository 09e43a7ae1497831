#pragma once
// The use cases of the Customer Relationships block (relationships_block.hpp): each segment's
// plan joined with what its data shows, costs per type and the ranked gap list; and the CRM
// Model Canvas with its strategies, processes and costs blocks filled from the plans and the
// cost model.
//
// Who may read: as CanvasService (members and above). Figures beyond the reader: costs are
// "not_visible" to partner users (the cost service's rule), NPS to readers the satisfaction
// reports refuse.
#include <optional>

#include "domain/canvas/canvas_service.hpp"
#include "domain/canvas/relationships_block.hpp"
#include "domain/costs/cost_service.hpp"
#include "domain/relationships/relationship_plans.hpp"
#include "domain/satisfaction/satisfaction_service.hpp"
#include "domain/servicelevels/service_level_service.hpp"
#include "domain/teams/team_service.hpp"

namespace rapport::domain::canvas {

// Which plan version the block reads: the current one, the one in force at an instant, or
// (for one segment) a given version.
struct PlanChoice {
    std::optional<UnixMillis> at;
    std::optional<std::int64_t> version;
};

class RelationshipsBlockService {
public:
    RelationshipsBlockService(CanvasService& canvas, relationships::RelationshipPlans& plans, costs::CostService& costs,
                              TeamService& teams, satisfaction::SatisfactionService& satisfaction,
                              servicelevels::ServiceLevelService& levels)
        : canvas_(canvas), plans_(plans), costs_(costs), teams_(teams), satisfaction_(satisfaction), levels_(levels) {}

    // `segment_id`: that segment only (NotFound when the reader cannot see it). Validation
    // (?plan_version) for a version without a segment, or one the segment's plan never had.
    Result<RelationshipsBlock> block(const Principal& actor, Period period, int no_contact_days,
                                     std::optional<Id> segment_id, PlanChoice plan);
    // CanvasService::crm with the strategies, processes and costs blocks filled.
    Result<CrmCanvas> crm(const Principal& actor, Period period, const std::string& version);

private:
    struct CostsRead {
        std::optional<costs::CostsView> view;
        std::string reason;  // when view is absent
    };
    CostsRead read_costs(const Principal& actor, Period period, std::optional<Id> segment_id);
    Result<RelationshipsBlock> join(const Principal& actor, Period period, int no_contact_days,
                                    const std::vector<SegmentEstablished>& measured, PlanChoice plan,
                                    const CostsRead& costs);

    CanvasService& canvas_;
    relationships::RelationshipPlans& plans_;
    costs::CostService& costs_;
    TeamService& teams_;
    satisfaction::SatisfactionService& satisfaction_;
    servicelevels::ServiceLevelService& levels_;
};

}  // namespace rapport::domain::canvas
