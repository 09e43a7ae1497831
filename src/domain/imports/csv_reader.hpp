#pragma once
// Streaming CSV reader (RFC 4180, plus what real exports do).
//
// Contract:
//   - Input arrives in chunks of any size (64 KiB reads of a file, one byte at a time, the
//     whole file): feed() each chunk, then take the records that are complete with next();
//     call finish() after the last chunk to get the last record. A record may span chunks;
//     the records are the same however the input is split.
//   - Fields are separated by the configured delimiter; records end at CRLF, LF or a lone CR
//     (old Mac exports). A field that starts with '"' is quoted: it may contain delimiters,
//     line breaks (kept as they are) and '""' for one quote.
//   - A UTF-8 byte order mark at the very start is skipped (has_bom() tells).
//   - Empty lines are skipped: they are not records (their line numbers still count).
//   - Every emitted field is valid UTF-8: the input is read in CsvOptions::encoding (see
//     encoding.hpp; with Utf8, bytes that are not UTF-8 are read as Windows-1252).
//   - Malformed input never throws and never stops the reader. Like Excel, quotes where
//     RFC 4180 allows none are kept as text ('ab"c' -> 'ab"c'; '"ab"c' -> 'abc') and the
//     record is flagged `lenient`. What cannot be repaired is an error of that record only:
//     a quoted field still open at the end of the input (UnterminatedQuote, with the line
//     where the quote opened), and the size guards (FieldTooLarge, RecordTooLarge,
//     TooManyFields), which cut the data so that memory stays bounded whatever the input.
//   - Each record has its record number (1-based, the header is record 1) and the physical
//     line (1-based) where it starts, for messages such as "line 812: ...".
//
// Speed: no allocation per character or per record once the buffers are warm; unquoted runs
// and quoted runs are copied as spans. Reuse the same CsvRecord across next() calls so its
// strings keep their capacity.
//
// Thread-safety: a CsvReader is a single-threaded state machine; use one per stream.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/imports/encoding.hpp"

namespace rapport::domain::imports {

enum class CsvError {
    None,
    UnterminatedQuote,  // a quoted field is still open at the end of the input
    FieldTooLarge,      // a field exceeds CsvOptions::max_field_bytes; it is cut there
    RecordTooLarge,     // the record exceeds CsvOptions::max_record_bytes; later fields are empty
    TooManyFields,      // the record has more than CsvOptions::max_fields fields; the rest are dropped
};

std::string_view to_string(CsvError error);

struct CsvOptions {
    char delimiter = ',';  // any byte except '"', '\r' and '\n'
    Encoding encoding = Encoding::Utf8;
    std::size_t max_field_bytes = std::size_t{1} << 20;   // 1 MiB: no CRM field is longer
    std::size_t max_record_bytes = std::size_t{8} << 20;  // 8 MiB
    std::size_t max_fields = 4096;                        // per record
};

struct CsvRecord {
    std::vector<std::string> fields;
    std::uint64_t line = 0;    // physical line (1-based) where the record starts
    std::uint64_t number = 0;  // 1-based; the header row, when there is one, is record 1
    CsvError error = CsvError::None;
    std::string message;   // why the record is in error, for the person importing; empty when ok
    bool lenient = false;  // a stray quote was kept as text (the record is usable, but worth a look)

    bool ok() const { return error == CsvError::None; }
};

class CsvReader {
public:
    // Throws std::invalid_argument when the delimiter is '"', '\r' or '\n' (a caller bug).
    explicit CsvReader(CsvOptions options = {});

    // Appends the next chunk of input. Must not be called after finish().
    void feed(std::string_view chunk);
    // Marks the end of the input: next() then also returns the last record (which may lack a
    // line break) and reports an unterminated quote.
    void finish();
    // Moves the next complete record into `out` (reusing its capacity). False when no
    // complete record is available: feed more input, or, after finish(), the input is done.
    bool next(CsvRecord& out);

    // Known once next() has been called with at least 3 bytes fed (or after finish()).
    bool has_bom() const { return has_bom_; }
    std::uint64_t records() const { return records_; }      // records returned by next()
    std::uint64_t bytes_fed() const { return bytes_fed_; }  // including the BOM
    // Bytes that were read as Windows-1252 although the encoding is Utf8 (0 for a clean file).
    std::uint64_t fallback_bytes() const { return fallback_bytes_; }
    const CsvOptions& options() const { return options_; }

private:
    enum class State : std::uint8_t {
        RecordStart,    // between records: line breaks here are blank lines or the LF of a CRLF
        FieldStart,     // after a delimiter
        Unquoted,       // inside an unquoted field
        Quoted,         // inside a quoted field
        QuoteInQuoted,  // just read a '"' inside a quoted field: closing quote, or the first of '""'
    };

    bool parse_record();  // true when a record is complete
    void end_field();
    void end_of_input_record();
    void emit(CsvRecord& out);
    void count_lines(const char* begin, const char* end);
    void set_error(CsvError error, std::string message);
    void append_slow(const char* data, std::size_t size);
    void append(const char* data, std::size_t size) {
        if (data_.size() + size <= limit_) {
            data_.append(data, size);
        } else {
            append_slow(data, size);
        }
    }
    void start_field();

    CsvOptions options_;
    std::array<bool, 256> stops_unquoted_{};  // bytes that end a run of unquoted text

    std::string buf_;  // input not yet parsed
    std::size_t pos_ = 0;
    bool finished_ = false;
    bool bom_checked_ = false;
    bool has_bom_ = false;

    State state_ = State::RecordStart;
    bool prev_cr_ = false;  // the last byte consumed was '\r' (so a '\n' now is the same line break)
    std::uint64_t line_ = 1;
    std::uint64_t record_line_ = 0;
    std::uint64_t quote_line_ = 0;
    std::uint64_t records_ = 0;
    std::uint64_t bytes_fed_ = 0;
    std::uint64_t fallback_bytes_ = 0;

    // The record being read: field bytes back to back, and where each completed field ends.
    std::string data_;
    std::vector<std::size_t> ends_;
    std::size_t field_start_ = 0;
    std::size_t limit_ = 0;  // data_ may not grow past this (field and record guards)
    CsvError error_ = CsvError::None;
    std::string message_;
    bool lenient_ = false;
};

// Reads `in` to its end in 64 KiB chunks through a CsvReader, calling `on_record` for every
// record; stops early when `on_record` returns false. Returns the number of records passed
// to `on_record`, or Error::internal when the stream reports a read error (badbit).
Result<std::uint64_t> read_csv(std::istream& in, const CsvOptions& options,
                               const std::function<bool(const CsvRecord&)>& on_record);

}  // namespace rapport::domain::imports
