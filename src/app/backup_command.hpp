#pragma once
// `rapport backup --to FILE [--force]`: a consistent copy of a running SQLite database.
//
// It copies a database that exists and creates none: a mistyped --data-dir or --database
// used to create an empty database, migrate it and "back it up" with exit status 0. It
// refuses a destination that is the live database (or its -wal/-shm/-journal file), and an
// existing file unless `force`. The copy is written beside the destination under a
// temporary name (mode 0600) and moved into place only when complete, so a failed backup
// never leaves a half-written file under the destination's name.
#include <string>

#include "core/error.hpp"

namespace rapport::app {

struct BackupRequest {
    std::string database_url;  // sqlite:PATH or postgres://...
    std::string to;            // destination file
    bool force = false;        // overwrite an existing destination
};

// Validation errors name the problem and what to do. PostgreSQL answers with the pg_dump
// command to use instead.
Status run_backup(const BackupRequest& request);

}  // namespace rapport::app
