#pragma once
// Text lengths as people count them: a limit stated in characters counts Unicode code
// points, not bytes ("é" is one character and two bytes in UTF-8).
// Pure function; thread-safe.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace rapport {

// The number of code points in `text`, which should be valid UTF-8 (JSON strings and the
// import's decoded text are). Counts the bytes that do not continue a sequence, so on
// invalid input it still never exceeds the byte count.
inline std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace utf8 {

// The length of the valid UTF-8 sequence starting at `at`, or 0 when the bytes there are not one
// (overlong forms, surrogates and code points past U+10FFFF are not).
inline std::size_t sequence_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char b0 = byte(at);
    if (b0 < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (at + n > text.size()) return 0;
    if (byte(at + 1) < lo || byte(at + 1) > hi) return 0;
    for (std::size_t i = 2; i < n; ++i) {
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return 0;
    }
    return n;
}

inline bool is_valid(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t n = sequence_length(text, at);
        if (n == 0) return false;
        at += n;
    }
    return true;
}

// `text` with every byte that is not part of valid UTF-8 replaced by U+FFFD.
inline std::string sanitize(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t n = sequence_length(text, at);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++at;
        } else {
            out.append(text.substr(at, n));
            at += n;
        }
    }
    return out;
}

// At most `max_bytes` of valid UTF-8 `text`, cut on a character boundary.
inline std::string truncate(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return std::string(text.substr(0, end));
}

}  // namespace utf8

}  // namespace rapport
