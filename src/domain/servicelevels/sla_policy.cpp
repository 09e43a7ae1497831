#include "domain/servicelevels/sla_policy.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "domain/servicelevels/calendar.hpp"

namespace rapport::domain::servicelevels {

std::string_view to_string(Priority priority) {
    switch (priority) {
        case Priority::Low: return "low";
        case Priority::Normal: return "normal";
        case Priority::High: return "high";
        case Priority::Urgent: return "urgent";
    }
    return "normal";
}

std::optional<Priority> parse_priority(std::string_view text) {
    for (auto p : {Priority::Low, Priority::Normal, Priority::High, Priority::Urgent}) {
        if (to_string(p) == text) return p;
    }
    return std::nullopt;
}

std::vector<FieldError> validate_policy(const SlaPolicy& p) {
    std::vector<FieldError> errors;
    if (p.name.empty() || code_points(p.name) > kMaxNameLength)
        errors.push_back(FieldError::localized("/name", "servicelevels.name_length"));
    const std::pair<const char*, const std::optional<std::int64_t>*> targets[] = {
        {"/first_response_minutes", &p.first_response_minutes},
        {"/next_response_minutes", &p.next_response_minutes},
        {"/resolution_minutes", &p.resolution_minutes},
    };
    for (const auto& [at, value] : targets) {
        if (*value && (**value < 1 || **value > kMaxTargetMinutes)) {
            errors.push_back(
                FieldError::localized(at, "servicelevels.target_range", {{"max", std::to_string(kMaxTargetMinutes)}}));
        }
    }
    if (!p.first_response_minutes && !p.next_response_minutes && !p.resolution_minutes)
        errors.push_back(FieldError::localized("/resolution_minutes", "servicelevels.target_required"));
    if (p.warn_before_minutes < 0 || p.warn_before_minutes > kMaxTargetMinutes)
        errors.push_back(FieldError::localized("/warn_before_minutes", "servicelevels.warn_range",
                                               {{"max", std::to_string(kMaxTargetMinutes)}}));
    if (p.position < 0 || p.position > 1'000'000)
        errors.push_back(FieldError::localized("/position", "servicelevels.position_range"));
    return errors;
}

Result<std::optional<SlaPolicy>> choose_policy(std::vector<SlaPolicy> policies, Priority priority,
                                               const SegmentTest& in_segment) {
    std::sort(policies.begin(), policies.end(), [](const SlaPolicy& a, const SlaPolicy& b) {
        return a.position != b.position ? a.position < b.position : a.policy_id < b.policy_id;
    });
    for (auto& p : policies) {
        if (p.priority && *p.priority != priority) continue;
        if (p.segment_id && !RAPPORT_TRY(in_segment(*p.segment_id))) continue;
        return std::optional<SlaPolicy>{std::move(p)};
    }
    return std::optional<SlaPolicy>{};
}

}  // namespace rapport::domain::servicelevels
