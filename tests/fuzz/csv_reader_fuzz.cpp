// CsvReader on arbitrary bytes. Besides memory errors it checks the reader's contract: every
// field is valid UTF-8, the size guards hold, and the records are the same whether the input
// comes whole or in chunks. The first two bytes choose the options and the chunk size.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "domain/imports/csv_reader.hpp"
#include "domain/imports/encoding.hpp"
#include "fuzz/fuzz_check.hpp"

using namespace rapport::domain::imports;

namespace {

struct Seen {
    std::vector<std::string> fields;
    std::uint64_t line;
    std::uint64_t number;
    CsvError error;
    bool lenient;
    bool operator==(const Seen&) const = default;
};

void drain(CsvReader& reader, const CsvOptions& options, std::vector<Seen>& out) {
    CsvRecord record;
    while (reader.next(record)) {
        std::size_t bytes = 0;
        RAPPORT_FUZZ_CHECK(record.fields.size() <= options.max_fields);
        for (const auto& f : record.fields) {
            RAPPORT_FUZZ_CHECK(is_valid_utf8(f));
            bytes += f.size();
        }
        // Transcoding may grow a byte to at most 3 (Windows-1252 to UTF-8).
        RAPPORT_FUZZ_CHECK(bytes <= 3 * options.max_record_bytes + 3);
        RAPPORT_FUZZ_CHECK(record.ok() == record.message.empty());
        out.push_back({record.fields, record.line, record.number, record.error, record.lenient});
    }
}

std::vector<Seen> read_all(std::string_view input, const CsvOptions& options, std::size_t chunk) {
    CsvReader reader(options);
    std::vector<Seen> out;
    while (!input.empty()) {
        const auto n = std::min(chunk, input.size());
        reader.feed(input.substr(0, n));
        input.remove_prefix(n);
        drain(reader, options, out);
    }
    reader.finish();
    drain(reader, options, out);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    static constexpr char kDelimiters[] = {',', ';', '\t', '|'};
    CsvOptions options;
    options.delimiter = kDelimiters[data[0] & 3];
    options.encoding = (data[0] & 4) ? Encoding::Windows1252 : Encoding::Utf8;
    if (data[0] & 8) {  // small guards, so short inputs reach them
        options.max_field_bytes = 16;
        options.max_record_bytes = 64;
        options.max_fields = 8;
    }
    const std::size_t chunk = 1 + data[1] % 17;
    const std::string_view input(reinterpret_cast<const char*>(data + 2), size - 2);

    const auto whole = read_all(input, options, input.size() + 1);
    const auto pieces = read_all(input, options, chunk);
    RAPPORT_FUZZ_CHECK(whole == pieces);
    return 0;
}
