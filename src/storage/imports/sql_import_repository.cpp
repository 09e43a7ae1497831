#include "storage/imports/sql_import_repository.hpp"

#include "storage/batch_sql.hpp"
#include "storage/customers/sql_customer_repository.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain;
using namespace rapport::domain::imports;

namespace {

constexpr const char* kColumns =
    "workspace_id, import_id, entity_type, filename, status, size_bytes, encoding, encoding_reason, delimiter,"
    " delimiter_reason, has_bom, header, rows_total, mapping, rows_done, created_count, updated_count,"
    " unchanged_count, rejected_count, flagged_count, run_id, heartbeat_at, created_by_user_id, created_by_api_key_id,"
    " created_by_label, created_at, updated_at, started_at, finished_at, error";

Encoding parse_encoding(const std::string& text) {
    return text == to_string(Encoding::Windows1252) ? Encoding::Windows1252 : Encoding::Utf8;
}

ImportJob job_from(const Row& row) {
    ImportJob j;
    std::size_t i = 0;
    j.workspace_id = as_int(row[i++]);
    j.import_id = as_int(row[i++]);
    j.entity_type = customers::parse_entity_type(as_text(row[i++])).value_or(customers::EntityType::Company);
    j.filename = as_text(row[i++]);
    j.status = parse_import_status(as_text(row[i++])).value_or(ImportStatus::Failed);
    j.size_bytes = as_int(row[i++]);
    j.encoding = parse_encoding(as_text(row[i++]));
    j.encoding_reason = as_text(row[i++]);
    const std::string delimiter = as_text(row[i++]);
    j.delimiter = delimiter.empty() ? ',' : delimiter[0];
    j.delimiter_reason = as_text(row[i++]);
    j.has_bom = as_bool(row[i++]);
    j.header = decode_fields(as_text(row[i++]));
    j.rows_total = as_int(row[i++]);
    j.mapping_json = as_opt_text(row[i++]);
    j.rows_done = as_int(row[i++]);
    j.created = as_int(row[i++]);
    j.updated = as_int(row[i++]);
    j.unchanged = as_int(row[i++]);
    j.rejected = as_int(row[i++]);
    j.flagged = as_int(row[i++]);
    j.run_id = as_opt_int(row[i++]);
    j.heartbeat_at = as_opt_int(row[i++]);
    j.created_by_user_id = as_opt_int(row[i++]);
    j.created_by_api_key_id = as_opt_int(row[i++]);
    j.created_by_label = as_text(row[i++]);
    j.created_at = as_int(row[i++]);
    j.updated_at = as_int(row[i++]);
    j.started_at = as_opt_int(row[i++]);
    j.finished_at = as_opt_int(row[i++]);
    j.error = as_opt_text(row[i++]);
    return j;
}

RejectedRow rejected_from(const Row& row) {
    RejectedRow r;
    r.row = as_int(row[0]);
    r.line = as_int(row[1]);
    r.fields = decode_fields(as_text(row[2]));
    r.errors = decode_errors(as_text(row[3]));
    return r;
}

}  // namespace

Status SqlImportRepository::create(const ImportJob& j, const std::string& content) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(c.execute(
            "INSERT INTO imports (workspace_id, import_id, entity_type, filename, status, size_bytes, encoding,"
            " encoding_reason, delimiter, delimiter_reason, has_bom, header, rows_total, created_by_user_id,"
            " created_by_api_key_id, created_by_label, created_at, updated_at)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
            {j.workspace_id, j.import_id, std::string(customers::to_string(j.entity_type)), j.filename,
             std::string(to_string(j.status)), j.size_bytes, std::string(to_string(j.encoding)), j.encoding_reason,
             std::string(1, j.delimiter), j.delimiter_reason, j.has_bom, encode_fields(j.header), j.rows_total,
             opt(j.created_by_user_id), opt(j.created_by_api_key_id), j.created_by_label, j.created_at, j.updated_at}));
        RAPPORT_CHECK(c.execute("INSERT INTO import_files (workspace_id, import_id, content) VALUES ($1, $2, $3)",
                                {j.workspace_id, j.import_id, content}));
        return {};
    });
}

Result<std::optional<ImportJob>> SqlImportRepository::find(Id ws, Id id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<ImportJob>> {
        auto rs = RAPPORT_TRY(c.query(
            std::string("SELECT ") + kColumns + " FROM imports WHERE workspace_id = $1 AND import_id = $2", {ws, id}));
        if (rs.empty()) return std::optional<ImportJob>{};
        return std::optional<ImportJob>{job_from(rs.rows[0])};
    });
}

Result<std::string> SqlImportRepository::content(Id ws, Id id) {
    return read(db_, [&](Connection& c) -> Result<std::string> {
        auto rs = RAPPORT_TRY(
            c.query("SELECT content FROM import_files WHERE workspace_id = $1 AND import_id = $2", {ws, id}));
        if (rs.empty()) return fail(Error::localized(ErrorCode::NotFound, "imports.file_gone"));
        return as_text(rs.rows[0][0]);
    });
}

Result<bool> SqlImportRepository::save_mapping(Id ws, Id id, const std::string& mapping_json, UnixMillis now) {
    return write_transaction(db_, [&](Connection& c) -> Result<bool> {
        auto changed =
            RAPPORT_TRY(c.execute("UPDATE imports SET mapping = $3, status = 'mapped', updated_at = $4"
                                  " WHERE workspace_id = $1 AND import_id = $2 AND status IN ('uploaded', 'mapped')",
                                  {ws, id, mapping_json, now}));
        return changed == 1;
    });
}

Result<bool> SqlImportRepository::claim(Id ws, Id id, Id run_id, UnixMillis now, UnixMillis stale_before) {
    return write_transaction(db_, [&](Connection& c) -> Result<bool> {
        auto changed = RAPPORT_TRY(
            c.execute("UPDATE imports SET status = 'running', run_id = $3, heartbeat_at = $4,"
                      " started_at = COALESCE(started_at, $4), finished_at = NULL, error = NULL, updated_at = $4"
                      " WHERE workspace_id = $1 AND import_id = $2 AND (status IN ('mapped', 'failed')"
                      " OR (status = 'running' AND heartbeat_at < $5))",
                      {ws, id, run_id, now, stale_before}));
        return changed == 1;
    });
}

Status SqlImportRepository::commit_batch(const BatchCommit& b) {
    std::vector<Params> rejections;
    rejections.reserve(b.rejections.size());
    for (const auto& r : b.rejections) {
        rejections.push_back(
            {b.workspace_id, b.import_id, r.row, r.line, encode_fields(r.fields), encode_errors(r.errors)});
    }
    // Which records the batch wrote, for the filter field `imports`: the import id as text, as
    // a tag set compares it.
    std::vector<Params> written;
    written.reserve(b.inserts.size() + b.updates.size());
    const std::string import_ref = id_to_string(b.import_id);
    for (const auto* list : {&b.inserts, &b.updates}) {
        const std::string outcome = list == &b.inserts ? "created" : "updated";
        for (const auto& w : *list) {
            written.push_back(
                {b.workspace_id, std::string(customers::to_string(w.record.type)), w.record.id, import_ref, outcome});
        }
    }
    return write_transaction(db_, [&](Connection& c) -> Status {
        // First, and conditional: the checkpoint moves only from where this run left it, so a
        // cancelled, taken-over or replayed batch writes nothing at all.
        auto advanced = RAPPORT_TRY(c.execute(
            "UPDATE imports SET rows_done = $3, created_count = created_count + $4,"
            " updated_count = updated_count + $5, unchanged_count = unchanged_count + $6,"
            " rejected_count = rejected_count + $7, heartbeat_at = $8, updated_at = $8,"
            " flagged_count = flagged_count + $11"
            " WHERE workspace_id = $1 AND import_id = $2 AND status = 'running' AND run_id = $9 AND rows_done = $10",
            {b.workspace_id, b.import_id, b.rows_done_after, b.created, b.updated, b.unchanged, b.rejected, b.at,
             b.run_id, b.rows_done_before, b.flagged}));
        if (advanced != 1) {
            const char* why = "the import is no longer running under this run";  // english: runner-internal
            return fail(Error{ErrorCode::PreconditionFailed, why});
        }
        RAPPORT_CHECK(write_records(c, b.inserts, b.updates));
        RAPPORT_CHECK(
            insert_rows(c, "INSERT INTO import_records (workspace_id, entity_type, entity_id, import_id, outcome)", 5,
                        " ON CONFLICT DO NOTHING", written));
        return insert_rows(c,
                           "INSERT INTO import_rejections (workspace_id, import_id, row_number, line, fields, errors)",
                           6, "", rejections);
    });
}

Result<bool> SqlImportRepository::finish(Id ws, Id id, Id run_id, ImportStatus status,
                                         const std::optional<std::string>& error, UnixMillis now) {
    return write_transaction(db_, [&](Connection& c) -> Result<bool> {
        auto changed = RAPPORT_TRY(
            c.execute("UPDATE imports SET status = $4, error = $5, finished_at = $6, updated_at = $6, run_id = NULL"
                      " WHERE workspace_id = $1 AND import_id = $2 AND status = 'running' AND run_id = $3",
                      {ws, id, run_id, std::string(to_string(status)), opt(error), now}));
        return changed == 1;
    });
}

Result<bool> SqlImportRepository::cancel(Id ws, Id id, UnixMillis now) {
    return write_transaction(db_, [&](Connection& c) -> Result<bool> {
        auto changed = RAPPORT_TRY(c.execute(
            "UPDATE imports SET status = 'cancelled', finished_at = $3, updated_at = $3, run_id = NULL"
            " WHERE workspace_id = $1 AND import_id = $2 AND status IN ('uploaded', 'mapped', 'running', 'failed')",
            {ws, id, now}));
        return changed == 1;
    });
}

void SqlImportRepository::refresh_statistics(customers::EntityType type, std::int64_t rows_added) {
    // On SQLite the import job's end runs Database::refresh_statistics (storage statistics upkeep),
    // which analyses every grown table; PostgreSQL also needs its row estimates mid-run.
    if (db_.dialect() != Dialect::Postgres) return;
    const std::string table = type == customers::EntityType::Company ? "companies" : "people";
    auto lease = db_.acquire(Access::Write);
    if (!lease) return;
    // The planner's row count (-1 or 0 before the first ANALYZE). Refreshing when it is below
    // half of what this run added makes the refreshes of a run logarithmic in its size, and
    // none at all for a small import into a big table.
    auto believed =
        (*lease)->query("SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE oid = CAST($1 AS regclass)", {table});
    if (!believed || believed->empty() || as_int(believed->rows[0][0]) * 2 >= rows_added) return;
    // A failure (e.g. a role that does not own the table) only leaves it to autovacuum.
    (void)(*lease)->execute_script("ANALYZE " + table);
}

Status SqlImportRepository::rejected_rows(Id ws, Id id, const std::function<void(const RejectedRow&)>& on_row) {
    return read(db_, [&](Connection& c) -> Status {
        return c.query_each(
            "SELECT row_number, line, fields, errors FROM import_rejections"
            " WHERE workspace_id = $1 AND import_id = $2 ORDER BY row_number",
            {ws, id}, [&](const Row& row) {
                on_row(rejected_from(row));
                return true;
            });
    });
}

Result<std::vector<RejectedRow>> SqlImportRepository::rejected_page(Id ws, Id id, std::int64_t after_row, int limit) {
    return read(db_, [&](Connection& c) -> Result<std::vector<RejectedRow>> {
        auto rs = RAPPORT_TRY(
            c.query("SELECT row_number, line, fields, errors FROM import_rejections"
                    " WHERE workspace_id = $1 AND import_id = $2 AND row_number > $3 ORDER BY row_number LIMIT $4",
                    {ws, id, after_row, static_cast<std::int64_t>(limit)}));
        std::vector<RejectedRow> out;
        out.reserve(rs.size());
        for (const auto& row : rs.rows) out.push_back(rejected_from(row));
        return out;
    });
}

Result<std::vector<ImportJob>> SqlImportRepository::list_imports(Id ws, const ImportAuthor& author,
                                                                 std::optional<Id> before, int limit) {
    return read(db_, [&](Connection& c) -> Result<std::vector<ImportJob>> {
        auto rs = RAPPORT_TRY(
            c.query(std::string("SELECT ") + kColumns +
                        " FROM imports WHERE workspace_id = $1"
                        " AND (CAST($2 AS BIGINT) IS NULL OR import_id < $2)"
                        " AND ((CAST($3 AS BIGINT) IS NULL AND CAST($4 AS BIGINT) IS NULL)"
                        " OR created_by_user_id = $3 OR created_by_api_key_id = $4)"
                        " ORDER BY import_id DESC LIMIT $5",
                    {ws, opt(before), opt(author.user_id), opt(author.api_key_id), static_cast<std::int64_t>(limit)}));
        std::vector<ImportJob> out;
        out.reserve(rs.size());
        for (const auto& row : rs.rows) out.push_back(job_from(row));
        return out;
    });
}

}  // namespace rapport::storage
