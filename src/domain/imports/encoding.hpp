#pragma once
// Text encodings of imported files: UTF-8 validation and Windows-1252 -> UTF-8 transcoding.
//
// Files exported by other CRMs, ERPs and spreadsheets are UTF-8 (with or without a BOM) or,
// from older Windows software and Excel's plain "CSV" format, Windows-1252. Windows-1252 is
// treated as the superset of ISO-8859-1 (Latin-1) that it is in practice: bytes 0x80-0x9F
// are the cp1252 specials (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ); the five
// bytes cp1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) map to the C1 controls of the
// same value, as Windows and the WHATWG encoding standard do, so no byte is ever lost.
//
// Everything Rapport stores is UTF-8; these functions are how foreign bytes become UTF-8.
// Pure functions and small value types, no I/O. Free functions are thread-safe; a
// Utf8Validator or Transcoder object is used by one thread at a time.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rapport::domain::imports {

enum class Encoding {
    Utf8,         // UTF-8; bytes that are not UTF-8 are read as Windows-1252 (see Transcoder)
    Windows1252,  // every byte is one character of Windows-1252 (Latin-1 superset)
};

// "UTF-8" or "Windows-1252".
std::string_view to_string(Encoding encoding);

// True when `text` is well-formed UTF-8 (Unicode 15, table 3-7: no overlong forms, no
// surrogates, nothing above U+10FFFF). A sequence cut at the end of `text` is invalid:
// use Utf8Validator for data that arrives in pieces or is a prefix of a longer file.
bool is_valid_utf8(std::string_view text);

// What a scan of possibly-UTF-8 text found; encoding detection weighs these counts.
struct Utf8Scan {
    std::size_t multibyte_chars = 0;  // well-formed multi-byte sequences
    std::size_t invalid_bytes = 0;    // bytes that are not part of a well-formed sequence
    std::size_t first_invalid = 0;    // offset of the first invalid byte (when invalid_bytes > 0)
};

// Scans all of `text` (it does not stop at the first invalid byte). With `input_truncated`
// a sequence cut by the end of `text` (a 64 KiB prefix of a file) is not counted as invalid.
Utf8Scan scan_utf8(std::string_view text, bool input_truncated = false);

// True when `text` is pure ASCII (every byte < 0x80): valid in both encodings, same meaning.
bool is_ascii(std::string_view text);

// The UTF-8 form of Windows-1252 `text` (at most 3 output bytes per input byte).
std::string windows1252_to_utf8(std::string_view text);
// Same, appended to `out` (to reuse its capacity in loops).
void append_windows1252_as_utf8(std::string_view text, std::string& out);

// Appends `text` to `out` as valid UTF-8: well-formed UTF-8 sequences are copied, and every
// byte that is not part of one is read as Windows-1252 (a mostly-UTF-8 file with a few
// Latin-1 bytes, e.g. rows pasted from another export, keeps those characters instead of
// losing them to U+FFFD). Returns how many bytes were read as Windows-1252.
std::size_t append_utf8_lenient(std::string_view text, std::string& out);

// Validates UTF-8 that arrives in chunks: a multi-byte sequence may be split across any
// chunk boundary (up to 3 bytes are held back until the next chunk decides them).
//
// Used by encoding detection, where the input is the first 64 KiB of a larger file: there a
// sequence cut by the 64 KiB limit is not evidence of a bad encoding, so finish() takes
// `input_truncated`.
class Utf8Validator {
public:
    // Feeds the next chunk. Returns valid() afterwards; once invalid it stays invalid and
    // further input is ignored.
    bool feed(std::string_view chunk);
    // Ends the input. An incomplete sequence left at the end is invalid unless
    // `input_truncated` says the input was cut there on purpose. Returns valid().
    bool finish(bool input_truncated = false);

    bool valid() const { return !invalid_; }
    // Offset (from the first byte fed) of the first byte that is not UTF-8; meaningful only
    // when !valid().
    std::uint64_t invalid_offset() const { return invalid_offset_; }
    // The byte at invalid_offset().
    unsigned char invalid_byte() const { return invalid_byte_; }
    // Multi-byte characters seen so far (0 means the input was ASCII so far).
    std::uint64_t multibyte_chars() const { return multibyte_; }

private:
    unsigned char pending_[4] = {};
    std::size_t pending_size_ = 0;
    std::uint64_t offset_ = 0;          // bytes fed so far
    std::uint64_t pending_offset_ = 0;  // stream offset of pending_[0]
    std::uint64_t invalid_offset_ = 0;
    std::uint64_t multibyte_ = 0;
    unsigned char invalid_byte_ = 0;
    bool invalid_ = false;
};

// Converts a byte stream in `source` encoding to UTF-8, chunk by chunk. For a Utf8 source
// it behaves like append_utf8_lenient() over the whole stream: a sequence split across
// chunks is reassembled, and bytes that are not UTF-8 are read as Windows-1252 (encoding
// detection only sees the first 64 KiB: a file that is ASCII there and Windows-1252 later
// still converts correctly). The output is always valid UTF-8.
class Transcoder {
public:
    explicit Transcoder(Encoding source) : source_(source) {}

    // Appends the UTF-8 form of `chunk` to `out`; may hold back up to 3 bytes of a sequence
    // that continues in the next chunk.
    void feed(std::string_view chunk, std::string& out);
    // Ends the stream: held-back bytes of an incomplete sequence are read as Windows-1252.
    void finish(std::string& out);

    Encoding source() const { return source_; }
    // Bytes of a Utf8 source that were not UTF-8 and were read as Windows-1252.
    std::uint64_t fallback_bytes() const { return fallback_bytes_; }

private:
    Encoding source_;
    unsigned char pending_[4] = {};
    std::size_t pending_size_ = 0;
    std::uint64_t fallback_bytes_ = 0;
};

}  // namespace rapport::domain::imports
