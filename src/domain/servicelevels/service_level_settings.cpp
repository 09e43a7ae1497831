#include "domain/servicelevels/service_level_settings.hpp"

#include <algorithm>

#include "domain/audit/audit_of.hpp"
#include "domain/identity/principals.hpp"
#include "domain/servicelevels/business_calendar.hpp"

namespace rapport::domain::servicelevels {

namespace {

Error calendar_not_found(Id id) {
    return Error::localized(ErrorCode::NotFound, "servicelevels.calendar_not_found", {{"id", id_to_string(id)}});
}
Error policy_not_found(Id id) {
    return Error::localized(ErrorCode::NotFound, "servicelevels.policy_not_found", {{"id", id_to_string(id)}});
}

void apply_input(Calendar& c, const CalendarInput& in) {
    if (in.name) c.name = *in.name;
    if (in.time_zone) c.time_zone = *in.time_zone;
    if (in.always_open) c.always_open = *in.always_open;
    if (in.hours) c.hours = *in.hours;
    if (in.holidays) c.holidays = *in.holidays;
}

void apply_input(SlaPolicy& p, const PolicyInput& in) {
    if (in.name) p.name = *in.name;
    if (in.priority) p.priority = *in.priority;
    if (in.segment_id) p.segment_id = *in.segment_id;
    if (in.position) p.position = *in.position;
    if (in.calendar_id) p.calendar_id = *in.calendar_id;
    if (in.first_response_minutes) p.first_response_minutes = *in.first_response_minutes;
    if (in.next_response_minutes) p.next_response_minutes = *in.next_response_minutes;
    if (in.resolution_minutes) p.resolution_minutes = *in.resolution_minutes;
    if (in.warn_before_minutes) p.warn_before_minutes = *in.warn_before_minutes;
}

}  // namespace

AuditEntry ServiceLevelSettings::audit(const Principal& actor, std::string action, std::string target_type, Id target,
                                       const std::string& ip) const {
    return audit_of(actor, clock_.now_ms(), std::move(action), std::move(target_type), id_to_string(target), ip);
}

Result<std::vector<Calendar>> ServiceLevelSettings::list_calendars(const Principal& actor) {
    return repo_.list_calendars(actor.workspace_id);
}

Result<Calendar> ServiceLevelSettings::get_calendar(const Principal& actor, Id calendar_id) {
    auto found = RAPPORT_TRY(repo_.find_calendar(actor.workspace_id, calendar_id));
    if (!found) return fail(calendar_not_found(calendar_id));
    return *found;
}

Result<Calendar> ServiceLevelSettings::create_calendar(const Principal& actor, const CalendarInput& in,
                                                       const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "servicelevels.action_changing"));
    Calendar c;
    c.workspace_id = actor.workspace_id;
    c.calendar_id = new_id();
    apply_input(c, in);
    if (auto errors = validate_calendar(c); !errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "servicelevels.calendar_invalid", {}, std::move(errors)));
    }
    c.created_at = c.updated_at = clock_.now_ms();
    RAPPORT_CHECK(repo_.insert_calendar(c, audit(actor, "sla_calendar.created", "sla_calendar", c.calendar_id, ip)));
    return get_calendar(actor, c.calendar_id);
}

Result<Calendar> ServiceLevelSettings::update_calendar(const Principal& actor, Id calendar_id, const CalendarInput& in,
                                                       const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "servicelevels.action_changing"));
    Calendar c = RAPPORT_TRY(get_calendar(actor, calendar_id));
    apply_input(c, in);
    if (auto errors = validate_calendar(c); !errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "servicelevels.calendar_invalid", {}, std::move(errors)));
    }
    c.updated_at = clock_.now_ms();
    RAPPORT_CHECK(repo_.update_calendar(c, audit(actor, "sla_calendar.updated", "sla_calendar", calendar_id, ip)));
    return get_calendar(actor, calendar_id);
}

Status ServiceLevelSettings::remove_calendar(const Principal& actor, Id calendar_id, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "servicelevels.action_changing"));
    return repo_.delete_calendar(actor.workspace_id, calendar_id,
                                 audit(actor, "sla_calendar.deleted", "sla_calendar", calendar_id, ip));
}

Result<std::vector<SlaPolicy>> ServiceLevelSettings::list_policies(const Principal& actor) {
    return repo_.list_policies(actor.workspace_id);
}

Result<SlaPolicy> ServiceLevelSettings::get_policy(const Principal& actor, Id policy_id) {
    auto found = RAPPORT_TRY(repo_.find_policy(actor.workspace_id, policy_id));
    if (!found) return fail(policy_not_found(policy_id));
    return *found;
}

Status ServiceLevelSettings::check_policy(const Principal& actor, const SlaPolicy& p, const char* failure_key) {
    auto errors = validate_policy(p);
    if (p.calendar_id == 0) {
        errors.push_back(FieldError::localized("/calendar_id", "servicelevels.calendar_required"));
    } else if (!RAPPORT_TRY(repo_.find_calendar(actor.workspace_id, p.calendar_id))) {
        errors.push_back(FieldError::localized("/calendar_id", "servicelevels.calendar_not_found",
                                               {{"id", id_to_string(p.calendar_id)}}));
    }
    if (p.segment_id && !RAPPORT_TRY(segments_.exists(actor.workspace_id, *p.segment_id))) {
        errors.push_back(FieldError::localized("/segment_id", "servicelevels.segment_not_found",
                                               {{"id", id_to_string(*p.segment_id)}}));
    }
    if (!errors.empty()) return fail(Error::localized(ErrorCode::Validation, failure_key, {}, std::move(errors)));
    return {};
}

Result<SlaPolicy> ServiceLevelSettings::create_policy(const Principal& actor, const PolicyInput& in,
                                                      const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "servicelevels.action_changing"));
    SlaPolicy p;
    p.workspace_id = actor.workspace_id;
    p.policy_id = new_id();
    apply_input(p, in);
    if (!in.position) {
        // Without a position, a new policy is tried last.
        for (const auto& other : RAPPORT_TRY(repo_.list_policies(actor.workspace_id)))
            p.position = std::max(p.position, other.position + 1);
    }
    RAPPORT_CHECK(check_policy(actor, p, "servicelevels.policy_invalid"));
    p.created_at = p.updated_at = clock_.now_ms();
    RAPPORT_CHECK(repo_.insert_policy(p, audit(actor, "sla_policy.created", "sla_policy", p.policy_id, ip)));
    return get_policy(actor, p.policy_id);
}

Result<SlaPolicy> ServiceLevelSettings::update_policy(const Principal& actor, Id policy_id, const PolicyInput& in,
                                                      const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "servicelevels.action_changing"));
    SlaPolicy p = RAPPORT_TRY(get_policy(actor, policy_id));
    apply_input(p, in);
    RAPPORT_CHECK(check_policy(actor, p, "servicelevels.policy_invalid"));
    p.updated_at = clock_.now_ms();
    RAPPORT_CHECK(repo_.update_policy(p, audit(actor, "sla_policy.updated", "sla_policy", policy_id, ip)));
    return get_policy(actor, policy_id);
}

Status ServiceLevelSettings::remove_policy(const Principal& actor, Id policy_id, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "servicelevels.action_changing"));
    return repo_.delete_policy(actor.workspace_id, policy_id,
                               audit(actor, "sla_policy.deleted", "sla_policy", policy_id, ip));
}

Result<UnixMillis> ServiceLevelSettings::preview(const Principal& actor, Id calendar_id, UnixMillis start,
                                                 std::int64_t minutes) {
    const Calendar c = RAPPORT_TRY(get_calendar(actor, calendar_id));
    const auto calendar = RAPPORT_TRY(BusinessCalendar::make(c));
    return calendar.add_business_minutes(start, minutes);
}

}  // namespace rapport::domain::servicelevels
