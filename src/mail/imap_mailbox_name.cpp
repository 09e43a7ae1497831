#include "mail/imap_mailbox_name.hpp"

#include <cstdint>
#include <vector>

namespace rapport::mail {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

int alphabet_index(char c) {
    const std::size_t at = kAlphabet.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// The code points of `utf8`; nullopt when it is not valid UTF-8.
std::optional<std::vector<char32_t>> code_points(std::string_view utf8) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        int extra = 0;
        char32_t cp = 0;
        if (byte < 0x80) {
            cp = byte;
        } else if ((byte & 0xE0) == 0xC0) {
            extra = 1;
            cp = byte & 0x1F;
        } else if ((byte & 0xF0) == 0xE0) {
            extra = 2;
            cp = byte & 0x0F;
        } else if ((byte & 0xF8) == 0xF0) {
            extra = 3;
            cp = byte & 0x07;
        } else {
            return std::nullopt;
        }
        if (i + static_cast<std::size_t>(extra) >= utf8.size()) return std::nullopt;
        for (int k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]);
            if ((next & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (next & 0x3F);
        }
        static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
        out.push_back(cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Modified base64 of the UTF-16BE form of `run`.
std::string encode_run(const std::vector<char32_t>& run) {
    std::vector<std::uint8_t> bytes;
    for (char32_t cp : run) {
        std::vector<char16_t> units;
        if (cp >= 0x10000) {
            const char32_t v = cp - 0x10000;
            units = {static_cast<char16_t>(0xD800 + (v >> 10)), static_cast<char16_t>(0xDC00 + (v & 0x3FF))};
        } else {
            units = {static_cast<char16_t>(cp)};
        }
        for (char16_t u : units) {
            bytes.push_back(static_cast<std::uint8_t>(u >> 8));
            bytes.push_back(static_cast<std::uint8_t>(u & 0xFF));
        }
    }
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::uint8_t b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(buffer >> bits) & 0x3F];
        }
    }
    if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 0x3F];
    return out;
}

}  // namespace

std::optional<std::string> encode_mailbox_name(std::string_view utf8) {
    auto points = code_points(utf8);
    if (!points) return std::nullopt;
    std::string out;
    std::vector<char32_t> run;
    const auto flush = [&] {
        if (run.empty()) return;
        out += '&';
        out += encode_run(run);
        out += '-';
        run.clear();
    };
    for (char32_t cp : *points) {
        if (cp < 0x20 || cp == 0x7F) return std::nullopt;
        if (cp < 0x7F) {
            flush();
            out += cp == '&' ? std::string("&-") : std::string(1, static_cast<char>(cp));
        } else {
            run.push_back(cp);
        }
    }
    flush();
    return out;
}

std::optional<std::string> decode_mailbox_name(std::string_view wire) {
    std::string out;
    for (std::size_t i = 0; i < wire.size(); ++i) {
        const char c = wire[i];
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) return std::nullopt;
        if (c != '&') {
            out += c;
            continue;
        }
        const std::size_t end = wire.find('-', i + 1);
        if (end == std::string_view::npos) return std::nullopt;
        if (end == i + 1) {
            out += '&';
            i = end;
            continue;
        }
        std::uint32_t buffer = 0;
        int bits = 0;
        std::vector<char16_t> units;
        for (std::size_t k = i + 1; k < end; ++k) {
            const int v = alphabet_index(wire[k]);
            if (v < 0) return std::nullopt;
            buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
            bits += 6;
            if (bits >= 16) {
                bits -= 16;
                units.push_back(static_cast<char16_t>((buffer >> bits) & 0xFFFF));
            }
        }
        if (units.empty()) return std::nullopt;
        for (std::size_t k = 0; k < units.size(); ++k) {
            char32_t cp = units[k];
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (k + 1 >= units.size() || units[k + 1] < 0xDC00 || units[k + 1] > 0xDFFF) return std::nullopt;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<char32_t>(units[k + 1]) - 0xDC00);
                ++k;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return std::nullopt;
            }
            append_utf8(out, cp);
        }
        i = end;
    }
    return out;
}

}  // namespace rapport::mail
