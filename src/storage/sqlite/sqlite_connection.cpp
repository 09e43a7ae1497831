#include "storage/sqlite/sqlite_connection.hpp"

#include "storage/sqlite/placeholders.hpp"
#include "storage/sqlite/sqlite_errors.hpp"

namespace rapport::storage::sqlite {

namespace {

// Resets the statement when the scope ends, so a cached statement never holds a read
// snapshot open between uses.
struct StmtReset {
    sqlite3_stmt* stmt;
    ~StmtReset() {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
    }
};

Value column_value(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER: return Value{static_cast<std::int64_t>(sqlite3_column_int64(stmt, i))};
        case SQLITE_FLOAT: return Value{sqlite3_column_double(stmt, i)};
        case SQLITE_NULL: return Value{};
        default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            return Value{std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)))};
        }
    }
}

}  // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path, bool read_only) {
    sqlite3* raw = nullptr;
    const int flags =
        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Sqlite3Handle handle(raw);
    if (rc != SQLITE_OK) return fail(map_error(raw, rc, "cannot open SQLite database " + path));
    sqlite3_extended_result_codes(raw, 1);
    auto conn = std::unique_ptr<SqliteConnection>(new SqliteConnection(std::move(handle), read_only));
    // WAL lets readers work while the single writer commits; NORMAL sync is durable
    // across application crashes (kill -9) and only risks the last commit on power loss.
    std::string pragmas =
        "PRAGMA busy_timeout = 5000;"
        "PRAGMA foreign_keys = ON;"
        "PRAGMA temp_store = MEMORY;"
        "PRAGMA cache_size = -16000;";
    if (!read_only) pragmas += "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
    RAPPORT_CHECK(conn->execute_script(pragmas));
    return conn;
}

SqliteConnection::~SqliteConnection() {
    if (!read_only_ && db_) {
        sqlite3_exec(db_.get(), "PRAGMA analysis_limit = 1000; PRAGMA optimize;", nullptr, nullptr, nullptr);
    }
}

Result<sqlite3_stmt*> SqliteConnection::prepare(std::string_view sql, const Params& params) {
    auto it = cache_.find(std::string(sql));
    if (it == cache_.end()) {
        const std::string rewritten = rewrite_placeholders(sql);
        sqlite3_stmt* raw = nullptr;
        const int rc = sqlite3_prepare_v3(db_.get(), rewritten.c_str(), static_cast<int>(rewritten.size()),
                                          SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
        if (rc != SQLITE_OK) return fail(map_error(db_.get(), rc, "prepare failed"));
        it = cache_.emplace(std::string(sql), StmtHandle(raw)).first;
    }
    sqlite3_stmt* stmt = it->second.get();
    const int expected = sqlite3_bind_parameter_count(stmt);
    if (expected != static_cast<int>(params.size())) {
        return fail(Error::internal("statement expects " + std::to_string(expected) + " parameters, got " +
                                    std::to_string(params.size())));
    }
    for (int i = 0; i < static_cast<int>(params.size()); ++i) {
        const Value& v = params[static_cast<std::size_t>(i)];
        int rc = SQLITE_OK;
        if (auto* n = std::get_if<std::int64_t>(&v)) {
            rc = sqlite3_bind_int64(stmt, i + 1, *n);
        } else if (auto* d = std::get_if<double>(&v)) {
            rc = sqlite3_bind_double(stmt, i + 1, *d);
        } else if (auto* s = std::get_if<std::string>(&v)) {
            rc = sqlite3_bind_text(stmt, i + 1, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
        } else if (auto* b = std::get_if<bool>(&v)) {
            rc = sqlite3_bind_int(stmt, i + 1, *b ? 1 : 0);
        } else {
            rc = sqlite3_bind_null(stmt, i + 1);
        }
        if (rc != SQLITE_OK) return fail(map_error(db_.get(), rc, "bind failed"));
    }
    return stmt;
}

Status SqliteConnection::run(std::string_view sql, const Params& params, const std::function<bool(const Row&)>* on_row,
                             std::vector<std::string>* columns) {
    auto stmt = RAPPORT_TRY(prepare(sql, params));
    StmtReset reset{stmt};
    const int ncols = sqlite3_column_count(stmt);
    if (columns) {
        columns->clear();
        for (int i = 0; i < ncols; ++i) columns->emplace_back(sqlite3_column_name(stmt, i));
    }
    Row row;
    while (true) {
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_DONE) return {};
        if (rc != SQLITE_ROW) return fail(map_error(db_.get(), rc, "statement failed"));
        if (!on_row) continue;
        row.clear();
        row.reserve(static_cast<std::size_t>(ncols));
        for (int i = 0; i < ncols; ++i) row.push_back(column_value(stmt, i));
        if (!(*on_row)(row)) return {};
    }
}

Result<ResultSet> SqliteConnection::query(std::string_view sql, const Params& params) {
    ResultSet out;
    std::function<bool(const Row&)> collect = [&out](const Row& row) {
        out.rows.push_back(row);
        return true;
    };
    RAPPORT_CHECK(run(sql, params, &collect, &out.columns));
    return out;
}

Status SqliteConnection::query_each(std::string_view sql, const Params& params,
                                    const std::function<bool(const Row&)>& on_row) {
    return run(sql, params, &on_row, nullptr);
}

Result<std::int64_t> SqliteConnection::execute(std::string_view sql, const Params& params) {
    RAPPORT_CHECK(run(sql, params, nullptr, nullptr));
    return static_cast<std::int64_t>(sqlite3_changes64(db_.get()));
}

Status SqliteConnection::execute_script(std::string_view sql) {
    char* message = nullptr;
    const std::string script(sql);
    const int rc = sqlite3_exec(db_.get(), script.c_str(), nullptr, nullptr, &message);
    if (message) sqlite3_free(message);
    if (rc != SQLITE_OK) return fail(map_error(db_.get(), rc, "script failed"));
    return {};
}

Status SqliteConnection::begin() {
    // IMMEDIATE takes the write lock up front, so a transaction never fails half-way
    // with SQLITE_BUSY when it upgrades from reading to writing.
    return execute_script(read_only_ ? "BEGIN" : "BEGIN IMMEDIATE");
}
Status SqliteConnection::commit() {
    return execute_script("COMMIT");
}
Status SqliteConnection::rollback() {
    return execute_script("ROLLBACK");
}

}  // namespace rapport::storage::sqlite
