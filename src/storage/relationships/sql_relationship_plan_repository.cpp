#include "storage/relationships/sql_relationship_plan_repository.hpp"

#include "domain/relationships/plan_json.hpp"
#include "storage/audit_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain;
using namespace rapport::domain::relationships;

namespace {

#define RAPPORT_PLAN_COLUMNS \
    "SELECT workspace_id, segment_id, version, author_user_id, author_label, created_at, comment, entries_json"

constexpr const char* kLatest = RAPPORT_PLAN_COLUMNS
    " FROM relationship_plan_versions WHERE workspace_id = $1 AND segment_id = $2 ORDER BY version DESC LIMIT 1";
constexpr const char* kByVersion = RAPPORT_PLAN_COLUMNS
    " FROM relationship_plan_versions WHERE workspace_id = $1 AND segment_id = $2 AND version = $3";
constexpr const char* kAsOf = RAPPORT_PLAN_COLUMNS
    " FROM relationship_plan_versions WHERE workspace_id = $1 AND segment_id = $2 AND created_at <= $3"
    " ORDER BY version DESC LIMIT 1";
constexpr const char* kVersions = RAPPORT_PLAN_COLUMNS
    " FROM relationship_plan_versions WHERE workspace_id = $1 AND segment_id = $2 ORDER BY version";
constexpr const char* kLatestOfWorkspace = RAPPORT_PLAN_COLUMNS
    " FROM relationship_plan_versions p WHERE workspace_id = $1 AND version ="
    " (SELECT MAX(version) FROM relationship_plan_versions q"
    "  WHERE q.workspace_id = p.workspace_id AND q.segment_id = p.segment_id)"
    " ORDER BY segment_id";
constexpr const char* kCurrentVersion =
    "SELECT COALESCE(MAX(version), 0) FROM relationship_plan_versions WHERE workspace_id = $1 AND segment_id = $2";
constexpr const char* kInsert =
    "INSERT INTO relationship_plan_versions (workspace_id, segment_id, version, author_user_id, author_label,"
    " created_at, comment, entries_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

#undef RAPPORT_PLAN_COLUMNS

PlanVersion version_from(const Row& r) {
    PlanVersion v;
    v.workspace_id = as_int(r[0]);
    v.segment_id = as_int(r[1]);
    v.version = as_int(r[2]);
    v.author_user_id = as_opt_int(r[3]);
    v.author_label = as_text(r[4]);
    v.created_at = as_int(r[5]);
    v.comment = as_text(r[6]);
    // Written by this repository from validated entries: read back without complaint.
    std::vector<FieldError> ignored;
    v.entries = entries_from_json(nlohmann::json::parse(as_text(r[7]), nullptr, false), "", ignored);
    return v;
}

Error stale(std::int64_t current) {
    return Error::localized(ErrorCode::Conflict, "relationships.version_stale", {{"version", std::to_string(current)}});
}

Result<std::optional<PlanVersion>> one(Database& db, const char* sql, const Params& params) {
    return read(db, [&](Connection& conn) -> Result<std::optional<PlanVersion>> {
        auto rs = RAPPORT_TRY(conn.query(sql, params));
        if (rs.empty()) return std::optional<PlanVersion>{};
        return std::optional<PlanVersion>{version_from(rs.rows[0])};
    });
}

Result<std::vector<PlanVersion>> many(Database& db, const char* sql, const Params& params) {
    return read(db, [&](Connection& conn) -> Result<std::vector<PlanVersion>> {
        auto rs = RAPPORT_TRY(conn.query(sql, params));
        std::vector<PlanVersion> out;
        out.reserve(rs.rows.size());
        for (const auto& r : rs.rows) out.push_back(version_from(r));
        return out;
    });
}

}  // namespace

Status SqlRelationshipPlanRepository::append(const PlanVersion& v, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        auto current = RAPPORT_TRY(conn.query(kCurrentVersion, {v.workspace_id, v.segment_id}));
        const auto latest = as_int(current.rows.at(0)[0]);
        if (latest != v.version - 1) return fail(stale(latest));
        auto inserted =
            conn.execute(kInsert, {v.workspace_id, v.segment_id, v.version, opt(v.author_user_id), v.author_label,
                                   v.created_at, v.comment, entries_to_json(v.entries).dump()});
        if (!inserted) {
            // Two saves of the same version racing: the primary key lets only one in.
            if (inserted.error().code == ErrorCode::Conflict) return fail(stale(v.version));
            return fail(std::move(inserted).error());
        }
        return insert_audit(conn, audit);
    });
}

Result<std::optional<PlanVersion>> SqlRelationshipPlanRepository::latest(Id workspace_id, Id segment_id) {
    return one(db_, kLatest, {workspace_id, segment_id});
}

Result<std::optional<PlanVersion>> SqlRelationshipPlanRepository::find(Id workspace_id, Id segment_id,
                                                                       std::int64_t version) {
    return one(db_, kByVersion, {workspace_id, segment_id, version});
}

Result<std::optional<PlanVersion>> SqlRelationshipPlanRepository::as_of(Id workspace_id, Id segment_id, UnixMillis at) {
    return one(db_, kAsOf, {workspace_id, segment_id, at});
}

Result<std::vector<PlanVersion>> SqlRelationshipPlanRepository::versions(Id workspace_id, Id segment_id) {
    return many(db_, kVersions, {workspace_id, segment_id});
}

Result<std::vector<PlanVersion>> SqlRelationshipPlanRepository::latest_of_workspace(Id workspace_id) {
    return many(db_, kLatestOfWorkspace, {workspace_id});
}

}  // namespace rapport::storage
