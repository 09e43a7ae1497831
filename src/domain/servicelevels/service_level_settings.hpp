#pragma once
// The settings of service levels: business calendars and SLA policies. Every member of the
// workspace reads them; admins (and the owner) change them. Every change is audited.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/identity/entities.hpp"
#include "domain/servicelevels/segment_membership.hpp"
#include "domain/servicelevels/service_level_repository.hpp"

namespace rapport::domain::servicelevels {

// What a create or update asks for; absent members are left alone by an update.
struct CalendarInput {
    std::optional<std::string> name;
    std::optional<std::string> time_zone;
    std::optional<bool> always_open;
    std::optional<WeeklyHours> hours;
    std::optional<std::vector<Holiday>> holidays;
};

struct PolicyInput {
    std::optional<std::string> name;
    std::optional<std::optional<Priority>> priority;  // outer: given; inner: null = any
    std::optional<std::optional<Id>> segment_id;      // inner: null = every customer
    std::optional<std::int64_t> position;             // absent on create: after every other policy
    std::optional<Id> calendar_id;
    std::optional<std::optional<std::int64_t>> first_response_minutes;
    std::optional<std::optional<std::int64_t>> next_response_minutes;
    std::optional<std::optional<std::int64_t>> resolution_minutes;
    std::optional<std::int64_t> warn_before_minutes;
};

class ServiceLevelSettings {
public:
    ServiceLevelSettings(ServiceLevelRepository& repo, SegmentMembership& segments, const Clock& clock)
        : repo_(repo), segments_(segments), clock_(clock) {}

    Result<std::vector<Calendar>> list_calendars(const Principal& actor);
    // NotFound for a calendar of another workspace, exactly as for a missing one.
    Result<Calendar> get_calendar(const Principal& actor, Id calendar_id);
    Result<Calendar> create_calendar(const Principal& actor, const CalendarInput& input, const std::string& ip);
    Result<Calendar> update_calendar(const Principal& actor, Id calendar_id, const CalendarInput& input,
                                     const std::string& ip);
    Status remove_calendar(const Principal& actor, Id calendar_id, const std::string& ip);

    Result<std::vector<SlaPolicy>> list_policies(const Principal& actor);
    Result<SlaPolicy> get_policy(const Principal& actor, Id policy_id);
    Result<SlaPolicy> create_policy(const Principal& actor, const PolicyInput& input, const std::string& ip);
    Result<SlaPolicy> update_policy(const Principal& actor, Id policy_id, const PolicyInput& input,
                                    const std::string& ip);
    Status remove_policy(const Principal& actor, Id policy_id, const std::string& ip);

    // The due time `minutes` business minutes after `start` in one of the workspace's calendars.
    Result<UnixMillis> preview(const Principal& actor, Id calendar_id, UnixMillis start, std::int64_t minutes);

private:
    Status check_policy(const Principal& actor, const SlaPolicy& policy, const char* failure_key);
    AuditEntry audit(const Principal& actor, std::string action, std::string target_type, Id target,
                     const std::string& ip) const;

    ServiceLevelRepository& repo_;
    SegmentMembership& segments_;
    const Clock& clock_;
};

}  // namespace rapport::domain::servicelevels
