#pragma once
// One PostgreSQL session (a libpq PGconn) implementing storage::Connection.
//
// Contract:
//  - SQL arrives with PostgreSQL-native $1..$n placeholders. Parameters travel in text format
//    (bool as true/false, int64 in decimal, double as its shortest round-trip form, NULL as
//    SQL NULL) and the server infers their types from the statement, so a parameter whose
//    type the statement does not determine needs a CAST($1 AS BIGINT).
//  - Each distinct SQL string is prepared once per connection (named s1, s2, ...) and then
//    executed by name; past kMaxPreparedStatements distinct strings, statements run unprepared.
//  - Columns decode by type: int2/int4/int8 -> int64_t, float4/float8 -> double, bool -> bool,
//    numeric -> its exact decimal text, everything else -> text; NULL -> monostate.
//  - query_each streams rows one at a time (libpq single-row mode).
//  - A broken connection is re-established once (PQreset) before a statement fails with
//    Unavailable, except inside a transaction: the server has rolled that back, so carrying on
//    in a fresh session would silently split the transaction; it fails with Unavailable instead.
//  - NOTICEs are never printed: client_min_messages is warning and the notice processor is a no-op.
//
// Thread-safety: none. One thread uses a connection at a time (the pool hands it out by lease).
#include <libpq-fe.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/database.hpp"

namespace rapport::storage::postgres {

struct PgConnCloser {
    void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct PgResultClearer {
    void operator()(PGresult* result) const { PQclear(result); }
};
using PgConnHandle = std::unique_ptr<PGconn, PgConnCloser>;
using PgResultHandle = std::unique_ptr<PGresult, PgResultClearer>;

class PostgresConnection final : public Connection {
public:
    // Bounds the per-connection statement cache; SQL built at run time (varying IN lists)
    // must not grow server memory without limit.
    static constexpr std::size_t kMaxPreparedStatements = 512;

    // Connects to `url` (a libpq URI or keyword string). Failures are Unavailable and name the
    // host, port and database, never the password.
    static Result<std::unique_ptr<PostgresConnection>> open(const std::string& url);

    Result<ResultSet> query(std::string_view sql, const Params& params) override;
    Status query_each(std::string_view sql, const Params& params,
                      const std::function<bool(const Row&)>& on_row) override;
    Result<std::int64_t> execute(std::string_view sql, const Params& params) override;
    Status execute_script(std::string_view sql) override;
    Status begin() override;
    Status commit() override;
    Status rollback() override;
    Dialect dialect() const override { return Dialect::Postgres; }

    // Called by the pool when a lease ends: rolls back a transaction the holder left open or
    // failed, so the next lease starts in a clean session. Never fails (a broken connection
    // is repaired by the next statement).
    void end_lease();

    // Number of statements currently prepared on this connection (for tests and diagnostics).
    std::size_t prepared_count() const { return statements_.size(); }

    PGconn* raw() const { return conn_.get(); }

private:
    struct Prepared {
        std::string name;
        int param_count = 0;
    };
    // Lets the cache be searched with a string_view without allocating a key.
    struct SqlHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    PostgresConnection(PgConnHandle conn, std::vector<std::string> secrets)
        : conn_(std::move(conn)), secrets_(std::move(secrets)) {}

    Status configure_session();
    Status ensure_connected();
    // The cached statement for `sql`, preparing it on first use; nullptr when the cache is full.
    Result<const Prepared*> prepare(std::string_view sql);
    // Runs one statement to completion and returns its (materialised) result.
    Result<PgResultHandle> run(std::string_view sql, const Params& params);
    // Runs a parameterless statement through the simple-query protocol.
    Result<PgResultHandle> run_simple(std::string_view sql, std::string_view context);
    // Turns a finished PGresult into success or a mapped Error, and tracks transaction state.
    Result<PgResultHandle> finish(PgResultHandle result, std::string_view context);
    void record_outcome(const Error* error);
    void forget_transaction();

    PgConnHandle conn_;
    std::vector<std::string> secrets_;  // the URL's passwords, scrubbed from libpq messages
    std::unordered_map<std::string, Prepared, SqlHash, std::equal_to<>> statements_;
    std::uint64_t next_statement_ = 0;
    // Last known transaction state. Kept ourselves because libpq reports PQTRANS_UNKNOWN once
    // the connection is gone, which is exactly when we need to know.
    bool in_transaction_ = false;
    std::optional<Error> transaction_error_;  // the first failure inside the current transaction
};

}  // namespace rapport::storage::postgres
