#pragma once
// Guesses how a CSV file is written from its first bytes, so the person importing sees a
// preview that already reads right (and can override each guess).
//
// Contract: sniff_csv() looks at `head`, the first kSniffBytes bytes of the file (or the
// whole file when it is shorter), and decides:
//   - BOM: a UTF-8 byte order mark at the start.
//   - Encoding: UTF-8 when there is a BOM or the bytes are UTF-8 (a multi-byte character cut
//     by the 64 KiB limit does not count against it); Windows-1252 when bytes that are not
//     UTF-8 appear and are not rare strays among many UTF-8 characters. `encoding_reason`
//     says why, in words for the person importing.
//   - Delimiter: ',' ';' or tab, whichever splits the first records (quotes respected) into
//     the most consistent number of fields greater than one; `delimiter_reason` says why.
//   - Header: the first record is taken as the header row (has_header is always true for
//     now); its fields are trimmed of surrounding spaces.
//   - Sample: up to kSampleRows records after the header, as the reader will return them.
// Header and sample are UTF-8 (transcoded with the detected encoding).
// Files that cannot be CSV fail with Error::validation and a message saying what they are
// (empty, UTF-16 text, an Excel workbook, other binary data).
//
// Typical use: read up to kSniffBytes, sniff_csv(), show header + sample with
// suggest_mapping(sniff.header, target) (column_mapping.hpp), then read the whole file with a
// CsvReader whose options are {sniff.delimiter, sniff.encoding}, skipping record 1 (the header).
//
// Pure function of its input; thread-safe.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/imports/encoding.hpp"

namespace rapport::domain::imports {

inline constexpr std::size_t kSniffBytes = 64 * 1024;
inline constexpr std::size_t kSampleRows = 5;

struct CsvSniff {
    Encoding encoding = Encoding::Utf8;
    std::string encoding_reason;
    char delimiter = ',';
    std::string delimiter_reason;
    bool has_bom = false;
    bool has_header = true;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> sample_rows;
};

// `head` is the start of the file; `whole_file` is true when it is all of it (the file is
// not longer than what was read), false when the file continues after `head`.
Result<CsvSniff> sniff_csv(std::string_view head, bool whole_file);

// The name of a delimiter for messages: "comma", "semicolon", "tab", or the character.
std::string delimiter_name(char delimiter);

}  // namespace rapport::domain::imports
