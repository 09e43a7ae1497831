#pragma once
// PostgreSQL 15 through libpq: a pool of connections shared by reads and writes.
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace rapport::storage::postgres {

// Opens a pool for `url` (a libpq connection URI, postgres://user:pass@host:port/db).
// At most `max_connections` connections are opened; leases wait when all are busy.
// Fails with Unavailable when the server cannot be reached.
Result<std::unique_ptr<Database>> open_postgres(const std::string& url, int max_connections = 8);

}  // namespace rapport::storage::postgres
