#include "storage/postgres/pg_errors.hpp"

namespace rapport::storage::postgres {

namespace {

// libpq messages are multi-line ("...failed: Connection refused\n\tIs the server running...").
// Error details end up in one log line or one JSON string, so fold them.
std::string one_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (const char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space && c != ' ') out.push_back(' ');
        pending_space = false;
        out.push_back(c);
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string connection_message(const PGconn* conn) {
    if (!conn) return "out of memory allocating a PostgreSQL connection";
    const char* message = PQerrorMessage(conn);
    std::string out = one_line(message ? message : "");
    return out.empty() ? "unknown libpq error" : out;
}

Error map_sqlstate(std::string_view sqlstate, const std::string& message, std::string_view context) {
    if (sqlstate == "23505") {
        return Error::localized(ErrorCode::Conflict, "common.db_unique", {{"detail", message}});
    }
    if (sqlstate == "23503") {
        // Raised both by inserts naming a missing parent and by deletes of a parent that is
        // still referenced; the server's message says which.
        return Error::localized(ErrorCode::Validation, "common.db_reference_pg", {{"detail", message}});
    }
    if (sqlstate == "23502" || sqlstate == "23514") {
        return Error::localized(ErrorCode::Validation, "common.db_rule", {{"detail", message}});
    }
    if (sqlstate == "40001" || sqlstate == "40P01") {
        return Error::localized(ErrorCode::Unavailable, "common.db_serialization", {{"detail", message}});
    }
    // 08P01 is a protocol violation: a bug on our side (e.g. a wrong parameter count),
    // not a network problem, so retrying would not help.
    if (starts_with(sqlstate, "08") && sqlstate != "08P01") {
        return Error::unavailable("the connection to the database failed (" + message + ")");
    }
    if (starts_with(sqlstate, "53") || starts_with(sqlstate, "57") || sqlstate == "55P03") {
        return Error::localized(ErrorCode::Unavailable, "common.db_unavailable", {{"detail", message}});
    }
    std::string detail(context);
    detail += ": ";
    detail += message;
    if (!sqlstate.empty()) {
        detail += " [SQLSTATE ";
        detail += sqlstate;
        detail += "]";
    }
    return Error::internal(std::move(detail));
}

Error map_result_error(const PGresult* result, const PGconn* conn, std::string_view context) {
    const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    if (sqlstate) {
        const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
        return map_sqlstate(sqlstate, one_line(primary ? primary : ""), context);
    }
    // No SQLSTATE: libpq itself failed, almost always because the connection is gone.
    std::string message = result ? one_line(PQresultErrorMessage(result)) : std::string();
    if (message.empty()) message = connection_message(conn);
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        return Error::unavailable("the connection to the database was lost (" + message + ")");
    }
    return Error::internal(std::string(context) + ": " + message);
}

}  // namespace rapport::storage::postgres
