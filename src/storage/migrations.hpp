#pragma once
// Versioned, forward-only schema migrations, recorded in `schema_migrations`.
//
// The SQL lives in src/storage/migrations/{common,sqlite,postgres}/NNNN_name.sql and is
// embedded into the binary at build time. For each version the dialect's own file wins
// over the common one, so a migration is written once unless the engines differ.
#include <string>
#include <vector>

#include "core/error.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

struct Migration {
    int version = 0;
    std::string name;
    std::string sql;
};

// The migrations this binary knows for `dialect`, in version order.
std::vector<Migration> known_migrations(Dialect dialect);

struct MigrationReport {
    int from_version = 0;
    int to_version = 0;
    std::vector<std::string> applied;  // names of migrations applied by this call
};

// Applies every pending migration, each in its own transaction. Pending means not recorded,
// whatever the newest recorded version: a database that missed a version (two branches
// numbered their migrations alike, one was renumbered when merged) gets it at the next
// start instead of never. Refuses (Conflict) when the database records a version newer than
// the newest this binary knows.
Result<MigrationReport> migrate(Database& db);
// The same with a given list, in version order (tests).
Result<MigrationReport> migrate(Database& db, const std::vector<Migration>& migrations);

// The schema version the database is at (0 for an empty database).
Result<int> current_schema_version(Database& db);

}  // namespace rapport::storage
