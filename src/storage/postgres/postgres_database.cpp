#include "storage/postgres/postgres_database.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "storage/postgres/pg_url.hpp"
#include "storage/postgres/postgres_connection.hpp"
#include "storage/postgres/postgres_statistics.hpp"

namespace rapport::storage::postgres {

namespace {

// A lease request that waits this long means connections are leaking or the pool is far too
// small; failing (Unavailable) beats hanging the request forever.
constexpr auto kAcquireTimeout = std::chrono::seconds(30);

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (const char c : s) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out.push_back(c);
        }
    }
    return out + "'";
}

// One pool serves reads and writes: PostgreSQL handles concurrent writers itself (MVCC,
// row locks), so unlike SQLite there is no reason to funnel writes through one connection.
// Connections open lazily up to max_connections; a lease waits when all are busy.
// Thread-safe: the pool state is guarded by mutex_; a leased connection belongs to its holder.
class PostgresDatabase final : public Database {
public:
    PostgresDatabase(std::string url, int max_connections, std::unique_ptr<PostgresConnection> first)
        : url_(std::move(url)), max_connections_(max_connections) {
        idle_.push_back(first.get());
        connections_.push_back(std::move(first));
    }

    Result<ConnectionLease> acquire(Access /*access*/) override {
        std::unique_lock lock(mutex_);
        const auto can_proceed = [this] {
            return !idle_.empty() || static_cast<int>(connections_.size()) + opening_ < max_connections_;
        };
        if (!can_proceed()) {
            ++waits_;
            if (!available_.wait_for(lock, kAcquireTimeout, can_proceed)) {
                return fail(Error::unavailable("all " + std::to_string(max_connections_) +
                                               " database connections stayed busy for " +
                                               std::to_string(kAcquireTimeout.count()) + " s"));
            }
        }
        PostgresConnection* conn = nullptr;
        if (!idle_.empty()) {
            conn = idle_.back();  // LIFO: the most recently used connection is the warmest
            idle_.pop_back();
        } else {
            // Connecting takes a network round trip or three; the slot is reserved so other
            // threads neither exceed the limit nor wait on the mutex meanwhile.
            ++opening_;
            lock.unlock();
            auto opened = PostgresConnection::open(url_);
            lock.lock();
            --opening_;
            if (!opened) {
                lock.unlock();
                available_.notify_one();  // the reserved slot is free again for a waiter to try
                return fail(std::move(opened).error());
            }
            conn = opened->get();
            connections_.push_back(std::move(*opened));
        }
        ++in_use_;
        ++acquisitions_;
        return ConnectionLease(conn, [this](Connection* c) { release(static_cast<PostgresConnection*>(c)); });
    }

    Dialect dialect() const override { return Dialect::Postgres; }

    PoolStats stats() const override {
        std::lock_guard lock(mutex_);
        return PoolStats{static_cast<int>(connections_.size()), in_use_, acquisitions_, waits_};
    }

    Status ping() override {
        auto lease = RAPPORT_TRY(acquire(Access::Read));
        RAPPORT_CHECK(lease->query("SELECT 1"));
        return {};
    }

    Status backup_to(const std::string& path) override {
        return fail(Error::validation(
            "rapport does not copy PostgreSQL databases itself; back up with pg_dump instead: pg_dump "
            "--format=custom --file=" +
            shell_quote(path) + " " + shell_quote(strip_password(url_)) +
            " (give the password through PGPASSWORD or ~/.pgpass)"));
    }

    Result<StatisticsRefresh> refresh_statistics() override {
        auto lease = RAPPORT_TRY(acquire(Access::Write));
        return postgres::refresh_statistics(*lease);
    }

    std::string describe() const override { return redact_url(url_); }

private:
    void release(PostgresConnection* conn) {
        // Outside the lock: it may need a ROLLBACK round trip.
        conn->end_lease();
        {
            std::lock_guard lock(mutex_);
            idle_.push_back(conn);
            --in_use_;
        }
        available_.notify_one();
    }

    const std::string url_;
    const int max_connections_;

    mutable std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<PostgresConnection>> connections_;  // every connection opened
    std::vector<PostgresConnection*> idle_;
    int opening_ = 0;  // slots reserved by threads that are connecting right now
    int in_use_ = 0;
    std::int64_t acquisitions_ = 0;
    std::int64_t waits_ = 0;
};

}  // namespace

Result<std::unique_ptr<Database>> open_postgres(const std::string& url, int max_connections) {
    // One connection up front, so a wrong URL or a server that is down fails at start-up
    // rather than on the first request.
    auto first = RAPPORT_TRY(PostgresConnection::open(url));
    return std::unique_ptr<Database>(
        std::make_unique<PostgresDatabase>(url, std::max(1, max_connections), std::move(first)));
}

}  // namespace rapport::storage::postgres
