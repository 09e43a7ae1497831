#pragma once
// Reading an import as stored: the job row and its file. Every part of imports reads through
// it (import_access.hpp checks who may see a job). Thread-safe; each method atomic; scoped to
// one workspace.
#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/imports/import_job.hpp"

namespace rapport::domain::imports {

class ImportReader {
public:
    virtual ~ImportReader() = default;

    virtual Result<std::optional<ImportJob>> find(Id workspace_id, Id import_id) = 0;
    // The uploaded file as stored: UTF-8 text.
    virtual Result<std::string> content(Id workspace_id, Id import_id) = 0;
};

}  // namespace rapport::domain::imports
