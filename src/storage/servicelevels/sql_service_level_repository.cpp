#include "storage/servicelevels/sql_service_level_repository.hpp"

#include "domain/servicelevels/calendar_json.hpp"
#include "storage/audit_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain;
using namespace rapport::domain::servicelevels;

namespace {

constexpr const char* kCalendarById =
    "SELECT workspace_id, calendar_id, name, time_zone, always_open, hours_json, holidays_json, created_at,"
    " updated_at FROM sla_calendars"
    " WHERE workspace_id = $1 AND calendar_id = $2";
constexpr const char* kCalendarsOfWorkspace =
    "SELECT workspace_id, calendar_id, name, time_zone, always_open, hours_json, holidays_json, created_at,"
    " updated_at FROM sla_calendars"
    " WHERE workspace_id = $1 ORDER BY name, calendar_id";
constexpr const char* kInsertCalendar =
    "INSERT INTO sla_calendars (workspace_id, calendar_id, name, time_zone, always_open, hours_json, holidays_json,"
    " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)";
constexpr const char* kUpdateCalendar =
    "UPDATE sla_calendars SET name = $3, time_zone = $4, always_open = $5, hours_json = $6, holidays_json = $7,"
    " updated_at = $8 WHERE workspace_id = $1 AND calendar_id = $2";
constexpr const char* kDeleteCalendar = "DELETE FROM sla_calendars WHERE workspace_id = $1 AND calendar_id = $2";
constexpr const char* kPoliciesUsingCalendar =
    "SELECT COUNT(*) FROM sla_policies WHERE workspace_id = $1 AND calendar_id = $2";

constexpr const char* kPolicyById =
    "SELECT workspace_id, policy_id, name, priority, segment_id, position, calendar_id, first_response_minutes,"
    " next_response_minutes, resolution_minutes, warn_before_minutes, created_at, updated_at FROM sla_policies"
    " WHERE workspace_id = $1 AND policy_id = $2";
constexpr const char* kPoliciesOfWorkspace =
    "SELECT workspace_id, policy_id, name, priority, segment_id, position, calendar_id, first_response_minutes,"
    " next_response_minutes, resolution_minutes, warn_before_minutes, created_at, updated_at FROM sla_policies"
    " WHERE workspace_id = $1 ORDER BY position, policy_id";
constexpr const char* kInsertPolicy =
    "INSERT INTO sla_policies (workspace_id, policy_id, name, priority, segment_id, position, calendar_id,"
    " first_response_minutes, next_response_minutes, resolution_minutes, warn_before_minutes, created_at,"
    " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)";
constexpr const char* kUpdatePolicy =
    "UPDATE sla_policies SET name = $3, priority = $4, segment_id = $5, position = $6, calendar_id = $7,"
    " first_response_minutes = $8, next_response_minutes = $9, resolution_minutes = $10,"
    " warn_before_minutes = $11, updated_at = $12 WHERE workspace_id = $1 AND policy_id = $2";
constexpr const char* kDeletePolicy = "DELETE FROM sla_policies WHERE workspace_id = $1 AND policy_id = $2";

Calendar calendar_from(const Row& r) {
    Calendar c;
    c.workspace_id = as_int(r[0]);
    c.calendar_id = as_int(r[1]);
    c.name = as_text(r[2]);
    c.time_zone = as_text(r[3]);
    c.always_open = as_bool(r[4]);
    // Written by this repository from validated values: read back without complaint.
    std::vector<FieldError> ignored;
    c.hours = hours_from_json(nlohmann::json::parse(as_text(r[5]), nullptr, false), "/hours", ignored);
    c.holidays = holidays_from_json(nlohmann::json::parse(as_text(r[6]), nullptr, false), "/holidays", ignored);
    c.created_at = as_int(r[7]);
    c.updated_at = as_int(r[8]);
    return c;
}

Params calendar_params(const Calendar& c, UnixMillis at) {
    return {c.workspace_id,
            c.calendar_id,
            c.name,
            c.time_zone,
            c.always_open,
            hours_to_json(c.hours).dump(),
            holidays_to_json(c.holidays).dump(),
            at};
}

SlaPolicy policy_from(const Row& r) {
    SlaPolicy p;
    p.workspace_id = as_int(r[0]);
    p.policy_id = as_int(r[1]);
    p.name = as_text(r[2]);
    if (auto priority = as_opt_text(r[3])) p.priority = parse_priority(*priority);
    p.segment_id = as_opt_int(r[4]);
    p.position = as_int(r[5]);
    p.calendar_id = as_int(r[6]);
    p.first_response_minutes = as_opt_int(r[7]);
    p.next_response_minutes = as_opt_int(r[8]);
    p.resolution_minutes = as_opt_int(r[9]);
    p.warn_before_minutes = as_int(r[10]);
    p.created_at = as_int(r[11]);
    p.updated_at = as_int(r[12]);
    return p;
}

Params policy_params(const SlaPolicy& p, UnixMillis at) {
    Value priority = p.priority ? Value{std::string(to_string(*p.priority))} : Value{};
    return {p.workspace_id,
            p.policy_id,
            p.name,
            priority,
            opt(p.segment_id),
            p.position,
            p.calendar_id,
            opt(p.first_response_minutes),
            opt(p.next_response_minutes),
            opt(p.resolution_minutes),
            p.warn_before_minutes,
            at};
}

Error name_taken(const char* key, const std::string& name) {
    return Error::localized(ErrorCode::Conflict, key, {{"name", name}},
                            {FieldError::localized("/name", "servicelevels.name_taken_field")});
}

Error calendar_not_found(Id id) {
    return Error::localized(ErrorCode::NotFound, "servicelevels.calendar_not_found", {{"id", id_to_string(id)}});
}
Error policy_not_found(Id id) {
    return Error::localized(ErrorCode::NotFound, "servicelevels.policy_not_found", {{"id", id_to_string(id)}});
}

// Runs a write whose only expected failure is a taken name (the unique key on name).
Status write_named(Connection& conn, const char* statement, const Params& params, const char* taken_key,
                   const std::string& name, const Error& missing) {
    auto changed = conn.execute(statement, params);
    if (!changed) {
        if (changed.error().code == ErrorCode::Conflict) return fail(name_taken(taken_key, name));
        return fail(std::move(changed).error());
    }
    if (*changed == 0) return fail(missing);
    return {};
}

}  // namespace

Status SqlServiceLevelRepository::insert_calendar(const Calendar& c, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        RAPPORT_CHECK(write_named(conn, kInsertCalendar, calendar_params(c, c.created_at),
                                  "servicelevels.calendar_name_taken", c.name, calendar_not_found(c.calendar_id)));
        return insert_audit(conn, audit);
    });
}

Status SqlServiceLevelRepository::update_calendar(const Calendar& c, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        RAPPORT_CHECK(write_named(conn, kUpdateCalendar, calendar_params(c, c.updated_at),
                                  "servicelevels.calendar_name_taken", c.name, calendar_not_found(c.calendar_id)));
        return insert_audit(conn, audit);
    });
}

Status SqlServiceLevelRepository::delete_calendar(Id workspace_id, Id calendar_id, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        auto users = RAPPORT_TRY(conn.query(kPoliciesUsingCalendar, {workspace_id, calendar_id}));
        const auto count = as_int(users.rows.at(0)[0]);
        if (count > 0) {
            return fail(Error::localized(ErrorCode::Conflict, "servicelevels.calendar_in_use",
                                         {{"count", std::to_string(count)}}));
        }
        auto changed = RAPPORT_TRY(conn.execute(kDeleteCalendar, {workspace_id, calendar_id}));
        if (changed == 0) return fail(calendar_not_found(calendar_id));
        return insert_audit(conn, audit);
    });
}

Result<std::optional<Calendar>> SqlServiceLevelRepository::find_calendar(Id workspace_id, Id calendar_id) {
    return read(db_, [&](Connection& conn) -> Result<std::optional<Calendar>> {
        auto rs = RAPPORT_TRY(conn.query(kCalendarById, {workspace_id, calendar_id}));
        if (rs.empty()) return std::optional<Calendar>{};
        return std::optional<Calendar>{calendar_from(rs.rows[0])};
    });
}

Result<std::vector<Calendar>> SqlServiceLevelRepository::list_calendars(Id workspace_id) {
    return read(db_, [&](Connection& conn) -> Result<std::vector<Calendar>> {
        auto rs = RAPPORT_TRY(conn.query(kCalendarsOfWorkspace, {workspace_id}));
        std::vector<Calendar> out;
        for (const auto& r : rs.rows) out.push_back(calendar_from(r));
        return out;
    });
}

Status SqlServiceLevelRepository::insert_policy(const SlaPolicy& p, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        RAPPORT_CHECK(write_named(conn, kInsertPolicy, policy_params(p, p.created_at),
                                  "servicelevels.policy_name_taken", p.name, policy_not_found(p.policy_id)));
        return insert_audit(conn, audit);
    });
}

Status SqlServiceLevelRepository::update_policy(const SlaPolicy& p, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        RAPPORT_CHECK(write_named(conn, kUpdatePolicy, policy_params(p, p.updated_at),
                                  "servicelevels.policy_name_taken", p.name, policy_not_found(p.policy_id)));
        return insert_audit(conn, audit);
    });
}

Status SqlServiceLevelRepository::delete_policy(Id workspace_id, Id policy_id, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        auto changed = RAPPORT_TRY(conn.execute(kDeletePolicy, {workspace_id, policy_id}));
        if (changed == 0) return fail(policy_not_found(policy_id));
        return insert_audit(conn, audit);
    });
}

Result<std::optional<SlaPolicy>> SqlServiceLevelRepository::find_policy(Id workspace_id, Id policy_id) {
    return read(db_, [&](Connection& conn) -> Result<std::optional<SlaPolicy>> {
        auto rs = RAPPORT_TRY(conn.query(kPolicyById, {workspace_id, policy_id}));
        if (rs.empty()) return std::optional<SlaPolicy>{};
        return std::optional<SlaPolicy>{policy_from(rs.rows[0])};
    });
}

Result<std::vector<SlaPolicy>> SqlServiceLevelRepository::list_policies(Id workspace_id) {
    return read(db_, [&](Connection& conn) -> Result<std::vector<SlaPolicy>> {
        auto rs = RAPPORT_TRY(conn.query(kPoliciesOfWorkspace, {workspace_id}));
        std::vector<SlaPolicy> out;
        for (const auto& r : rs.rows) out.push_back(policy_from(r));
        return out;
    });
}

}  // namespace rapport::storage
