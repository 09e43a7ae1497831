#include "domain/imports/encoding.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace rapport::domain::imports {
namespace {

// utf8_sequence() results besides a length.
constexpr int kInvalid = 0;      // the bytes at p cannot start a well-formed sequence
constexpr int kIncomplete = -1;  // well-formed so far, but the input ends before the sequence does

// Looks at the sequence starting at p (avail >= 1 bytes): its length when well-formed,
// kInvalid or kIncomplete otherwise. The ranges are those of Unicode table 3-7, which is what
// rules out overlong forms (C0, C1, E0 80-9F, F0 80-8F), surrogates (ED A0-BF) and code
// points above U+10FFFF (F4 90-BF, F5-FF).
int utf8_sequence(const unsigned char* p, std::size_t avail) {
    const unsigned char lead = p[0];
    if (lead < 0x80) return 1;
    int length = 0;
    unsigned char second_lo = 0x80;
    unsigned char second_hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead == 0xE0) {
        length = 3;
        second_lo = 0xA0;
    } else if (lead == 0xED) {
        length = 3;
        second_hi = 0x9F;
    } else if (lead >= 0xE1 && lead <= 0xEF) {
        length = 3;
    } else if (lead == 0xF0) {
        length = 4;
        second_lo = 0x90;
    } else if (lead >= 0xF1 && lead <= 0xF3) {
        length = 4;
    } else if (lead == 0xF4) {
        length = 4;
        second_hi = 0x8F;
    } else {
        return kInvalid;
    }
    for (int i = 1; i < length; ++i) {
        if (static_cast<std::size_t>(i) >= avail) return kIncomplete;
        const unsigned char b = p[i];
        const unsigned char lo = i == 1 ? second_lo : 0x80;
        const unsigned char hi = i == 1 ? second_hi : 0xBF;
        if (b < lo || b > hi) return kInvalid;
    }
    return length;
}

// Length of the leading run of ASCII bytes; eight bytes per step, because most CSV text is
// ASCII and this is the hot path of every conversion.
std::size_t ascii_prefix(const unsigned char* p, std::size_t n) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, p + i, sizeof word);
        if ((word & 0x8080808080808080ULL) != 0) break;
    }
    while (i < n && p[i] < 0x80) ++i;
    return i;
}

// Unicode code points of Windows-1252 bytes 0x80-0x9F. The five bytes cp1252 leaves
// undefined keep their own value (C1 controls), as Windows' own converter does.
constexpr std::array<char16_t, 32> kCp1252Specials = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
};

struct Utf8Bytes {
    unsigned char size = 0;
    char bytes[3] = {};
};

// The UTF-8 form of every Windows-1252 byte >= 0x80, computed once at compile time.
constexpr std::array<Utf8Bytes, 128> make_cp1252_table() {
    std::array<Utf8Bytes, 128> table{};
    for (unsigned i = 0; i < 128; ++i) {
        const unsigned byte = 0x80 + i;
        const unsigned cp = byte < 0xA0 ? kCp1252Specials[byte - 0x80] : byte;
        Utf8Bytes& e = table[i];
        if (cp < 0x800) {
            e.size = 2;
            e.bytes[0] = static_cast<char>(0xC0 | (cp >> 6));
            e.bytes[1] = static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            e.size = 3;
            e.bytes[0] = static_cast<char>(0xE0 | (cp >> 12));
            e.bytes[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            e.bytes[2] = static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return table;
}

constexpr std::array<Utf8Bytes, 128> kCp1252Table = make_cp1252_table();

void append_cp1252_byte(unsigned char byte, std::string& out) {
    const Utf8Bytes& e = kCp1252Table[byte - 0x80];
    out.append(e.bytes, e.size);
}

const unsigned char* bytes_of(std::string_view text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

// append_utf8_lenient() over p[0, n). With `hold_tail`, a sequence cut by the end of the
// input is left undecoded: returns where it starts (n when nothing is held back).
std::size_t decode_lenient(const unsigned char* p, std::size_t n, bool hold_tail, std::string& out,
                           std::uint64_t& fallback) {
    std::size_t i = 0;
    while (i < n) {
        const std::size_t ascii = ascii_prefix(p + i, n - i);
        out.append(reinterpret_cast<const char*>(p + i), ascii);
        i += ascii;
        if (i == n) break;
        const int r = utf8_sequence(p + i, n - i);
        if (r > 0) {
            out.append(reinterpret_cast<const char*>(p + i), static_cast<std::size_t>(r));
            i += static_cast<std::size_t>(r);
        } else if (r == kIncomplete && hold_tail) {
            return i;
        } else {
            append_cp1252_byte(p[i], out);
            ++fallback;
            ++i;
        }
    }
    return n;
}

}  // namespace

std::string_view to_string(Encoding encoding) {
    switch (encoding) {
        case Encoding::Utf8: return "UTF-8";
        case Encoding::Windows1252: return "Windows-1252";
    }
    return "UTF-8";
}

bool is_ascii(std::string_view text) {
    return ascii_prefix(bytes_of(text), text.size()) == text.size();
}

bool is_valid_utf8(std::string_view text) {
    const unsigned char* p = bytes_of(text);
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        i += ascii_prefix(p + i, n - i);
        if (i == n) break;
        const int r = utf8_sequence(p + i, n - i);
        if (r <= 0) return false;
        i += static_cast<std::size_t>(r);
    }
    return true;
}

Utf8Scan scan_utf8(std::string_view text, bool input_truncated) {
    Utf8Scan scan;
    const unsigned char* p = bytes_of(text);
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        i += ascii_prefix(p + i, n - i);
        if (i == n) break;
        const int r = utf8_sequence(p + i, n - i);
        if (r > 0) {
            ++scan.multibyte_chars;
            i += static_cast<std::size_t>(r);
            continue;
        }
        if (r == kIncomplete && input_truncated) break;
        if (scan.invalid_bytes++ == 0) scan.first_invalid = i;
        ++i;
    }
    return scan;
}

void append_windows1252_as_utf8(std::string_view text, std::string& out) {
    const unsigned char* p = bytes_of(text);
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const std::size_t ascii = ascii_prefix(p + i, n - i);
        out.append(text.data() + i, ascii);
        i += ascii;
        // A run of non-ASCII bytes (accented words) converts without re-entering the ASCII scan.
        while (i < n && p[i] >= 0x80) append_cp1252_byte(p[i++], out);
    }
}

std::string windows1252_to_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_windows1252_as_utf8(text, out);
    return out;
}

std::size_t append_utf8_lenient(std::string_view text, std::string& out) {
    std::uint64_t fallback = 0;
    decode_lenient(bytes_of(text), text.size(), false, out, fallback);
    return static_cast<std::size_t>(fallback);
}

// ---- Utf8Validator ---------------------------------------------------------------------

bool Utf8Validator::feed(std::string_view chunk) {
    if (invalid_) return false;
    const unsigned char* p = bytes_of(chunk);
    const std::size_t n = chunk.size();
    const std::uint64_t base = offset_;  // stream offset of chunk[0]
    offset_ += n;
    std::size_t i = 0;
    const auto fail_at = [this](std::uint64_t offset, unsigned char byte) {
        invalid_ = true;
        invalid_offset_ = offset;
        invalid_byte_ = byte;
        return false;
    };
    // Complete the sequence held back from the previous chunk, one byte at a time: it is
    // decided (complete or broken) within at most 3 more bytes.
    while (pending_size_ > 0) {
        if (i == n) return true;
        pending_[pending_size_++] = p[i++];
        const int r = utf8_sequence(pending_, pending_size_);
        if (r == kInvalid) return fail_at(pending_offset_, pending_[0]);
        if (r > 0) {
            ++multibyte_;
            pending_size_ = 0;
        }
    }
    while (i < n) {
        i += ascii_prefix(p + i, n - i);
        if (i == n) break;
        const int r = utf8_sequence(p + i, n - i);
        if (r == kInvalid) return fail_at(base + i, p[i]);
        if (r == kIncomplete) {
            pending_size_ = n - i;
            std::memcpy(pending_, p + i, pending_size_);
            pending_offset_ = base + i;
            return true;
        }
        ++multibyte_;
        i += static_cast<std::size_t>(r);
    }
    return true;
}

bool Utf8Validator::finish(bool input_truncated) {
    if (!invalid_ && pending_size_ > 0 && !input_truncated) {
        invalid_ = true;
        invalid_offset_ = pending_offset_;
        invalid_byte_ = pending_[0];
    }
    pending_size_ = 0;
    return !invalid_;
}

// ---- Transcoder ------------------------------------------------------------------------

void Transcoder::feed(std::string_view chunk, std::string& out) {
    if (source_ == Encoding::Windows1252) {
        append_windows1252_as_utf8(chunk, out);
        return;
    }
    const unsigned char* p = bytes_of(chunk);
    const std::size_t n = chunk.size();
    std::size_t used = 0;  // bytes of `chunk` already converted
    if (pending_size_ > 0) {
        // Join the held-back bytes with the first bytes of this chunk: 3 more bytes decide
        // every sequence that starts in the held-back part.
        unsigned char joint[7];
        const std::size_t take = std::min<std::size_t>(n, 3);
        std::memcpy(joint, pending_, pending_size_);
        std::memcpy(joint + pending_size_, p, take);
        const std::size_t joint_size = pending_size_ + take;
        std::size_t pos = 0;
        while (pos < pending_size_) {
            const int r = utf8_sequence(joint + pos, joint_size - pos);
            if (r > 0) {
                out.append(reinterpret_cast<const char*>(joint + pos), static_cast<std::size_t>(r));
                pos += static_cast<std::size_t>(r);
            } else if (r == kIncomplete) {
                // Only possible when this chunk was shorter than 3 bytes: all of it is now held.
                std::memmove(pending_, joint + pos, joint_size - pos);
                pending_size_ = joint_size - pos;
                return;
            } else {
                append_cp1252_byte(joint[pos], out);
                ++fallback_bytes_;
                ++pos;
            }
        }
        used = pos - pending_size_;
        pending_size_ = 0;
    }
    const std::size_t done = used + decode_lenient(p + used, n - used, true, out, fallback_bytes_);
    pending_size_ = n - done;
    std::memcpy(pending_, p + done, pending_size_);
}

void Transcoder::finish(std::string& out) {
    if (pending_size_ > 0) decode_lenient(pending_, pending_size_, false, out, fallback_bytes_);
    pending_size_ = 0;
}

}  // namespace rapport::domain::imports
