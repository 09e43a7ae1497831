#include "storage/migrations.hpp"

#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

// Generated at build time from the .sql files (see cmake/embed_migrations.cmake).
struct EmbeddedMigrationFile {
    const char* folder;    // "common", "sqlite" or "postgres"
    const char* filename;  // "0001_platform.sql"
    const char* sql;
};
extern const EmbeddedMigrationFile kEmbeddedMigrations[];
extern const std::size_t kEmbeddedMigrationCount;

namespace {

constexpr const char* kCreateLedger =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at BIGINT NOT NULL)";
constexpr const char* kMaxVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr const char* kApplied = "SELECT 1 FROM schema_migrations WHERE version = $1";
constexpr const char* kRecord = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)";
// Serialises concurrent migrators on PostgreSQL (several servers starting at once).
constexpr const char* kPostgresLock = "SELECT pg_advisory_xact_lock(7270001)";

}  // namespace

std::vector<Migration> known_migrations(Dialect dialect) {
    const std::string own = dialect == Dialect::Sqlite ? "sqlite" : "postgres";
    std::map<int, Migration> by_version;
    for (std::size_t i = 0; i < kEmbeddedMigrationCount; ++i) {
        const auto& file = kEmbeddedMigrations[i];
        const std::string folder = file.folder;
        if (folder != "common" && folder != own) continue;
        const std::string filename = file.filename;
        const int version = std::stoi(filename.substr(0, 4));
        std::string name = filename.substr(5, filename.size() - 5 - 4);
        auto it = by_version.find(version);
        if (it == by_version.end() || folder == own) by_version[version] = Migration{version, name, file.sql};
    }
    std::vector<Migration> out;
    for (auto& [version, m] : by_version) out.push_back(std::move(m));
    return out;
}

Result<int> current_schema_version(Database& db) {
    return write_transaction(db, [](Connection& conn) -> Result<int> {
        // Two servers starting on an empty PostgreSQL database would race on CREATE TABLE.
        if (conn.dialect() == Dialect::Postgres) RAPPORT_CHECK(conn.query(kPostgresLock));
        RAPPORT_CHECK(conn.execute(kCreateLedger));
        auto rs = RAPPORT_TRY(conn.query(kMaxVersion));
        return static_cast<int>(as_int(rs.rows.at(0).at(0)));
    });
}

Result<MigrationReport> migrate(Database& db) {
    return migrate(db, known_migrations(db.dialect()));
}

Result<MigrationReport> migrate(Database& db, const std::vector<Migration>& migrations) {
    const int newest_known = migrations.empty() ? 0 : migrations.back().version;
    MigrationReport report;
    report.from_version = RAPPORT_TRY(current_schema_version(db));
    if (report.from_version > newest_known) {
        return fail(Error::conflict("the database schema is at version " + std::to_string(report.from_version) +
                                    ", newer than this rapport binary knows (" + std::to_string(newest_known) +
                                    "); run a newer rapport or restore a backup made by this version"));
    }
    SystemClock clock;
    for (const auto& m : migrations) {
        auto applied = write_transaction(db, [&](Connection& conn) -> Result<bool> {
            if (conn.dialect() == Dialect::Postgres) RAPPORT_CHECK(conn.query(kPostgresLock));
            auto rs = RAPPORT_TRY(conn.query(kApplied, {std::int64_t{m.version}}));
            if (!rs.empty()) return false;  // applied before, or by another server meanwhile
            RAPPORT_CHECK(conn.execute_script(m.sql));
            RAPPORT_CHECK(conn.execute(kRecord, {std::int64_t{m.version}, m.name, clock.now_ms()}));
            return true;
        });
        if (!applied) {
            Error e = std::move(applied).error();
            e.detail = "migration " + std::to_string(m.version) + " (" + m.name + ") failed: " + e.detail;
            return fail(std::move(e));
        }
        if (*applied) report.applied.push_back(m.name);
    }
    report.to_version = RAPPORT_TRY(current_schema_version(db));
    if (db.dialect() == Dialect::Sqlite) {
        // SQLite plans without statistics until ANALYZE has run, and then takes any index that
        // starts with workspace_id for "workspace_id = $1": a count over a million people then
        // visited them in that index's order, one random table read each (4.8 s instead of 0.8 s
        // with statistics). PostgreSQL's autovacuum keeps its own statistics. analysis_limit
        // makes ANALYZE sample each index (a few seconds for a multi-GB database, milliseconds
        // for a small one). It runs when the schema changed or no statistics exist yet, not at
        // every start (it held a 1M-people server's start back by seconds); imports refresh the
        // statistics of the tables they grow (sql_import_repository.cpp).
        auto stats = read(db, [](Connection& conn) -> Result<bool> {
            auto table = RAPPORT_TRY(conn.query("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"));
            if (table.empty()) return false;
            auto rows = RAPPORT_TRY(conn.query("SELECT 1 FROM sqlite_stat1 LIMIT 1"));
            return !rows.empty();
        });
        if (!stats) return fail(std::move(stats).error());
        const bool have_stats = *stats;
        if (!report.applied.empty() || !have_stats) {
            RAPPORT_CHECK(write_transaction(db, [](Connection& conn) -> Status {
                return conn.execute_script("PRAGMA analysis_limit = 1000; ANALYZE;");
            }));
        }
    }
    return report;
}

}  // namespace rapport::storage
