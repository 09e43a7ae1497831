#pragma once
// The rejected rows of an import as a CSV file to download, fix and import again.
// Thread-safe (no state of its own besides its repositories, which are thread-safe).
#include <string>

#include "domain/identity/entities.hpp"
#include "domain/imports/import_reader.hpp"
#include "domain/imports/rejected_rows_repository.hpp"

namespace rapport::domain::imports {

class ImportRejections {
public:
    // Both repositories must outlive it.
    ImportRejections(ImportReader& reader, RejectedRowsRepository& repo) : reader_(reader), repo_(repo) {}

    // The rejected rows as CSV (UTF-8 with a byte order mark, the file's delimiter): the
    // file's header plus "error", then each rejected row as it was with its errors. NotFound
    // for an import the actor may not see (import_access.hpp).
    Result<std::string> csv(const Principal& actor, Id import_id);

private:
    ImportReader& reader_;
    RejectedRowsRepository& repo_;
};

}  // namespace rapport::domain::imports
