#include "storage/postgres/postgres_connection.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>

#include "storage/postgres/pg_errors.hpp"
#include "storage/postgres/pg_url.hpp"

namespace rapport::storage::postgres {

namespace {

// Built-in type OIDs (stable since forever; catalog/pg_type_d.h ships only with the server headers).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;

// Connection parameters placed *before* the URL, so a URL that sets them wins
// (PQconnectdbParams processes keywords in order, later ones overriding earlier ones).
// Without connect_timeout an unroutable host would block start-up for minutes.
constexpr std::array<const char*, 5> kConnectKeywords = {"connect_timeout", "client_encoding",
                                                         "fallback_application_name", "dbname", nullptr};

void ignore_notice(void* /*arg*/, const char* /*message*/) {}

struct PgCancelFree {
    void operator()(PGcancel* cancel) const { PQfreeCancel(cancel); }
};
using PgCancelHandle = std::unique_ptr<PGcancel, PgCancelFree>;

// Parameters in libpq's text format. `values` points into `params` (strings) or `storage`.
struct TextParams {
    std::vector<std::string> storage;
    std::vector<const char*> values;

    int count() const { return static_cast<int>(values.size()); }
    const char* const* data() const { return values.empty() ? nullptr : values.data(); }
};

std::string format_double(double d) {
    // to_chars prints "inf"/"nan", which float8in also reads, but the canonical spellings
    // keep the SQL log readable and do not rely on lenient parsing.
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    std::array<char, 32> buf{};
    const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), d);
    return std::string(buf.data(), ec == std::errc{} ? end : buf.data());
}

Result<TextParams> encode(const Params& params) {
    TextParams out;
    out.storage.reserve(params.size());  // no reallocation: `values` keeps pointers into it
    out.values.reserve(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        const Value& v = params[i];
        if (const auto* s = std::get_if<std::string>(&v)) {
            // Text format is NUL-terminated; a NUL would silently truncate the value, and
            // PostgreSQL text cannot hold one anyway.
            if (s->find('\0') != std::string::npos) {
                return fail(
                    Error::localized(ErrorCode::Validation, "common.db_nul", {{"index", std::to_string(i + 1)}}));
            }
            out.values.push_back(s->c_str());
        } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
            out.values.push_back(out.storage.emplace_back(std::to_string(*n)).c_str());
        } else if (const auto* d = std::get_if<double>(&v)) {
            out.values.push_back(out.storage.emplace_back(format_double(*d)).c_str());
        } else if (const auto* b = std::get_if<bool>(&v)) {
            out.values.push_back(*b ? "true" : "false");
        } else {
            out.values.push_back(nullptr);  // SQL NULL
        }
    }
    return out;
}

Value decode(const PGresult* result, int row, int column, Oid type) {
    if (PQgetisnull(result, row, column)) return Value{};
    const char* text = PQgetvalue(result, row, column);
    const auto length = static_cast<std::size_t>(PQgetlength(result, row, column));
    switch (type) {
        case kInt2Oid:
        case kInt4Oid:
        case kInt8Oid: {
            std::int64_t n = 0;
            if (std::from_chars(text, text + length, n).ec == std::errc{}) return Value{n};
            break;
        }
        case kFloat4Oid:
        case kFloat8Oid: {
            double d = 0;
            if (std::from_chars(text, text + length, d).ec == std::errc{}) return Value{d};
            break;
        }
        case kBoolOid: return Value{length > 0 && text[0] == 't'};
        default: break;  // numeric stays exact as text; every other type is text too
    }
    return Value{std::string(text, length)};
}

void decode_row(const PGresult* result, int row, const std::vector<Oid>& types, Row& out) {
    out.clear();
    out.reserve(types.size());
    for (int c = 0; c < static_cast<int>(types.size()); ++c) {
        out.push_back(decode(result, row, c, types[static_cast<std::size_t>(c)]));
    }
}

std::vector<Oid> column_types(const PGresult* result) {
    std::vector<Oid> types(static_cast<std::size_t>(PQnfields(result)));
    for (std::size_t c = 0; c < types.size(); ++c) types[c] = PQftype(result, static_cast<int>(c));
    return types;
}

// Only a plain read may be cancelled when the caller stops early: cancelling a statement
// that writes (DELETE ... RETURNING) would undo the writes the caller expects to happen.
bool is_plain_read(std::string_view sql) {
    std::size_t i = 0;
    while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
    std::string word;
    while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i]))) {
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i]))));
        ++i;
    }
    return word == "select" || word == "values" || word == "table";
}

// While a streamed statement is in flight, guarantees that the connection is drained before
// anyone else uses it, even when on_row throws. Optionally asks the server to stop first, so
// stopping early in a huge result does not mean receiving all of it.
class InFlight {
public:
    InFlight(PGconn* conn, bool may_cancel) : conn_(conn), may_cancel_(may_cancel) {}
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;
    ~InFlight() {
        if (!finished_) {
            cancel();
            while (PgResultHandle r{PQgetResult(conn_)}) {
            }
        }
    }
    void cancel() {
        if (!may_cancel_ || cancelled_) return;
        cancelled_ = true;
        // A cancel that arrives after the statement finished is ignored by the server while
        // it waits for the next command, so it cannot hit a later statement.
        PgCancelHandle handle(PQgetCancel(conn_));
        std::array<char, 256> errbuf{};
        if (handle) (void)PQcancel(handle.get(), errbuf.data(), static_cast<int>(errbuf.size()));
    }
    void mark_finished() { finished_ = true; }

private:
    PGconn* conn_;
    bool may_cancel_;
    bool cancelled_ = false;
    bool finished_ = false;
};

std::string or_default(const char* s, const char* fallback) {
    return s && *s ? std::string(s) : fallback;
}

}  // namespace

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::open(const std::string& url) {
    const std::array<const char*, 5> values = {"10", "UTF8", "rapport", url.c_str(), nullptr};
    PgConnHandle conn(PQconnectdbParams(kConnectKeywords.data(), values.data(), /*expand_dbname=*/1));
    std::vector<std::string> secrets = url_passwords(url);
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK) {
        const PGconn* c = conn.get();
        const char* host = c ? PQhost(c) : nullptr;
        const char* port = c ? PQport(c) : nullptr;
        const char* db = c ? PQdb(c) : nullptr;
        // When libpq could not parse the URL it knows none of them; show the URL instead.
        const bool parsed = (host && *host) || (port && *port) || (db && *db);
        const std::string where = parsed ? "cannot connect to PostgreSQL at host " + or_default(host, "(default)") +
                                               ", port " + or_default(port, "(default)") + ", database " +
                                               or_default(db, "(default)")
                                         : "cannot connect to PostgreSQL with the URL " + redact_url(url);
        return fail(Error::unavailable(scrub_secrets(where + ": " + connection_message(c), secrets)));
    }
    PQsetNoticeProcessor(conn.get(), ignore_notice, nullptr);
    auto out = std::unique_ptr<PostgresConnection>(new PostgresConnection(std::move(conn), std::move(secrets)));
    RAPPORT_CHECK(out->configure_session());
    return out;
}

Status PostgresConnection::configure_session() {
    // Migrations use CREATE ... IF NOT EXISTS, whose NOTICEs are noise for an application.
    RAPPORT_CHECK(run_simple("SET client_min_messages = warning", "session set-up failed"));
    // Statements are prepared once per connection; from their sixth run PostgreSQL may switch
    // to a generic plan, chosen without the values. For searches and counts whose best plan
    // depends on them (a rare word: the GIN index; a common one: the newest rows backwards)
    // the generic plan took 80-400 ms where the planned one takes 4 (1M people), and a
    // segment count went from 0.6 to 3 s. Planning each run costs well under a millisecond.
    RAPPORT_CHECK(run_simple("SET plan_cache_mode = force_custom_plan", "session set-up failed"));
    // JIT compilation pays off for long analytical queries; a search whose estimated cost
    // passes jit_above_cost spent 10 ms of its 200 compiling.
    RAPPORT_CHECK(run_simple("SET jit = off", "session set-up failed"));
    return {};
}

Status PostgresConnection::ensure_connected() {
    if (PQstatus(conn_.get()) == CONNECTION_OK) return {};
    if (in_transaction_) {
        return fail(
            Error::unavailable("the connection to the database was lost during a transaction, "
                               "which the server rolled back"));
    }
    PQreset(conn_.get());
    statements_.clear();  // server-side prepared statements died with the old session
    if (PQstatus(conn_.get()) != CONNECTION_OK) {
        return fail(Error::unavailable(
            scrub_secrets("cannot reconnect to PostgreSQL: " + connection_message(conn_.get()), secrets_)));
    }
    return configure_session();
}

void PostgresConnection::forget_transaction() {
    in_transaction_ = false;
    transaction_error_.reset();
}

void PostgresConnection::record_outcome(const Error* error) {
    if (PQstatus(conn_.get()) == CONNECTION_OK) {
        switch (PQtransactionStatus(conn_.get())) {
            case PQTRANS_IDLE: forget_transaction(); break;
            case PQTRANS_INTRANS:
            case PQTRANS_INERROR: in_transaction_ = true; break;
            default: break;
        }
    }
    if (error && in_transaction_ && !transaction_error_) transaction_error_ = *error;
}

Result<PgResultHandle> PostgresConnection::finish(PgResultHandle result, std::string_view context) {
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
        record_outcome(nullptr);
        return result;
    }
    Error error = map_result_error(result.get(), conn_.get(), context);
    if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
        error = Error::internal(std::string(context) + ": COPY is not supported through this interface");
    }
    error.detail = scrub_secrets(std::move(error.detail), secrets_);
    record_outcome(&error);
    return fail(std::move(error));
}

Result<PgResultHandle> PostgresConnection::run_simple(std::string_view sql, std::string_view context) {
    const std::string text(sql);
    return finish(PgResultHandle(PQexec(conn_.get(), text.c_str())), context);
}

Result<const PostgresConnection::Prepared*> PostgresConnection::prepare(std::string_view sql) {
    if (auto it = statements_.find(sql); it != statements_.end()) return &it->second;
    if (statements_.size() >= kMaxPreparedStatements) return nullptr;
    const std::string text(sql);
    Prepared prepared{"s" + std::to_string(++next_statement_), 0};
    RAPPORT_CHECK(finish(PgResultHandle(PQprepare(conn_.get(), prepared.name.c_str(), text.c_str(), 0, nullptr)),
                         "preparing a statement failed"));
    // Knowing the parameter count lets a mismatch fail as the bug it is, rather than as the
    // protocol error (SQLSTATE 08P01) the server would answer.
    auto described = RAPPORT_TRY(finish(PgResultHandle(PQdescribePrepared(conn_.get(), prepared.name.c_str())),
                                        "describing a statement failed"));
    prepared.param_count = PQnparams(described.get());
    return &statements_.emplace(text, std::move(prepared)).first->second;
}

Result<PgResultHandle> PostgresConnection::run(std::string_view sql, const Params& params) {
    RAPPORT_CHECK(ensure_connected());
    const TextParams text = RAPPORT_TRY(encode(params));
    const Prepared* prepared = RAPPORT_TRY(prepare(sql));
    if (!prepared) {
        const std::string sql_text(sql);
        return finish(PgResultHandle(PQexecParams(conn_.get(), sql_text.c_str(), text.count(), nullptr, text.data(),
                                                  nullptr, nullptr, 0)),
                      "statement failed");
    }
    if (prepared->param_count != text.count()) {
        return fail(Error::internal("statement expects " + std::to_string(prepared->param_count) + " parameters, got " +
                                    std::to_string(text.count())));
    }
    return finish(PgResultHandle(PQexecPrepared(conn_.get(), prepared->name.c_str(), text.count(), text.data(), nullptr,
                                                nullptr, 0)),
                  "statement failed");
}

Result<ResultSet> PostgresConnection::query(std::string_view sql, const Params& params) {
    const PgResultHandle result = RAPPORT_TRY(run(sql, params));
    const PGresult* r = result.get();
    ResultSet out;
    const std::vector<Oid> types = column_types(r);
    out.columns.reserve(types.size());
    for (int c = 0; c < static_cast<int>(types.size()); ++c) out.columns.emplace_back(PQfname(r, c));
    const int rows = PQntuples(r);
    out.rows.resize(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) decode_row(r, i, types, out.rows[static_cast<std::size_t>(i)]);
    return out;
}

Status PostgresConnection::query_each(std::string_view sql, const Params& params,
                                      const std::function<bool(const Row&)>& on_row) {
    RAPPORT_CHECK(ensure_connected());
    const TextParams text = RAPPORT_TRY(encode(params));
    const Prepared* prepared = RAPPORT_TRY(prepare(sql));
    if (prepared && prepared->param_count != text.count()) {
        return fail(Error::internal("statement expects " + std::to_string(prepared->param_count) + " parameters, got " +
                                    std::to_string(text.count())));
    }
    PGconn* conn = conn_.get();
    // Cancelling aborts the surrounding transaction, so it is only done outside one.
    const bool may_cancel = PQtransactionStatus(conn) == PQTRANS_IDLE && is_plain_read(sql);
    const std::string sql_text = prepared ? std::string() : std::string(sql);
    const int sent =
        prepared ? PQsendQueryPrepared(conn, prepared->name.c_str(), text.count(), text.data(), nullptr, nullptr, 0)
                 : PQsendQueryParams(conn, sql_text.c_str(), text.count(), nullptr, text.data(), nullptr, nullptr, 0);
    if (!sent) return fail(finish(nullptr, "sending a statement failed").error());
    InFlight in_flight(conn, may_cancel);
    if (!PQsetSingleRowMode(conn)) return fail(Error::internal("libpq refused single-row mode"));

    std::optional<Error> error;
    bool stopped = false;
    std::vector<Oid> types;
    Row row;
    while (PgResultHandle result{PQgetResult(conn)}) {
        const ExecStatusType status = PQresultStatus(result.get());
        if (status == PGRES_SINGLE_TUPLE) {
            if (stopped || error) continue;  // draining after an early stop
            if (types.empty()) types = column_types(result.get());
            decode_row(result.get(), 0, types, row);
            if (!on_row(row)) {
                stopped = true;
                in_flight.cancel();
            }
        } else if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK && !stopped && !error) {
            // A failure may follow rows already delivered (e.g. division by zero in row 1000).
            error = map_result_error(result.get(), conn, "statement failed");
            error->detail = scrub_secrets(std::move(error->detail), secrets_);
        }
    }
    in_flight.mark_finished();
    record_outcome(error ? &*error : nullptr);
    if (error) return fail(std::move(*error));
    return {};
}

Result<std::int64_t> PostgresConnection::execute(std::string_view sql, const Params& params) {
    const PgResultHandle result = RAPPORT_TRY(run(sql, params));
    const char* tuples = PQcmdTuples(result.get());
    std::int64_t count = 0;
    if (tuples && *tuples) (void)std::from_chars(tuples, tuples + std::strlen(tuples), count);
    return count;
}

Status PostgresConnection::execute_script(std::string_view sql) {
    RAPPORT_CHECK(ensure_connected());
    RAPPORT_CHECK(run_simple(sql, "script failed"));
    return {};
}

Status PostgresConnection::begin() {
    RAPPORT_CHECK(ensure_connected());
    RAPPORT_CHECK(run_simple("BEGIN", "BEGIN failed"));
    transaction_error_.reset();
    return {};
}

Status PostgresConnection::commit() {
    if (PQstatus(conn_.get()) != CONNECTION_OK) {
        forget_transaction();
        return fail(
            Error::unavailable("the connection to the database was lost before COMMIT; "
                               "the transaction was rolled back"));
    }
    if (PQtransactionStatus(conn_.get()) == PQTRANS_INERROR) {
        // The server would answer COMMIT with ROLLBACK and no error. Reporting success here
        // would hide that nothing was written, so surface the failure that doomed it, with
        // its code (an Unavailable serialisation failure stays retryable).
        Error error = transaction_error_.value_or(Error::internal("a statement in the transaction failed"));
        (void)run_simple("ROLLBACK", "ROLLBACK failed");
        forget_transaction();
        error.detail = "the transaction was rolled back because a statement in it failed: " + error.detail;
        return fail(std::move(error));
    }
    const PgResultHandle result = RAPPORT_TRY(run_simple("COMMIT", "COMMIT failed"));
    if (std::strcmp(PQcmdStatus(result.get()), "ROLLBACK") == 0) {
        return fail(Error::internal("COMMIT was answered with ROLLBACK: the transaction had failed"));
    }
    forget_transaction();
    return {};
}

Status PostgresConnection::rollback() {
    if (PQstatus(conn_.get()) != CONNECTION_OK) {
        // The server discards a transaction whose connection dropped: nothing left to undo.
        forget_transaction();
        return {};
    }
    auto result = run_simple("ROLLBACK", "ROLLBACK failed");
    forget_transaction();
    if (!result) return fail(std::move(result).error());
    return {};
}

void PostgresConnection::end_lease() {
    PGconn* conn = conn_.get();
    if (PQstatus(conn) != CONNECTION_OK) {
        forget_transaction();  // the next statement reconnects
        return;
    }
    if (PQtransactionStatus(conn) == PQTRANS_ACTIVE) {
        // Not reachable through this class (query_each always drains), but a lease must never
        // hand on a connection with a statement in flight.
        while (PgResultHandle r{PQgetResult(conn)}) {
        }
    }
    if (PQtransactionStatus(conn) != PQTRANS_IDLE) (void)rollback();
}

}  // namespace rapport::storage::postgres
