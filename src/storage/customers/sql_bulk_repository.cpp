#include "storage/customers/sql_bulk_repository.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "storage/audit_sql.hpp"
#include "storage/customers/sql_customer_repository.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain;
using namespace rapport::domain::customers;

namespace {

constexpr const char* kSegmentsOf =
    "SELECT segment_id FROM segment_members WHERE workspace_id = $1 AND entity_id = $2 ORDER BY segment_id";
constexpr const char* kKeepDeleted =
    "INSERT INTO deleted_records (workspace_id, undo_id, entity_type, entity_id, record, segment_ids, deleted_at,"
    " deleted_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr const char* kDeletedOf =
    "SELECT undo_id, entity_id, record, segment_ids, deleted_at, deleted_by FROM deleted_records"
    " WHERE workspace_id = $1 AND undo_id = $2 AND entity_type = $3 ORDER BY entity_id LIMIT $4";
constexpr const char* kDropDeleted =
    "DELETE FROM deleted_records WHERE workspace_id = $1 AND undo_id = $2 AND entity_id = $3";
constexpr const char* kForgetDeleted = "DELETE FROM deleted_records WHERE workspace_id = $1 AND deleted_at < $2";
// A membership comes back only while its static segment exists.
constexpr const char* kRejoinSegment =
    "INSERT INTO segment_members (workspace_id, segment_id, entity_id, added_at)"
    " SELECT workspace_id, segment_id, $3, $4 FROM segments WHERE workspace_id = $1 AND segment_id = $2";

// The stored updated_at of the records a request updates, read (and on PostgreSQL locked)
// inside its transaction: a record changed since it was read and judged fails the request.
Status check_unchanged(Connection& c, Id ws, EntityType type, const std::vector<RecordWrite>& updates) {
    const std::string table = type == EntityType::Company ? "companies" : "people";
    const std::string id = type == EntityType::Company ? "company_id" : "person_id";
    constexpr std::size_t kChunk = 500;
    for (std::size_t at = 0; at < updates.size(); at += kChunk) {
        const std::size_t end = std::min(updates.size(), at + kChunk);
        Params params{ws};
        std::string list;
        std::map<Id, UnixMillis> expected;
        for (std::size_t i = at; i < end; ++i) {
            params.push_back(updates[i].record.id);
            list += (list.empty() ? "$" : ", $") + std::to_string(params.size());
            expected[updates[i].record.id] = updates[i].expected_updated_at.value_or(-1);
        }
        const std::string sql = "SELECT " + id + ", updated_at FROM " + table + " WHERE workspace_id = $1 AND " + id +
                                " IN (" + list + ")" + (c.dialect() == Dialect::Postgres ? " FOR UPDATE" : "");
        auto rs = RAPPORT_TRY(c.query(sql, params));
        if (rs.rows.size() != expected.size()) {
            return fail(Error::localized(ErrorCode::NotFound, "lists.bulk_record_gone"));
        }
        for (const auto& row : rs.rows) {
            const auto want = expected[as_int(row[0])];
            if (want >= 0 && as_int(row[1]) != want) {
                return fail(Error::localized(ErrorCode::Conflict, "lists.bulk_conflict"));
            }
        }
    }
    return Status{};
}

nlohmann::json record_to_json(const CustomerRecord& r) {
    nlohmann::json flags = nlohmann::json::array();
    for (const auto& f : r.flags) {
        flags.push_back({{"field", f.field},
                         {"rule", f.rule},
                         {"value", f.value},
                         {"source_kind", to_string(f.source_kind)},
                         {"source_ref", f.source_ref},
                         {"import_id", f.import_id ? nlohmann::json(*f.import_id) : nlohmann::json(nullptr)},
                         {"flagged_at", f.flagged_at}});
    }
    return {{"fields", r.fields},
            {"custom", r.custom},
            {"tags", r.tags},
            {"owner_user_id", r.owner_user_id ? nlohmann::json(*r.owner_user_id) : nlohmann::json(nullptr)},
            {"team_id", r.team_id ? nlohmann::json(*r.team_id) : nlohmann::json(nullptr)},
            {"created_at", r.created_at},
            {"updated_at", r.updated_at},
            {"flags", flags}};
}

CustomerRecord record_from_json(Id ws, EntityType type, Id id, const nlohmann::json& j) {
    CustomerRecord r;
    r.workspace_id = ws;
    r.type = type;
    r.id = id;
    r.fields = j.value("fields", nlohmann::json::object());
    r.custom = j.value("custom", nlohmann::json::object());
    r.tags = j.value("tags", std::vector<std::string>{});
    if (j.contains("owner_user_id") && j["owner_user_id"].is_number()) r.owner_user_id = j["owner_user_id"].get<Id>();
    if (j.contains("team_id") && j["team_id"].is_number()) r.team_id = j["team_id"].get<Id>();
    r.created_at = j.value("created_at", UnixMillis{0});
    r.updated_at = j.value("updated_at", UnixMillis{0});
    for (const auto& f : j.value("flags", nlohmann::json::array())) {
        FieldFlag flag;
        flag.field = f.value("field", "");
        flag.rule = f.value("rule", "");
        flag.value = f.value("value", "");
        flag.source_kind = parse_source_kind(f.value("source_kind", "")).value_or(SourceKind::Import);
        flag.source_ref = f.value("source_ref", "");
        if (f.contains("import_id") && f["import_id"].is_number()) flag.import_id = f["import_id"].get<Id>();
        flag.flagged_at = f.value("flagged_at", UnixMillis{0});
        r.flags.push_back(std::move(flag));
    }
    return r;
}

}  // namespace

Status SqlBulkRepository::apply(Id ws, EntityType type, const std::vector<RecordWrite>& updates,
                                const std::vector<DeletedRecord>& deleted, const std::vector<AuditEntry>& audit) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        if (!updates.empty()) {
            RAPPORT_CHECK(check_unchanged(c, ws, type, updates));
            RAPPORT_CHECK(write_records(c, {}, updates));
        }
        for (const auto& d : deleted) {
            std::string segments;
            auto rs = RAPPORT_TRY(c.query(kSegmentsOf, {ws, d.record.id}));
            for (const auto& row : rs.rows) segments += (segments.empty() ? "" : ",") + as_text(row[0]);
            RAPPORT_CHECK(
                c.execute(kKeepDeleted, {ws, d.undo_id, std::string(to_string(type)), d.record.id,
                                         record_to_json(d.record).dump(), segments, d.deleted_at, opt(d.deleted_by)}));
            RAPPORT_CHECK(remove_record(c, ws, type, d.record.id));
        }
        for (const auto& a : audit) RAPPORT_CHECK(insert_audit(c, a));
        return Status{};
    });
}

Result<std::vector<DeletedRecord>> SqlBulkRepository::deleted(Id ws, EntityType type, Id undo_id, int limit) {
    return read(db_, [&](Connection& c) -> Result<std::vector<DeletedRecord>> {
        auto rs = RAPPORT_TRY(c.query(kDeletedOf, {ws, undo_id, std::string(to_string(type)), std::int64_t{limit}}));
        std::vector<DeletedRecord> out;
        for (const auto& row : rs.rows) {
            DeletedRecord d;
            d.undo_id = as_int(row[0]);
            const auto json = nlohmann::json::parse(as_text(row[2]), nullptr, false);
            d.record = record_from_json(ws, type, as_int(row[1]), json.is_object() ? json : nlohmann::json::object());
            std::string list = as_text(row[3]);
            std::size_t at = 0;
            while (at < list.size()) {
                const auto comma = list.find(',', at);
                if (auto id = parse_id(list.substr(at, comma - at))) d.segment_ids.push_back(*id);
                if (comma == std::string::npos) break;
                at = comma + 1;
            }
            d.deleted_at = as_int(row[4]);
            d.deleted_by = as_opt_int(row[5]);
            out.push_back(std::move(d));
        }
        return out;
    });
}

Status SqlBulkRepository::restore(Id ws, const std::vector<DeletedRecord>& records,
                                  const std::vector<RecordWrite>& writes, const std::vector<AuditEntry>& audit) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(write_records(c, writes, {}));
        for (const auto& d : records) {
            for (Id segment : d.segment_ids) {
                RAPPORT_CHECK(c.execute(kRejoinSegment, {ws, segment, d.record.id, d.deleted_at}));
            }
            RAPPORT_CHECK(c.execute(kDropDeleted, {ws, d.undo_id, d.record.id}));
        }
        for (const auto& a : audit) RAPPORT_CHECK(insert_audit(c, a));
        return Status{};
    });
}

Status SqlBulkRepository::forget_deleted(Id ws, UnixMillis before) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(c.execute(kForgetDeleted, {ws, before}));
        return Status{};
    });
}

}  // namespace rapport::storage
