#pragma once
// Transaction helpers. Writes that belong together run inside one `write_transaction`:
// the body's error (or exception) rolls everything back, success commits.
#include <type_traits>
#include <utility>

#include "storage/database.hpp"

namespace rapport::storage {

// RAII guard: rolls back unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Connection& conn) : conn_(conn) {}
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction() {
        if (open_) (void)conn_.rollback();
    }
    Status begin() {
        RAPPORT_CHECK(conn_.begin());
        open_ = true;
        return {};
    }
    Status commit() {
        auto st = conn_.commit();
        if (st) open_ = false;
        return st;
    }

private:
    Connection& conn_;
    bool open_ = false;
};

// Runs `body(Connection&)` (returning Result<T> or Status) in a write transaction.
// Busy/serialisation failures (ErrorCode::Unavailable) are retried a few times, which is safe
// because a failed attempt was rolled back whole.
template <class F>
auto write_transaction(Database& db, F&& body) -> std::invoke_result_t<F&, Connection&> {
    constexpr int kAttempts = 3;
    std::invoke_result_t<F&, Connection&> result = fail(Error::unavailable("database is busy"));
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        auto lease = db.acquire(Access::Write);
        if (!lease) return fail(std::move(lease).error());
        Transaction tx(**lease);
        if (auto st = tx.begin(); !st) {
            result = fail(std::move(st).error());
            if (result.error().code == ErrorCode::Unavailable) continue;
            return result;
        }
        result = body(**lease);
        if (!result) {
            if (result.error().code == ErrorCode::Unavailable) continue;
            return result;
        }
        if (auto st = tx.commit(); !st) {
            result = fail(std::move(st).error());
            if (result.error().code == ErrorCode::Unavailable) continue;
        }
        return result;
    }
    return result;
}

// Runs `body(Connection&)` on a read connection (no transaction: single statements are
// consistent on their own; bodies that need a snapshot open one themselves).
template <class F>
auto read(Database& db, F&& body) -> std::invoke_result_t<F&, Connection&> {
    auto lease = db.acquire(Access::Read);
    if (!lease) return fail(std::move(lease).error());
    return body(**lease);
}

}  // namespace rapport::storage
