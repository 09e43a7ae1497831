#pragma once
// An SLA policy: the targets (in business minutes of its calendar) a conversation must meet,
// for a priority (or any) and optionally only for the customers of one segment. Policies are
// tried in `position` order (then creation order); the first that matches applies.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"

namespace rapport::domain::servicelevels {

enum class Priority { Low, Normal, High, Urgent };
std::string_view to_string(Priority priority);
std::optional<Priority> parse_priority(std::string_view text);

// A target of a year of business minutes is the largest accepted.
inline constexpr std::int64_t kMaxTargetMinutes = 366LL * 24 * 60;

struct SlaPolicy {
    Id workspace_id = 0;
    Id policy_id = 0;
    std::string name;
    std::optional<Priority> priority;  // empty: any priority
    std::optional<Id> segment_id;      // empty: every customer
    std::int64_t position = 0;
    Id calendar_id = 0;
    std::optional<std::int64_t> first_response_minutes;
    std::optional<std::int64_t> next_response_minutes;
    std::optional<std::int64_t> resolution_minutes;
    std::int64_t warn_before_minutes = 0;
    UnixMillis created_at = 0;
    UnixMillis updated_at = 0;
};

// Field errors of a policy's own values (name, targets, warning); empty when valid. Whether its
// calendar and segment exist is checked by the service.
std::vector<FieldError> validate_policy(const SlaPolicy& policy);

// Whether the customer belongs to a segment (the caller knows the customer).
using SegmentTest = std::function<Result<bool>(Id segment_id)>;

// The policy that applies to a conversation of `priority`: the first by (position, policy id)
// whose priority is empty or equal and whose segment, if any, contains the customer. Segments
// are asked only for the policies reached. nullopt when none matches.
Result<std::optional<SlaPolicy>> choose_policy(std::vector<SlaPolicy> policies, Priority priority,
                                               const SegmentTest& in_segment);

}  // namespace rapport::domain::servicelevels
