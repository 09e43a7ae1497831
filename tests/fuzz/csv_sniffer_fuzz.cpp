// sniff_csv on arbitrary bytes: no memory error, and what it guesses is usable (a delimiter
// the reader accepts, UTF-8 header and sample, at most kSampleRows rows).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/imports/csv_reader.hpp"
#include "domain/imports/csv_sniffer.hpp"
#include "domain/imports/encoding.hpp"
#include "fuzz/fuzz_check.hpp"

using namespace rapport::domain::imports;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view head(reinterpret_cast<const char*>(data), std::min(size, kSniffBytes));
    // Odd sizes stand for a file that continues after what was read.
    const auto sniff = sniff_csv(head, size % 2 == 0);
    if (!sniff) {
        RAPPORT_FUZZ_CHECK(!sniff.error().detail.empty());
        return 0;
    }
    RAPPORT_FUZZ_CHECK(sniff->delimiter != '"' && sniff->delimiter != '\r' && sniff->delimiter != '\n');
    RAPPORT_FUZZ_CHECK(sniff->sample_rows.size() <= kSampleRows);
    for (const auto& h : sniff->header) RAPPORT_FUZZ_CHECK(is_valid_utf8(h));
    for (const auto& row : sniff->sample_rows) {
        for (const auto& f : row) RAPPORT_FUZZ_CHECK(is_valid_utf8(f));
    }
    RAPPORT_FUZZ_CHECK(!delimiter_name(sniff->delimiter).empty());
    CsvReader reader(CsvOptions{sniff->delimiter, sniff->encoding});  // must not throw
    return 0;
}
