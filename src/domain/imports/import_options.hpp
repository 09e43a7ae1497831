#pragma once
// The tunables of imports, shared by its parts (ImportUploads, ImportMapper, ImportRunner).
#include <cstddef>

#include "core/clock.hpp"

namespace rapport::domain::imports {

struct ImportOptions {
    std::size_t batch_rows = 5000;             // rows per transaction (and per dry-run batch)
    std::size_t batches_ahead = 2;             // batches planned while the previous one commits
    UnixMillis stale_after_ms = 60'000;        // a Running import without a batch for this long is dead
    std::size_t max_listed_rejections = 1000;  // rows a dry-run report lists (all are counted)
    std::size_t max_filename_bytes = 200;
};

}  // namespace rapport::domain::imports
