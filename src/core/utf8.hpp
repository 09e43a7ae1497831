#pragma once
// Text lengths as people count them: a limit stated in characters counts Unicode code
// points, not bytes ("é" is one character and two bytes in UTF-8).
// Pure function; thread-safe.
#include <algorithm>
#include <cstddef>
#include <string_view>

namespace rapport {

// The number of code points in `text`, which should be valid UTF-8 (JSON strings and the
// import's decoded text are). Counts the bytes that do not continue a sequence, so on
// invalid input it still never exceeds the byte count.
inline std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace rapport
