#pragma once
// The embedded engine: one writer connection (SQLite allows one writer at a time, so
// writers queue on a mutex here instead of spinning on SQLITE_BUSY) and a pool of
// reader connections that WAL lets run alongside it.
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/database.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace rapport::storage::sqlite {

class SqliteDatabase final : public Database {
public:
    // Creates the file if needed (mode 0600: its -wal and -shm files take the database
    // file's mode). `max_readers` bounds the reader pool.
    static Result<std::unique_ptr<SqliteDatabase>> open(const std::string& path, int max_readers = 8);

    Result<ConnectionLease> acquire(Access access) override;
    Dialect dialect() const override { return Dialect::Sqlite; }
    PoolStats stats() const override;
    Status ping() override;
    Status backup_to(const std::string& path) override;
    Result<StatisticsRefresh> refresh_statistics() override;  // sqlite_statistics.cpp
    std::string describe() const override { return "sqlite:" + path_; }

private:
    SqliteDatabase(std::string path, std::unique_ptr<SqliteConnection> writer, int max_readers)
        : path_(std::move(path)), writer_(std::move(writer)), max_readers_(max_readers) {}
    void release_reader(Connection* conn);
    // SQLite loads a connection's statistics once, with its schema, and ANALYZE on another
    // connection does not make it reload them: after new statistics, idle readers close now
    // and busy ones when released, and the pool opens fresh ones on demand.
    void reopen_readers();
    std::unique_ptr<SqliteConnection> take_reader(SqliteConnection* conn);  // pool_mutex_ held

    std::string path_;
    std::unique_ptr<SqliteConnection> writer_;
    std::mutex writer_mutex_;
    int max_readers_;
    // Rows (max rowid) of each table when refresh_statistics last analysed it; guarded by
    // writer_mutex_ (the refresh holds the writer).
    std::map<std::string, std::int64_t> analyzed_rows_;

    mutable std::mutex pool_mutex_;
    std::condition_variable reader_free_;
    std::vector<std::unique_ptr<SqliteConnection>> readers_;  // every reader ever opened
    std::vector<SqliteConnection*> idle_readers_;
    std::unordered_map<const Connection*, int> reader_generation_;  // generation_ when opened
    int generation_ = 0;
    int in_use_ = 0;
    std::int64_t acquisitions_ = 0;
    std::int64_t waits_ = 0;
};

}  // namespace rapport::storage::sqlite
