#pragma once
// Persistence of business calendars and SLA policies. Thread-safe; each write atomic, with
// its audit entry. Lists are whole (a workspace has a handful of each).
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/servicelevels/calendar.hpp"
#include "domain/servicelevels/sla_policy.hpp"

namespace rapport::domain::servicelevels {

class ServiceLevelRepository {
public:
    virtual ~ServiceLevelRepository() = default;
    // Conflict when the name is taken.
    virtual Status insert_calendar(const Calendar& calendar, const AuditEntry& audit) = 0;
    virtual Status update_calendar(const Calendar& calendar, const AuditEntry& audit) = 0;
    // Conflict while a policy uses the calendar; NotFound when gone.
    virtual Status delete_calendar(Id workspace_id, Id calendar_id, const AuditEntry& audit) = 0;
    virtual Result<std::optional<Calendar>> find_calendar(Id workspace_id, Id calendar_id) = 0;
    // By name.
    virtual Result<std::vector<Calendar>> list_calendars(Id workspace_id) = 0;

    // Conflict when the name is taken.
    virtual Status insert_policy(const SlaPolicy& policy, const AuditEntry& audit) = 0;
    virtual Status update_policy(const SlaPolicy& policy, const AuditEntry& audit) = 0;
    virtual Status delete_policy(Id workspace_id, Id policy_id, const AuditEntry& audit) = 0;
    virtual Result<std::optional<SlaPolicy>> find_policy(Id workspace_id, Id policy_id) = 0;
    // In the order they are tried: by position, then creation.
    virtual Result<std::vector<SlaPolicy>> list_policies(Id workspace_id) = 0;
};

}  // namespace rapport::domain::servicelevels
