// SqliteDatabase::refresh_statistics: SQLite's planner statistics (sqlite_stat1) follow the
// tables' growth.
//
// SQLite gathers statistics only when told (ANALYZE). migrate() runs it when the schema
// changes or none exist, so a workspace grown from empty kept the statistics of an empty
// database and, at 147,000 people, a create took 22 ms instead of 1.4 ms. SQLite 3.40's
// `PRAGMA optimize` alone does not fix that: it re-analyses a table only when this connection's
// queries used its statistics and the table grew 25-fold since they were gathered, so
// statistics could stay 25 times too small. Here a table is analysed again as soon as it
// holds kStatisticsGrowth times the rows its statistics describe; PRAGMA optimize follows, as
// SQLite recommends for long-running applications.
#include <algorithm>
#include <cstdlib>

#include "storage/sql_identifier.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace rapport::storage::sqlite {

namespace {

// The tables with an index: a table without one has no plan to choose.
constexpr const char* kIndexedTables =
    "SELECT DISTINCT tbl_name FROM sqlite_schema WHERE type = 'index' AND tbl_name NOT LIKE 'sqlite_%'"
    " ORDER BY tbl_name";
constexpr const char* kHaveStat1 = "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'";
// The first number of each row is the row count the statistics describe (estimated under
// analysis_limit, hence the largest of the table's rows).
constexpr const char* kRecordedRows = "SELECT stat FROM sqlite_stat1 WHERE tbl = $1";
// Each ANALYZE reads at most about this many rows of each index: statistics good enough to
// choose an index, in milliseconds even for a million-row table (the value migrate() uses).
constexpr const char* kAnalysisLimit = "PRAGMA analysis_limit = 1000";
constexpr const char* kOptimize = "PRAGMA optimize";

// Rows of `table` as a B-tree look-up: the largest rowid (every Rapport table has rowids, and
// ids only grow, so it bounds the row count from above and follows its growth).
Result<std::int64_t> rows_of(Connection& c, const std::string& table) {
    auto rs = c.query("SELECT coalesce(max(rowid), 0) FROM " + quote_identifier(table));
    if (!rs) rs = c.query("SELECT count(*) FROM " + quote_identifier(table));  // a WITHOUT ROWID table
    if (!rs) return fail(std::move(rs).error());
    return as_int(rs->rows.at(0).at(0));
}

Result<std::int64_t> recorded_rows(Connection& c, const std::string& table) {
    std::int64_t rows = 0;
    auto rs = RAPPORT_TRY(c.query(kRecordedRows, {table}));
    for (const auto& row : rs.rows) {
        if (is_null(row.at(0))) continue;
        rows = std::max<std::int64_t>(rows, std::strtoll(as_text(row.at(0)).c_str(), nullptr, 10));
    }
    return rows;
}

}  // namespace

Result<StatisticsRefresh> SqliteDatabase::refresh_statistics() {
    // On the writer: ANALYZE writes sqlite_stat1, and the checks before it take microseconds.
    auto lease = RAPPORT_TRY(acquire(Access::Write));
    Connection& c = *lease;
    const bool have_stat1 = !RAPPORT_TRY(c.query(kHaveStat1)).empty();
    StatisticsRefresh out;
    auto tables = RAPPORT_TRY(c.query(kIndexedTables));
    for (const auto& row : tables.rows) {
        const std::string table = as_text(row.at(0));
        const std::int64_t now = RAPPORT_TRY(rows_of(c, table));
        if (now < kStatisticsMinRows) continue;
        std::int64_t described = have_stat1 ? RAPPORT_TRY(recorded_rows(c, table)) : 0;
        // After an analysis under analysis_limit the recorded count may fall short of the
        // rows; what this process saw then keeps the table from being analysed every time.
        if (auto seen = analyzed_rows_.find(table); seen != analyzed_rows_.end()) {
            described = std::max(described, seen->second);
        }
        if (described > 0 && now < kStatisticsGrowth * described) continue;
        out.analyzed.push_back(table);
        analyzed_rows_[table] = now;
    }
    if (!out.analyzed.empty()) {
        RAPPORT_CHECK(c.execute(kAnalysisLimit));
        for (const auto& table : out.analyzed) RAPPORT_CHECK(c.execute_script("ANALYZE " + quote_identifier(table)));
    }
    // Whatever else this connection's queries would plan better with fresh statistics.
    RAPPORT_CHECK(c.execute_script(std::string(kAnalysisLimit) + ";" + kOptimize));
    if (!out.analyzed.empty()) reopen_readers();
    return out;
}

}  // namespace rapport::storage::sqlite
