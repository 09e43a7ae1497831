#include "storage/timeline/sql_timeline_repository.hpp"

#include "storage/audit_sql.hpp"
#include "storage/timeline/interaction_row.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain::timeline;

namespace {

#define RAPPORT_INTERACTION_COLUMNS                                                                               \
    "workspace_id, interaction_id, kind, person_id, company_id, subject, body, channel, direction,"               \
    " relationship_type, minutes_spent, occurred_at, due_at, assignee_user_id, completed_at, created_by_user_id," \
    " created_at, assigned_at, assigned_by_user_id"

constexpr const char* kInsert =
    "INSERT INTO interactions (" RAPPORT_INTERACTION_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)";
constexpr const char* kUpdate =
    "UPDATE interactions SET kind = $3, person_id = $4, company_id = $5, subject = $6, body = $7, channel = $8,"
    " direction = $9, relationship_type = $10, minutes_spent = $11, occurred_at = $12, due_at = $13,"
    " assignee_user_id = $14, completed_at = $15, assigned_at = $16, assigned_by_user_id = $17"
    " WHERE workspace_id = $1 AND interaction_id = $2";
constexpr const char* kRemove = "DELETE FROM interactions WHERE workspace_id = $1 AND interaction_id = $2";
constexpr const char* kFind =
    "SELECT " RAPPORT_INTERACTION_COLUMNS " FROM interactions WHERE workspace_id = $1 AND interaction_id = $2";
// Keyset pagination, newest first: strictly before (occurred_at, interaction_id).
constexpr const char* kOfPerson =
    "SELECT " RAPPORT_INTERACTION_COLUMNS
    " FROM interactions WHERE workspace_id = $1 AND person_id = $2"
    " AND (CAST($3 AS BIGINT) IS NULL OR occurred_at < $3 OR (occurred_at = $3 AND interaction_id < $4))"
    " ORDER BY occurred_at DESC, interaction_id DESC LIMIT $5";
constexpr const char* kOfCompany =
    "SELECT " RAPPORT_INTERACTION_COLUMNS
    " FROM interactions WHERE workspace_id = $1"
    " AND (company_id = $2 OR person_id IN (SELECT person_id FROM affiliations WHERE workspace_id = $1"
    " AND company_id = $2))"
    " AND (CAST($3 AS BIGINT) IS NULL OR occurred_at < $3 OR (occurred_at = $3 AND interaction_id < $4))"
    " ORDER BY occurred_at DESC, interaction_id DESC LIMIT $5";
#undef RAPPORT_INTERACTION_COLUMNS

template <class E>
Value enum_value(const std::optional<E>& v) {
    return v ? Value{std::string(to_string(*v))} : Value{};
}

Params params_of(const Interaction& i) {
    return {i.workspace_id,
            i.interaction_id,
            std::string(to_string(i.kind)),
            opt(i.person_id),
            opt(i.company_id),
            i.subject,
            i.body,
            enum_value(i.channel),
            enum_value(i.direction),
            enum_value(i.relationship_type),
            i.minutes_spent,
            i.occurred_at,
            opt(i.due_at),
            opt(i.assignee_user_id),
            opt(i.completed_at),
            opt(i.created_by_user_id),
            i.created_at,
            opt(i.assigned_at),
            opt(i.assigned_by_user_id)};
}

Result<TimelinePage> page_of(Database& db, const char* sql, Id ws, Id id, std::optional<TimelineCursor> before,
                             int limit) {
    return read(db, [&](Connection& c) -> Result<TimelinePage> {
        Params p{ws, id, before ? Value{before->occurred_at} : Value{},
                 before ? Value{before->interaction_id} : Value{std::int64_t{0}}, std::int64_t{limit + 1}};
        auto rs = RAPPORT_TRY(c.query(sql, p));
        TimelinePage page;
        for (const auto& r : rs.rows) page.items.push_back(interaction_from_row(r));
        if (static_cast<int>(page.items.size()) > limit) {
            page.items.resize(static_cast<std::size_t>(limit));
            page.next = TimelineCursor{page.items.back().occurred_at, page.items.back().interaction_id};
        }
        return page;
    });
}

}  // namespace

Status SqlTimelineRepository::insert(const Interaction& i) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(c.execute(kInsert, params_of(i)));
        return {};
    });
}

Status SqlTimelineRepository::update(const Interaction& i, const domain::AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        Params p = params_of(i);
        p.erase(p.begin() + 15, p.begin() + 17);  // the author and creation time never change
        auto changed = RAPPORT_TRY(c.execute(kUpdate, p));
        if (changed == 0) return fail(Error::localized(ErrorCode::NotFound, "timeline.deleted_meanwhile"));
        return insert_audit(c, audit);
    });
}

Status SqlTimelineRepository::remove(Id ws, Id id) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        auto changed = RAPPORT_TRY(c.execute(kRemove, {ws, id}));
        if (changed == 0) return fail(Error::localized(ErrorCode::NotFound, "timeline.already_gone"));
        return {};
    });
}

Result<std::optional<Interaction>> SqlTimelineRepository::find(Id ws, Id id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<Interaction>> {
        auto rs = RAPPORT_TRY(c.query(kFind, {ws, id}));
        if (rs.empty()) return std::optional<Interaction>{};
        return std::optional<Interaction>{interaction_from_row(rs.rows[0])};
    });
}

Result<TimelinePage> SqlTimelineRepository::of_person(Id ws, Id person_id, std::optional<TimelineCursor> before,
                                                      int limit) {
    return page_of(db_, kOfPerson, ws, person_id, before, limit);
}

Result<TimelinePage> SqlTimelineRepository::of_company(Id ws, Id company_id, std::optional<TimelineCursor> before,
                                                       int limit) {
    return page_of(db_, kOfCompany, ws, company_id, before, limit);
}

}  // namespace rapport::storage
