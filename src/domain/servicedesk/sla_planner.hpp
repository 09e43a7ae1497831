#pragma once
// What the service desk needs of service levels: the due times of a conversation. The
// servicelevels area computes them from its policies and business-hours calendars; the
// application adapts it (src/app/modules/servicedesk_module.cpp). Without a policy nothing is
// due and the conversation has no SLA state.
#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/servicedesk/conversation.hpp"

namespace rapport::domain::servicedesk {

struct SlaDue {
    Id policy_id = 0;
    std::optional<UnixMillis> first_response_due;
    std::optional<UnixMillis> next_response_due;
    std::optional<UnixMillis> resolution_due;
    std::int64_t warn_before_minutes = 0;
};

class SlaPlanner {
public:
    virtual ~SlaPlanner() = default;
    // The due times for a conversation of `priority` about this customer, counted from `start`.
    virtual Result<std::optional<SlaDue>> plan(Id workspace_id, Priority priority, std::optional<Id> person_id,
                                               std::optional<Id> company_id, UnixMillis start) = 0;
};

// No policies: nothing is ever due.
class NoSlaPlanner final : public SlaPlanner {
public:
    Result<std::optional<SlaDue>> plan(Id, Priority, std::optional<Id>, std::optional<Id>, UnixMillis) override {
        return std::optional<SlaDue>{};
    }
};

}  // namespace rapport::domain::servicedesk
