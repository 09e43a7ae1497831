#include "core/latin_fold.hpp"

#include <array>

namespace rapport {

namespace {

// ASCII for the Latin-1 supplement letters U+00C0..U+00FF ("" drops the code point).
constexpr std::array<const char*, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "",  "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "",  "y",   // F0-FF
};

}  // namespace

std::string fold_latin(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
            continue;
        }
        // Two-byte UTF-8 for U+00C0..U+00FF: 0xC3 followed by 0x80..0xBF.
        if (c == 0xC3 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0xBF) {
                out += kLatin1[static_cast<std::size_t>(next - 0x80)];
                ++i;
                continue;
            }
        }
        out += static_cast<char>(c);
    }
    return out;
}

}  // namespace rapport
