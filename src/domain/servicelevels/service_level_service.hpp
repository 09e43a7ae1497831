#pragma once
// What other areas (the service desk) ask of service levels: which policy applies to a
// conversation and when its targets fall due, in business time. Acts for the workspace (no
// user's permissions apply). Thread-safe: it keeps no state between calls.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/servicelevels/business_calendar.hpp"
#include "domain/servicelevels/segment_membership.hpp"
#include "domain/servicelevels/service_level_repository.hpp"

namespace rapport::domain::servicelevels {

struct AppliedSla {
    Id policy_id = 0;
    std::string policy_name;
    std::optional<UnixMillis> first_response_due, next_response_due, resolution_due;
    std::int64_t warn_before_minutes = 0;
};

class ServiceLevelService {
public:
    ServiceLevelService(ServiceLevelRepository& repo, SegmentMembership& segments, const Clock& clock)
        : repo_(repo), segments_(segments), clock_(clock) {}

    // The policy for a conversation of `priority` ("low","normal","high","urgent") about this
    // customer (person and/or company; segments are matched against them), started at `start`,
    // with the due times computed in the policy's calendar; nullopt when no policy applies.
    // next_response_due is computed from `start` too (the caller recomputes it from the time
    // of the latest customer message by calling again with that start). A target the policy
    // does not set has no due time. Validation (pointer /priority) for an unknown priority.
    Result<std::optional<AppliedSla>> apply(Id workspace_id, std::string_view priority, std::optional<Id> person_id,
                                            std::optional<Id> company_id, UnixMillis start);
    // The due time `minutes` business minutes after `start` in calendar `calendar_id`,
    // skipping `pauses`. A pause still open (no end) counts as ending now (the clock's now,
    // or its own start if that is later): the due time moves on while the pause lasts.
    // NotFound when the calendar is not the workspace's.
    Result<UnixMillis> due_at(Id workspace_id, Id calendar_id, UnixMillis start, std::int64_t minutes,
                              const std::vector<std::pair<UnixMillis, std::optional<UnixMillis>>>& pauses = {});

    // The calendar that measures a conversation's times in business hours: its SLA policy's
    // calendar; always open in UTC when it has no policy (or the policy is gone).
    Result<BusinessCalendar> calendar_of_policy(Id workspace_id, std::optional<Id> policy_id);

private:
    ServiceLevelRepository& repo_;
    SegmentMembership& segments_;
    const Clock& clock_;
};

}  // namespace rapport::domain::servicelevels
