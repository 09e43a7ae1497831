#pragma once
// The service desk's due times from the service-levels area: its policies and business-hours
// calendars (src/domain/servicelevels) behind the desk's SlaPlanner.
#include "domain/servicedesk/sla_planner.hpp"
#include "domain/servicelevels/service_level_service.hpp"

namespace rapport::app {

class ServiceLevelPlanner final : public domain::servicedesk::SlaPlanner {
public:
    explicit ServiceLevelPlanner(domain::servicelevels::ServiceLevelService& levels) : levels_(levels) {}

    Result<std::optional<domain::servicedesk::SlaDue>> plan(Id workspace_id, domain::servicedesk::Priority priority,
                                                             std::optional<Id> person_id, std::optional<Id> company_id,
                                                             UnixMillis start) override {
        auto applied = RAPPORT_TRY(levels_.apply(workspace_id, to_string(priority), person_id, company_id, start));
        if (!applied) return std::optional<domain::servicedesk::SlaDue>{};
        domain::servicedesk::SlaDue due;
        due.policy_id = applied->policy_id;
        due.first_response_due = applied->first_response_due;
        due.next_response_due = applied->next_response_due;
        due.resolution_due = applied->resolution_due;
        due.warn_before_minutes = applied->warn_before_minutes;
        return std::optional<domain::servicedesk::SlaDue>{due};
    }

private:
    domain::servicelevels::ServiceLevelService& levels_;
};

}  // namespace rapport::app
