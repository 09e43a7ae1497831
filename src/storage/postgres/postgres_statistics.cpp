#include "storage/postgres/postgres_statistics.hpp"
#include "storage/sql_identifier.hpp"

#include <algorithm>

namespace rapport::storage::postgres {

namespace {

// Pages now (pg_relation_size, a stat of the file) against the pages the last ANALYZE or
// VACUUM saw, and an estimate of the rows now from the table's density then (or a row per
// 100 bytes for a table never measured, a person's row being larger).
constexpr const char* kTables =
    "SELECT c.relname, c.relpages, pg_relation_size(c.oid) / current_setting('block_size')::bigint AS pages,"
    " CASE WHEN c.relpages > 0 AND c.reltuples > 0"
    "  THEN (c.reltuples / c.relpages * (pg_relation_size(c.oid) / current_setting('block_size')::bigint))::bigint"
    "  ELSE pg_relation_size(c.oid) / 100 END AS rows"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() ORDER BY c.relname";

}  // namespace

Result<StatisticsRefresh> refresh_statistics(Connection& conn) {
    StatisticsRefresh out;
    auto tables = RAPPORT_TRY(conn.query(kTables));
    for (const auto& row : tables.rows) {
        const std::string table = as_text(row.at(0));
        const std::int64_t described = as_int(row.at(1));
        const std::int64_t pages = as_int(row.at(2));
        const std::int64_t rows = as_int(row.at(3));
        if (rows < kStatisticsMinRows || pages < kStatisticsGrowth * std::max<std::int64_t>(described, 1)) continue;
        // Best effort per table: one this role does not own fails alone.
        if (conn.execute_script("ANALYZE " + quote_identifier(table))) out.analyzed.push_back(table);
    }
    return out;
}

}  // namespace rapport::storage::postgres
