#include "domain/imports/row_source.hpp"

#include <algorithm>
#include <utility>

namespace rapport::domain::imports {

namespace {

constexpr std::size_t kFeedChunk = 64 * 1024;

}  // namespace

RowSource::RowSource(std::string_view content, char delimiter)
    : content_(content), reader_({delimiter, Encoding::Utf8}) {}

bool RowSource::next(CsvRecord& out) {
    while (!reader_.next(out)) {
        if (pos_ < content_.size()) {
            const std::size_t n = std::min(kFeedChunk, content_.size() - pos_);
            reader_.feed(content_.substr(pos_, n));
            pos_ += n;
        } else if (!finished_) {
            reader_.finish();
            finished_ = true;
        } else {
            return false;
        }
    }
    return true;
}

void next_batch(RowSource& source, std::int64_t rows_done, std::size_t size, std::vector<CsvRecord>& batch) {
    batch.clear();
    CsvRecord record;
    while (batch.size() < size && source.next(record)) {
        if (record.number <= 1) continue;
        if (static_cast<std::int64_t>(record.number) - 1 <= rows_done) continue;
        batch.push_back(std::move(record));
    }
}

}  // namespace rapport::domain::imports
