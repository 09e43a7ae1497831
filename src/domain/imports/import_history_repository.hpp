#pragma once
// What ImportHistory reads: a workspace's imports, newest first. Thread-safe; scoped to one
// workspace.
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "domain/imports/import_job.hpp"

namespace rapport::domain::imports {

// Whose imports to list: everyone's (both empty), or one user's or one API key's.
struct ImportAuthor {
    std::optional<Id> user_id;
    std::optional<Id> api_key_id;
};

class ImportHistoryRepository {
public:
    virtual ~ImportHistoryRepository() = default;

    // Up to `limit` imports with an id below `before` (all when absent), newest first.
    virtual Result<std::vector<ImportJob>> list_imports(Id workspace_id, const ImportAuthor& author,
                                                        std::optional<Id> before, int limit) = 0;
};

}  // namespace rapport::domain::imports
