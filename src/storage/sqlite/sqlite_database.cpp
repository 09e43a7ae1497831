#include "storage/sqlite/sqlite_database.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "storage/sqlite/sqlite_errors.hpp"

namespace rapport::storage::sqlite {

namespace {

// Creates `path` empty with mode 0600 unless it exists, so that SQLite (which creates files
// 0644 and gives a database's -wal and -shm files the database file's mode) keeps customer
// data readable by its owner only.
Status create_private_file(const std::string& path) {
    if (path.empty() || path == ":memory:" || path.rfind("file:", 0) == 0) return {};
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return {};
    }
    if (errno == EEXIST) return {};
    return fail(Error::unavailable("cannot create " + path + ": " + std::strerror(errno)));
}

}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& path, int max_readers) {
    RAPPORT_CHECK(create_private_file(path));
    auto writer = RAPPORT_TRY(SqliteConnection::open(path, false));
    return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(path, std::move(writer), max_readers));
}

Result<ConnectionLease> SqliteDatabase::acquire(Access access) {
    if (access == Access::Write) {
        writer_mutex_.lock();
        {
            std::lock_guard lock(pool_mutex_);
            ++acquisitions_;
            ++in_use_;
        }
        return ConnectionLease(writer_.get(), [this](Connection*) {
            {
                std::lock_guard lock(pool_mutex_);
                --in_use_;
            }
            writer_mutex_.unlock();
        });
    }
    std::unique_lock lock(pool_mutex_);
    ++acquisitions_;
    if (idle_readers_.empty() && static_cast<int>(readers_.size()) >= max_readers_) {
        ++waits_;
        // A stale reader closed on release frees a slot instead of an idle reader.
        reader_free_.wait(
            lock, [this] { return !idle_readers_.empty() || static_cast<int>(readers_.size()) < max_readers_; });
    }
    SqliteConnection* conn = nullptr;
    if (!idle_readers_.empty()) {
        conn = idle_readers_.back();
        idle_readers_.pop_back();
    } else {
        // Open outside the pool's hot path would be nicer, but this happens at most
        // max_readers times per process.
        auto opened = SqliteConnection::open(path_, true);
        if (!opened) return fail(std::move(opened).error());
        conn = opened->get();
        readers_.push_back(std::move(*opened));
        reader_generation_[conn] = generation_;
    }
    ++in_use_;
    return ConnectionLease(conn, [this](Connection* c) { release_reader(c); });
}

void SqliteDatabase::release_reader(Connection* conn) {
    std::unique_ptr<SqliteConnection> closing;  // closed after the pool's lock is released
    {
        std::lock_guard lock(pool_mutex_);
        --in_use_;
        auto* reader = static_cast<SqliteConnection*>(conn);
        if (reader_generation_[conn] != generation_) {
            closing = take_reader(reader);
        } else {
            idle_readers_.push_back(reader);
        }
    }
    reader_free_.notify_one();
}

std::unique_ptr<SqliteConnection> SqliteDatabase::take_reader(SqliteConnection* conn) {
    reader_generation_.erase(conn);
    auto it = std::find_if(readers_.begin(), readers_.end(), [conn](const auto& r) { return r.get() == conn; });
    if (it == readers_.end()) return nullptr;
    auto taken = std::move(*it);
    readers_.erase(it);
    return taken;
}

void SqliteDatabase::reopen_readers() {
    std::vector<std::unique_ptr<SqliteConnection>> closing;
    {
        std::lock_guard lock(pool_mutex_);
        ++generation_;
        for (auto* idle : idle_readers_) closing.push_back(take_reader(idle));
        idle_readers_.clear();
    }
    reader_free_.notify_all();
}

PoolStats SqliteDatabase::stats() const {
    std::lock_guard lock(pool_mutex_);
    return PoolStats{static_cast<int>(readers_.size()) + 1, in_use_, acquisitions_, waits_};
}

Status SqliteDatabase::ping() {
    auto lease = RAPPORT_TRY(acquire(Access::Read));
    RAPPORT_CHECK(lease->query("SELECT 1"));
    return {};
}

Status SqliteDatabase::backup_to(const std::string& path) {
    // The online backup API copies pages while other connections keep working.
    auto lease = RAPPORT_TRY(acquire(Access::Read));
    auto* source = static_cast<SqliteConnection*>(&*lease);
    RAPPORT_CHECK(create_private_file(path));  // a backup holds the same data as the database
    sqlite3* dest_raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &dest_raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Sqlite3Handle dest(dest_raw);
    if (rc != SQLITE_OK) return fail(map_error(dest_raw, rc, "cannot create backup file " + path));
    sqlite3_backup* backup = sqlite3_backup_init(dest.get(), "main", source->raw(), "main");
    if (!backup) return fail(map_error(dest.get(), sqlite3_errcode(dest.get()), "backup failed to start"));
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(5);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) return fail(map_error(dest.get(), rc, "backup failed"));
    return {};
}

}  // namespace rapport::storage::sqlite
