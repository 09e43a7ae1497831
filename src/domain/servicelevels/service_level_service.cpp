#include "domain/servicelevels/service_level_service.hpp"

#include <algorithm>

#include "domain/servicelevels/business_calendar.hpp"

namespace rapport::domain::servicelevels {

namespace {

Result<BusinessCalendar> calendar_of(ServiceLevelRepository& repo, Id workspace_id, Id calendar_id) {
    auto found = RAPPORT_TRY(repo.find_calendar(workspace_id, calendar_id));
    if (!found) {
        return fail(Error::localized(ErrorCode::NotFound, "servicelevels.calendar_not_found",
                                     {{"id", id_to_string(calendar_id)}}));
    }
    return BusinessCalendar::make(*found);
}

}  // namespace

Result<std::optional<AppliedSla>> ServiceLevelService::apply(Id workspace_id, std::string_view priority,
                                                             std::optional<Id> person_id, std::optional<Id> company_id,
                                                             UnixMillis start) {
    const auto parsed = parse_priority(priority);
    if (!parsed) return fail(Error::localized_field("/priority", "servicelevels.priority_invalid"));
    auto policies = RAPPORT_TRY(repo_.list_policies(workspace_id));
    auto chosen = RAPPORT_TRY(choose_policy(std::move(policies), *parsed, [&](Id segment_id) {
        return segments_.contains(workspace_id, segment_id, person_id, company_id);
    }));
    if (!chosen) return std::optional<AppliedSla>{};
    const auto calendar = RAPPORT_TRY(calendar_of(repo_, workspace_id, chosen->calendar_id));
    auto due = [&](const std::optional<std::int64_t>& minutes) -> std::optional<UnixMillis> {
        if (!minutes) return std::nullopt;
        return calendar.add_business_minutes(start, *minutes);
    };
    AppliedSla applied;
    applied.policy_id = chosen->policy_id;
    applied.policy_name = chosen->name;
    applied.first_response_due = due(chosen->first_response_minutes);
    applied.next_response_due = due(chosen->next_response_minutes);
    applied.resolution_due = due(chosen->resolution_minutes);
    applied.warn_before_minutes = chosen->warn_before_minutes;
    return std::optional<AppliedSla>{std::move(applied)};
}

Result<UnixMillis> ServiceLevelService::due_at(
    Id workspace_id, Id calendar_id, UnixMillis start, std::int64_t minutes,
    const std::vector<std::pair<UnixMillis, std::optional<UnixMillis>>>& pauses) {
    const auto calendar = RAPPORT_TRY(calendar_of(repo_, workspace_id, calendar_id));
    const UnixMillis now = clock_.now_ms();
    std::vector<Pause> closed;
    closed.reserve(pauses.size());
    for (const auto& [from, to] : pauses) closed.emplace_back(from, to.value_or(std::max(now, from)));
    return calendar.add_business_minutes_with_pauses(start, minutes, closed).value_or(kNever);
}

Result<BusinessCalendar> ServiceLevelService::calendar_of_policy(Id workspace_id, std::optional<Id> policy_id) {
    if (policy_id) {
        if (auto policy = RAPPORT_TRY(repo_.find_policy(workspace_id, *policy_id))) {
            return calendar_of(repo_, workspace_id, policy->calendar_id);
        }
    }
    return BusinessCalendar::always_open("UTC");
}

}  // namespace rapport::domain::servicelevels
