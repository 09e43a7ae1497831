#pragma once
// What ImportRejections reads: the rejected rows a run stored with its batches. Thread-safe;
// scoped to one workspace.
#include <functional>

#include "core/error.hpp"
#include "domain/imports/import_job.hpp"

namespace rapport::domain::imports {

class RejectedRowsRepository {
public:
    virtual ~RejectedRowsRepository() = default;

    // The rejected rows in row order, one at a time (any number of them).
    virtual Status rejected_rows(Id workspace_id, Id import_id,
                                 const std::function<void(const RejectedRow&)>& on_row) = 0;
};

}  // namespace rapport::domain::imports
