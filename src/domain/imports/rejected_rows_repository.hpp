#pragma once
// What ImportRejections reads: the rejected rows a run stored with its batches. Thread-safe;
// scoped to one workspace.
#include <functional>
#include <vector>

#include "core/error.hpp"
#include "domain/imports/import_job.hpp"

namespace rapport::domain::imports {

class RejectedRowsRepository {
public:
    virtual ~RejectedRowsRepository() = default;

    // The rejected rows in row order, one at a time (any number of them).
    virtual Status rejected_rows(Id workspace_id, Id import_id,
                                 const std::function<void(const RejectedRow&)>& on_row) = 0;
    // Up to `limit` rejected rows numbered above `after_row`, in row order.
    virtual Result<std::vector<RejectedRow>> rejected_page(Id workspace_id, Id import_id, std::int64_t after_row,
                                                           int limit) = 0;
};

}  // namespace rapport::domain::imports
