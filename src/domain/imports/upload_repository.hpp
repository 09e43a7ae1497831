#pragma once
// What ImportUploads stores: a new job with its file. Thread-safe; scoped to one workspace.
#include <string>

#include "core/error.hpp"
#include "domain/imports/import_job.hpp"

namespace rapport::domain::imports {

class UploadRepository {
public:
    virtual ~UploadRepository() = default;

    // Stores the job and its file (UTF-8 text) together.
    virtual Status create(const ImportJob& job, const std::string& content) = 0;
};

}  // namespace rapport::domain::imports
