#pragma once
// The one storage interface. Two engines implement it (sqlite/, postgres/); repositories
// and the migration runner are written against it and never see which one runs.
//
// SQL given to a Connection uses PostgreSQL-style numbered parameters ($1, $2, ...) and the
// portable subset of SQL both engines share; the SQLite engine rewrites $N to ?N once per
// statement and caches the prepared statement. Only bound parameters carry values.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "storage/value.hpp"

namespace rapport::storage {

enum class Dialect { Sqlite, Postgres };

// Database::refresh_statistics gathers a table's statistics again once it holds this many
// times the rows (SQLite) or pages (PostgreSQL) they describe, and never for fewer rows than
// kStatisticsMinRows (planning a table that small goes right without statistics).
inline constexpr std::int64_t kStatisticsGrowth = 2;
inline constexpr std::int64_t kStatisticsMinRows = 100;

// A single database session. Not thread-safe: one thread uses a leased connection at a time.
class Connection {
public:
    virtual ~Connection() = default;

    // Runs one statement and returns every row. For results of unbounded size use query_each.
    virtual Result<ResultSet> query(std::string_view sql, const Params& params = {}) = 0;

    // Runs one statement, calling `on_row` per row without holding the whole result.
    // `on_row` returns false to stop early.
    virtual Status query_each(std::string_view sql, const Params& params,
                              const std::function<bool(const Row&)>& on_row) = 0;

    // Runs one statement; returns the number of rows it changed.
    virtual Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) = 0;

    // Runs several ';'-separated statements without parameters (migrations, set-up).
    virtual Status execute_script(std::string_view sql) = 0;

    virtual Status begin() = 0;
    virtual Status commit() = 0;
    virtual Status rollback() = 0;

    virtual Dialect dialect() const = 0;
};

enum class Access { Read, Write };

// A connection borrowed from a Database's pool; returned when the lease dies.
class ConnectionLease {
public:
    using Releaser = std::function<void(Connection*)>;
    ConnectionLease() = default;
    ConnectionLease(Connection* conn, Releaser release) : conn_(conn), release_(std::move(release)) {}
    ConnectionLease(ConnectionLease&& other) noexcept
        : conn_(std::exchange(other.conn_, nullptr)), release_(std::move(other.release_)) {}
    ConnectionLease& operator=(ConnectionLease&& other) noexcept {
        if (this != &other) {
            reset();
            conn_ = std::exchange(other.conn_, nullptr);
            release_ = std::move(other.release_);
        }
        return *this;
    }
    ConnectionLease(const ConnectionLease&) = delete;
    ConnectionLease& operator=(const ConnectionLease&) = delete;
    ~ConnectionLease() { reset(); }

    Connection& operator*() const { return *conn_; }
    Connection* operator->() const { return conn_; }

private:
    void reset() {
        if (conn_ && release_) release_(conn_);
        conn_ = nullptr;
    }
    Connection* conn_ = nullptr;
    Releaser release_;
};

struct PoolStats {
    int connections_total = 0;  // open connections
    int connections_in_use = 0;
    std::int64_t acquisitions = 0;  // leases handed out since start
    std::int64_t waits = 0;         // leases that had to wait for a free connection
};

// What Database::refresh_statistics did.
struct StatisticsRefresh {
    std::vector<std::string> analyzed;  // tables whose planner statistics were gathered again
};

// Thread-safe. Owns the connections.
class Database {
public:
    virtual ~Database() = default;

    // SQLite: Write leases share one writer connection (serialised); Read leases come from
    // a pool of reader connections. PostgreSQL: both come from one pool.
    virtual Result<ConnectionLease> acquire(Access access) = 0;

    virtual Dialect dialect() const = 0;
    virtual PoolStats stats() const = 0;

    // A cheap round trip proving the database answers (readiness probe).
    virtual Status ping() = 0;

    // Writes a consistent copy of the database to `path` while it stays online.
    // PostgreSQL answers a Validation error naming the pg_dump command to use instead.
    virtual Status backup_to(const std::string& path) = 0;

    // Keeps the query planner's statistics close to the data (statistics_maintenance.hpp says
    // who calls it): gathers them again for every table that holds rows and has none, or has
    // grown by kStatisticsGrowth or more since they were gathered. Cheap when nothing grew
    // (a size look-up per table). SQLite: ANALYZE of those tables under analysis_limit on
    // the writer, then PRAGMA optimize; reader connections, which load statistics once when
    // they open, are reopened. PostgreSQL: ANALYZE of the tables whose size in pages grew
    // (autovacuum's analyze lags behind bulk writes).
    virtual Result<StatisticsRefresh> refresh_statistics() = 0;

    // A human-readable description without secrets, for logs.
    virtual std::string describe() const = 0;
};

// Opens the engine named by `url`: "sqlite:PATH" or "postgres://..." / "postgresql://...".
Result<std::unique_ptr<Database>> open_database(const std::string& url);

}  // namespace rapport::storage
