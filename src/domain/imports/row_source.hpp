#pragma once
// Reading a stored import file (UTF-8, as ImportUploads stored it) row by row and in batches.
// Not thread-safe; the content must outlive the source.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "domain/imports/csv_reader.hpp"

namespace rapport::domain::imports {

// Feeds a stored (UTF-8) file to a CsvReader in chunks, so the reader never holds a second
// copy of the whole file.
class RowSource {
public:
    RowSource(std::string_view content, char delimiter);

    // The next record (the header is record 1); false at the end.
    bool next(CsvRecord& out);

private:
    std::string_view content_;
    CsvReader reader_;
    std::size_t pos_ = 0;
    bool finished_ = false;
};

// The next batch of at most `size` data rows after `rows_done` (record 1 is the header), in
// `batch`. Empty at the end.
void next_batch(RowSource& source, std::int64_t rows_done, std::size_t size, std::vector<CsvRecord>& batch);

}  // namespace rapport::domain::imports
