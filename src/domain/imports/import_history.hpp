#pragma once
// The history of past imports: who imported which file when, with its counts and status,
// newest first. Each opens the import's finish page (its job, its rejected rows and the
// records it wrote: the filter field `imports`, list_query.hpp).
//
// Who sees what, as for one import (import_access.hpp): the workspace's admins and owners see
// every import; anyone else only those they started (with their own session or API key).
// Thread-safe (no state of its own).
#include "domain/identity/entities.hpp"
#include "domain/imports/import_history_repository.hpp"
#include "domain/page.hpp"

namespace rapport::domain::imports {

class ImportHistory {
public:
    explicit ImportHistory(ImportHistoryRepository& repo) : repo_(repo) {}

    // A page of imports, newest first; `page.after` is the cursor of the previous page (the
    // last id it held: the next page holds older imports).
    Result<Page<ImportJob>> list(const Principal& actor, const PageRequest& page);

private:
    ImportHistoryRepository& repo_;
};

}  // namespace rapport::domain::imports
