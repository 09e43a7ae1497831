#pragma once
// Maps libpq failures to Rapport's ErrorCode: the one place that knows SQLSTATE codes.
//
//   23505 unique violation                     -> Conflict
//   23503 foreign key violation                -> Validation
//   23502 not null, 23514 check violation      -> Validation
//   40001 serialization failure, 40P01 deadlock -> Unavailable (write_transaction retries these)
//   class 08 (connection), 53 (resources), 57 (operator intervention, e.g. 57P01 shutdown),
//   55P03 lock not available, and a lost connection -> Unavailable
//   anything else                              -> Internal, with the server's message
//
// Stateless functions; safe to call from any thread (each on its own PGconn).
#include <libpq-fe.h>

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace rapport::storage::postgres {

// The error for a failed statement. `result` may be null (libpq could not even produce a
// result, e.g. out of memory or a dead connection); `conn` then supplies the message.
Error map_result_error(const PGresult* result, const PGconn* conn, std::string_view context);

// The error for a SQLSTATE and the server's primary message (exposed for unit tests).
Error map_sqlstate(std::string_view sqlstate, const std::string& message, std::string_view context);

// libpq's connection-level message (PQerrorMessage) on one line, without the trailing newline.
std::string connection_message(const PGconn* conn);

}  // namespace rapport::storage::postgres
