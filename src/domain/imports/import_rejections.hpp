#pragma once
// The rejected rows of an import: as a CSV file to download, fix and import again, and page by
// page to show them.
// Thread-safe (no state of its own besides its repositories, which are thread-safe).
#include <string>

#include "domain/identity/entities.hpp"
#include "domain/imports/import_reader.hpp"
#include "domain/imports/rejected_rows_repository.hpp"
#include "domain/page.hpp"

namespace rapport::domain::imports {

class ImportRejections {
public:
    // Both repositories must outlive it.
    ImportRejections(ImportReader& reader, RejectedRowsRepository& repo) : reader_(reader), repo_(repo) {}

    // The rejected rows as CSV (UTF-8 with a byte order mark, the file's delimiter): the
    // file's header plus "error", then each rejected row as it was with its errors. NotFound
    // for an import the actor may not see (import_access.hpp).
    Result<std::string> csv(const Principal& actor, Id import_id);
    // A page of the rejected rows in row order, each with its values and its problems (for
    // the import's finish page); `page.after` is the last row number of the previous page.
    // NotFound as for csv.
    Result<Page<RejectedRow>> page(const Principal& actor, Id import_id, const PageRequest& page);

private:
    ImportReader& reader_;
    RejectedRowsRepository& repo_;
};

}  // namespace rapport::domain::imports
