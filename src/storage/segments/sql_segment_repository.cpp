#include "storage/segments/sql_segment_repository.hpp"

#include <algorithm>

#include "storage/audit_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain;
using namespace rapport::domain::segments;

namespace {

#define RAPPORT_SEGMENT_COLUMNS                                                                   \
    "workspace_id, segment_id, name, description, kind, entity_type, segment_type, filter_json, " \
    "owner_user_id, created_at, updated_at"

constexpr const char* kInsert =
    "INSERT INTO segments (" RAPPORT_SEGMENT_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr const char* kUpdate =
    "UPDATE segments SET name = $3, description = $4, kind = $5, filter_json = $6, owner_user_id = $7,"
    " updated_at = $8 WHERE workspace_id = $1 AND segment_id = $2";
constexpr const char* kFind =
    "SELECT " RAPPORT_SEGMENT_COLUMNS " FROM segments WHERE workspace_id = $1 AND segment_id = $2";
constexpr const char* kList =
    "SELECT " RAPPORT_SEGMENT_COLUMNS
    " FROM segments WHERE workspace_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR segment_id > $2)"
    " AND (CAST($4 AS BIGINT) IS NULL OR owner_user_id = $4) ORDER BY segment_id LIMIT $3";
constexpr const char* kAllFirst =
    "SELECT " RAPPORT_SEGMENT_COLUMNS " FROM segments ORDER BY workspace_id, segment_id LIMIT $1";
constexpr const char* kAllAfter = "SELECT " RAPPORT_SEGMENT_COLUMNS
                                  " FROM segments WHERE workspace_id > $1 OR (workspace_id = $1 AND segment_id > $2)"
                                  " ORDER BY workspace_id, segment_id LIMIT $3";
#undef RAPPORT_SEGMENT_COLUMNS
constexpr const char* kDeleteRows[] = {
    "DELETE FROM segment_members WHERE workspace_id = $1 AND segment_id = $2",
    "DELETE FROM segment_snapshots WHERE workspace_id = $1 AND segment_id = $2",
};
constexpr const char* kDelete = "DELETE FROM segments WHERE workspace_id = $1 AND segment_id = $2";
constexpr const char* kAddMember =
    "INSERT INTO segment_members (workspace_id, segment_id, entity_id, added_at) VALUES ($1, $2, $3, $4)"
    " ON CONFLICT (workspace_id, segment_id, entity_id) DO NOTHING";
constexpr const char* kRemoveMember =
    "DELETE FROM segment_members WHERE workspace_id = $1 AND segment_id = $2 AND entity_id = $3";
constexpr const char* kUpsertSnapshot =
    "INSERT INTO segment_snapshots (workspace_id, segment_id, day, member_count, taken_at) VALUES ($1, $2, $3, $4, $5)"
    " ON CONFLICT (workspace_id, segment_id, day) DO UPDATE SET member_count = excluded.member_count,"
    " taken_at = excluded.taken_at";
constexpr const char* kHasSnapshot =
    "SELECT 1 FROM segment_snapshots WHERE workspace_id = $1 AND segment_id = $2 AND day = $3";
// The newest `limit` days of the range; the caller gets them oldest first.
constexpr const char* kSnapshots =
    "SELECT day, member_count, taken_at FROM segment_snapshots WHERE workspace_id = $1 AND segment_id = $2"
    " AND day >= $3 AND day <= $4 ORDER BY day DESC LIMIT $5";

Segment from_row(const Row& r) {
    Segment s;
    s.workspace_id = as_int(r[0]);
    s.segment_id = as_int(r[1]);
    s.name = as_text(r[2]);
    s.description = as_text(r[3]);
    s.kind = parse_segment_kind(as_text(r[4])).value_or(SegmentKind::Mixed);
    s.entity_type = customers::parse_entity_type(as_text(r[5])).value_or(customers::EntityType::Company);
    s.type = parse_segment_type(as_text(r[6])).value_or(SegmentType::Static);
    if (auto f = as_opt_text(r[7])) {
        s.filter = nlohmann::json::parse(*f, nullptr, false);
        if (s.filter.is_discarded()) s.filter = nullptr;
    }
    s.owner_user_id = as_opt_int(r[8]);
    s.created_at = as_int(r[9]);
    s.updated_at = as_int(r[10]);
    return s;
}

Value filter_value(const Segment& s) {
    if (s.type != SegmentType::Dynamic || s.filter.is_null()) return Value{};
    return Value{s.filter.dump()};
}

// A duplicate name is the only unique constraint a segment write can break besides its key.
Error name_conflict_or(Error e, const Segment& s) {
    if (e.code != ErrorCode::Conflict) return e;
    return Error::localized(ErrorCode::Conflict, "segments.name_taken", {{"name", s.name}},
                            {FieldError::localized("/name", "segments.name_taken_field")});
}

}  // namespace

Status SqlSegmentRepository::insert(const Segment& s, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        auto inserted =
            c.execute(kInsert, {s.workspace_id, s.segment_id, s.name, s.description, std::string(to_string(s.kind)),
                                std::string(customers::to_string(s.entity_type)), std::string(to_string(s.type)),
                                filter_value(s), opt(s.owner_user_id), s.created_at, s.updated_at});
        if (!inserted) return fail(name_conflict_or(std::move(inserted).error(), s));
        return insert_audit(c, audit);
    });
}

Status SqlSegmentRepository::update(const Segment& s, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        auto changed =
            c.execute(kUpdate, {s.workspace_id, s.segment_id, s.name, s.description, std::string(to_string(s.kind)),
                                filter_value(s), opt(s.owner_user_id), s.updated_at});
        if (!changed) return fail(name_conflict_or(std::move(changed).error(), s));
        if (*changed == 0) return fail(Error::localized(ErrorCode::NotFound, "segments.deleted_meanwhile"));
        return insert_audit(c, audit);
    });
}

Status SqlSegmentRepository::remove(Id ws, Id segment_id, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        for (const char* sql : kDeleteRows) RAPPORT_CHECK(c.execute(sql, {ws, segment_id}));
        auto changed = RAPPORT_TRY(c.execute(kDelete, {ws, segment_id}));
        if (changed == 0) return fail(Error::localized(ErrorCode::NotFound, "segments.already_gone"));
        return insert_audit(c, audit);
    });
}

Result<std::optional<Segment>> SqlSegmentRepository::find(Id ws, Id segment_id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<Segment>> {
        auto rs = RAPPORT_TRY(c.query(kFind, {ws, segment_id}));
        if (rs.empty()) return std::optional<Segment>{};
        return std::optional<Segment>{from_row(rs.rows[0])};
    });
}

Result<Page<Segment>> SqlSegmentRepository::list(Id ws, const PageRequest& page, std::optional<Id> owner_user_id) {
    return read(db_, [&](Connection& c) -> Result<Page<Segment>> {
        auto rs = RAPPORT_TRY(c.query(kList, {ws, opt(page.after), std::int64_t{page.limit + 1}, opt(owner_user_id)}));
        Page<Segment> out;
        for (const auto& r : rs.rows) out.items.push_back(from_row(r));
        finish_page(out.items, page.limit, out.next_cursor, [](const Segment& s) { return s.segment_id; });
        return out;
    });
}

Result<std::vector<Segment>> SqlSegmentRepository::all_after(std::optional<SegmentKey> after, int limit) {
    return read(db_, [&](Connection& c) -> Result<std::vector<Segment>> {
        auto rs = after ? RAPPORT_TRY(c.query(kAllAfter, {after->workspace_id, after->segment_id, std::int64_t{limit}}))
                        : RAPPORT_TRY(c.query(kAllFirst, {std::int64_t{limit}}));
        std::vector<Segment> out;
        for (const auto& r : rs.rows) out.push_back(from_row(r));
        return out;
    });
}

Result<std::int64_t> SqlSegmentRepository::add_members(Id ws, Id segment_id, const std::vector<Id>& entity_ids,
                                                       UnixMillis at) {
    return write_transaction(db_, [&](Connection& c) -> Result<std::int64_t> {
        std::int64_t added = 0;
        for (const Id id : entity_ids) added += RAPPORT_TRY(c.execute(kAddMember, {ws, segment_id, id, at}));
        return added;
    });
}

Result<bool> SqlSegmentRepository::remove_member(Id ws, Id segment_id, Id entity_id) {
    return write_transaction(db_, [&](Connection& c) -> Result<bool> {
        return RAPPORT_TRY(c.execute(kRemoveMember, {ws, segment_id, entity_id})) > 0;
    });
}

Status SqlSegmentRepository::upsert_snapshot(Id ws, Id segment_id, const Snapshot& snapshot) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(
            c.execute(kUpsertSnapshot, {ws, segment_id, snapshot.day, snapshot.member_count, snapshot.taken_at}));
        return {};
    });
}

Result<bool> SqlSegmentRepository::has_snapshot(Id ws, Id segment_id, const std::string& day) {
    return read(db_, [&](Connection& c) -> Result<bool> {
        auto rs = RAPPORT_TRY(c.query(kHasSnapshot, {ws, segment_id, day}));
        return !rs.empty();
    });
}

Result<std::vector<Snapshot>> SqlSegmentRepository::snapshots(Id ws, Id segment_id, const std::string& from,
                                                              const std::string& to, int limit) {
    return read(db_, [&](Connection& c) -> Result<std::vector<Snapshot>> {
        auto rs = RAPPORT_TRY(c.query(kSnapshots, {ws, segment_id, from, to, std::int64_t{limit}}));
        std::vector<Snapshot> out;
        for (const auto& r : rs.rows) out.push_back({as_text(r[0]), as_int(r[1]), as_int(r[2])});
        std::reverse(out.begin(), out.end());
        return out;
    });
}

}  // namespace rapport::storage
