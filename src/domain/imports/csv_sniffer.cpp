#include "domain/imports/csv_sniffer.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

#include "domain/imports/csv_reader.hpp"

namespace rapport::domain::imports {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
// Records looked at to choose the delimiter: enough to see a pattern, few enough that a
// long file's later oddities do not matter.
constexpr std::size_t kDelimiterRecords = 50;
// A file with this many UTF-8 characters per stray byte is UTF-8 with a few Latin-1 bytes
// pasted in (the UTF-8 reading keeps both right), not a Windows-1252 file.
constexpr std::size_t kUtf8CharsPerStray = 20;

// "the first 64 KiB" / "the first 900 bytes": how much of the file was looked at.
std::string first_part(std::size_t size) {
    if (size >= 1024) return "the first " + std::to_string(size / 1024) + " KiB";
    return "the first " + std::to_string(size) + " bytes";
}

std::uint64_t line_of_offset(std::string_view text, std::size_t offset) {
    std::uint64_t line = 1;
    bool prev_cr = false;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            if (!prev_cr) ++line;
        } else if (c == '\r') {
            ++line;
        }
        prev_cr = c == '\r';
    }
    return line;
}

Status check_is_text(std::string_view head) {
    const auto starts = [&](std::string_view magic) { return head.starts_with(magic); };
    if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
        return fail(Error::localized(ErrorCode::Validation, "imports.file_utf16"));
    }
    if (starts(std::string_view("PK\x03\x04", 4))) {
        return fail(Error::localized(ErrorCode::Validation, "imports.file_xlsx"));
    }
    if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        return fail(Error::localized(ErrorCode::Validation, "imports.file_xls"));
    }
    if (head.find('\0') != std::string_view::npos) {
        return fail(Error::localized(ErrorCode::Validation, "imports.file_binary"));
    }
    return {};
}

void detect_encoding(std::string_view head, bool whole_file, CsvSniff& sniff) {
    const Utf8Scan scan = scan_utf8(head, !whole_file);
    const std::string where = whole_file ? "the file" : first_part(head.size());
    if (sniff.has_bom) {
        sniff.encoding = Encoding::Utf8;
        sniff.encoding_reason = "the file starts with a UTF-8 byte order mark";
        if (scan.invalid_bytes > 0) {
            sniff.encoding_reason +=
                "; " + std::to_string(scan.invalid_bytes) + " byte(s) that are not UTF-8 will be read as Windows-1252";
        }
        return;
    }
    if (scan.invalid_bytes == 0) {
        sniff.encoding = Encoding::Utf8;
        if (scan.multibyte_chars == 0) {
            sniff.encoding_reason = where +
                                    " has only ASCII characters; read as UTF-8 (later bytes that are not UTF-8 "
                                    "will be read as Windows-1252)";
        } else {
            sniff.encoding_reason =
                where + " is valid UTF-8 (" + std::to_string(scan.multibyte_chars) + " non-ASCII character(s))";
        }
        return;
    }
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(head[scan.first_invalid]));
    const std::string first = std::string("byte ") + byte + " on line " +
                              std::to_string(line_of_offset(head, scan.first_invalid)) + " is not UTF-8";
    if (scan.multibyte_chars >= kUtf8CharsPerStray * scan.invalid_bytes) {
        sniff.encoding = Encoding::Utf8;
        sniff.encoding_reason = where + " is UTF-8 (" + std::to_string(scan.multibyte_chars) +
                                " non-ASCII characters) with " + std::to_string(scan.invalid_bytes) +
                                " stray byte(s) read as Windows-1252; the first: " + first;
        return;
    }
    sniff.encoding = Encoding::Windows1252;
    sniff.encoding_reason = first + "; read as Windows-1252 (Latin-1)";
}

struct DelimiterScore {
    char delimiter = ',';
    double consistency = 0.0;  // share of records with the most common field count
    std::size_t fields = 0;    // the most common field count
    std::size_t matching = 0;  // records with that count
    std::size_t records = 0;
};

DelimiterScore score_delimiter(std::string_view head, bool whole_file, Encoding encoding, char delimiter) {
    CsvOptions options;
    options.delimiter = delimiter;
    options.encoding = encoding;
    CsvReader reader(options);
    reader.feed(head);
    if (whole_file) reader.finish();
    std::map<std::size_t, std::size_t> counts;  // field count -> records
    CsvRecord record;
    DelimiterScore score;
    score.delimiter = delimiter;
    while (score.records < kDelimiterRecords && reader.next(record)) {
        if (!record.ok()) continue;
        ++counts[record.fields.size()];
        ++score.records;
    }
    for (const auto& [fields, records] : counts) {
        // Ties go to the larger field count (map order): more columns is the likelier reading.
        if (records >= score.matching) {
            score.fields = fields;
            score.matching = records;
        }
    }
    if (score.fields > 1 && score.records > 0) {
        score.consistency = static_cast<double>(score.matching) / static_cast<double>(score.records);
    }
    return score;
}

void detect_delimiter(std::string_view head, bool whole_file, CsvSniff& sniff) {
    DelimiterScore best;
    for (const char candidate : kCandidates) {
        const DelimiterScore s = score_delimiter(head, whole_file, sniff.encoding, candidate);
        if (s.consistency > best.consistency || (s.consistency == best.consistency && s.fields > best.fields)) {
            best = s;
        }
    }
    if (best.consistency == 0.0) {
        sniff.delimiter = ',';
        sniff.delimiter_reason = "no comma, semicolon or tab separates the records: one column, comma assumed";
        return;
    }
    sniff.delimiter = best.delimiter;
    sniff.delimiter_reason = delimiter_name(best.delimiter) + " gives " + std::to_string(best.fields) + " fields on " +
                             std::to_string(best.matching) + " of the first " + std::to_string(best.records) +
                             " records";
}

std::string trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

std::string delimiter_name(char delimiter) {
    switch (delimiter) {
        case ',': return "comma";
        case ';': return "semicolon";
        case '\t': return "tab";
        case '|': return "vertical bar";
        default: return std::string("'") + delimiter + "'";
    }
}

Result<CsvSniff> sniff_csv(std::string_view head, bool whole_file) {
    RAPPORT_CHECK(check_is_text(head));
    CsvSniff sniff;
    sniff.has_bom = head.starts_with(kBom);
    detect_encoding(head, whole_file, sniff);
    detect_delimiter(head, whole_file, sniff);

    CsvOptions options;
    options.delimiter = sniff.delimiter;
    options.encoding = sniff.encoding;
    CsvReader reader(options);
    reader.feed(head);
    if (whole_file) reader.finish();
    CsvRecord record;
    if (!reader.next(record)) {
        std::string_view text = head;
        if (sniff.has_bom) text.remove_prefix(kBom.size());
        if (whole_file || trim(text).empty())
            return fail(Error::localized(ErrorCode::Validation, "imports.file_empty"));
        return fail(head.size() >= 1024 ? Error::localized(ErrorCode::Validation, "imports.first_row_too_long_kib",
                                                           {{"size", std::to_string(head.size() / 1024)}})
                                        : Error::localized(ErrorCode::Validation, "imports.first_row_too_long_bytes",
                                                           {{"size", std::to_string(head.size())}}));
    }
    sniff.header.reserve(record.fields.size());
    for (const std::string& field : record.fields) sniff.header.push_back(trim(field));
    while (sniff.sample_rows.size() < kSampleRows && reader.next(record)) sniff.sample_rows.push_back(record.fields);
    return sniff;
}

}  // namespace rapport::domain::imports
