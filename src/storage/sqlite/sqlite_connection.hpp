#pragma once
// One SQLite connection with a prepared-statement cache. Not thread-safe.
#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "storage/database.hpp"

namespace rapport::storage::sqlite {

struct Sqlite3Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using Sqlite3Handle = std::unique_ptr<sqlite3, Sqlite3Closer>;
using StmtHandle = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

class SqliteConnection final : public Connection {
public:
    // Opens `path` and applies the connection pragmas (WAL, foreign keys, busy timeout).
    static Result<std::unique_ptr<SqliteConnection>> open(const std::string& path, bool read_only);
    // A writable connection runs PRAGMA optimize before it closes, as SQLite recommends: it
    // re-analyses the tables this connection's queries would have planned better with fresh
    // statistics (best effort; Database::refresh_statistics is what keeps them current).
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    Result<ResultSet> query(std::string_view sql, const Params& params) override;
    Status query_each(std::string_view sql, const Params& params,
                      const std::function<bool(const Row&)>& on_row) override;
    Result<std::int64_t> execute(std::string_view sql, const Params& params) override;
    Status execute_script(std::string_view sql) override;
    Status begin() override;
    Status commit() override;
    Status rollback() override;
    Dialect dialect() const override { return Dialect::Sqlite; }

    sqlite3* raw() const { return db_.get(); }

private:
    explicit SqliteConnection(Sqlite3Handle db, bool read_only) : db_(std::move(db)), read_only_(read_only) {}

    // Returns a reset statement from the cache, preparing it on first use, with params bound.
    Result<sqlite3_stmt*> prepare(std::string_view sql, const Params& params);
    Status run(std::string_view sql, const Params& params, const std::function<bool(const Row&)>* on_row,
               std::vector<std::string>* columns);

    Sqlite3Handle db_;
    bool read_only_;
    std::unordered_map<std::string, StmtHandle> cache_;
};

}  // namespace rapport::storage::sqlite
