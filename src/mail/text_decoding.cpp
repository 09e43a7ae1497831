#include "mail/text_decoding.hpp"

#include <algorithm>

#include "mail/gmime_handles.hpp"
#include "mail/mail_library.hpp"

namespace rapport::mail {
namespace {

using gmime::GObjectPtr;

// Valid UTF-8 apart from NUL bytes (which g_utf8_validate refuses, and valid_utf8 replaces).
bool is_utf8(std::string_view bytes) {
    while (!bytes.empty()) {
        const gchar* end = nullptr;
        if (g_utf8_validate(bytes.data(), static_cast<gssize>(bytes.size()), &end) != FALSE) return true;
        auto good = static_cast<std::size_t>(end - bytes.data());
        if (bytes[good] != '\0') return false;
        bytes.remove_prefix(good + 1);
    }
    return true;
}

bool has_8bit(std::string_view bytes) {
    return std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool has_c1_bytes(std::string_view bytes) {
    return std::any_of(bytes.begin(), bytes.end(), [](char c) {
        auto b = static_cast<unsigned char>(c);
        return b >= 0x80 && b <= 0x9F;
    });
}

// Converts through GMime's charset filter, which skips bytes the charset does not define.
// Returns false when iconv knows no such charset.
bool convert(std::string_view bytes, const char* from, std::string& out) {
    GObjectPtr<GMimeFilter> filter(g_mime_filter_charset_new(from, "utf-8"));
    if (!filter) return false;
    GObjectPtr<GMimeStream> sink(g_mime_stream_mem_new());
    GObjectPtr<GMimeStream> filtered(g_mime_stream_filter_new(sink.get()));
    g_mime_stream_filter_add(gmime::as<GMimeStreamFilter>(filtered.get()), filter.get());
    g_mime_stream_write(filtered.get(), bytes.data(), bytes.size());
    g_mime_stream_flush(filtered.get());
    out = gmime::bytes_of(sink.get());
    return true;
}

// Valid UTF-8 out, with every invalid byte and every NUL replaced by U+FFFD.
std::string repair_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    while (!bytes.empty()) {
        const gchar* end = nullptr;
        g_utf8_validate(bytes.data(), static_cast<gssize>(bytes.size()), &end);
        auto good = static_cast<std::size_t>(end - bytes.data());
        out.append(bytes.substr(0, good));
        if (good == bytes.size()) break;
        out.append("\xEF\xBF\xBD");
        bytes.remove_prefix(good + 1);
    }
    return out;
}

std::string windows_1252(std::string_view bytes) {
    std::string out;
    convert(bytes, "windows-1252", out);  // glibc's iconv always knows windows-1252
    return repair_utf8(out);
}

}  // namespace

std::string valid_utf8(std::string_view bytes) {
    return repair_utf8(bytes);
}

std::string decode_text(std::string_view bytes, std::string_view declared_charset, std::vector<std::string>& warnings) {
    ensure_mail_libraries();
    // A charset name is a short ASCII token; anything else in it is dropped.
    std::string declared;
    for (char c : gmime::trim(declared_charset).substr(0, 40))
        if (c > 0x20 && c < 0x7F) declared += g_ascii_tolower(c);
    // GMime knows the aliases ("latin1", "ISO_8859-1", "ascii", "utf8"...).
    std::string canon =
        declared.empty() ? std::string() : gmime::lower_ascii(gmime::str(g_mime_charset_canon_name(declared.c_str())));
    bool ascii = canon.empty() || canon == "us-ascii" || canon == "ascii" || canon == "ansi_x3.4-1968";
    std::string named = declared.empty() ? std::string("no charset") : "declared charset " + declared;

    // 7-bit text reads the same in every ASCII-based charset (not in iso-2022-jp or utf-7).
    bool latin1 = canon == "iso-8859-1" || canon == "latin1" || canon == "l1" || canon == "iso_8859-1" ||
                  canon == "iso-ir-100" || canon == "cp819";
    bool ascii_based = ascii || latin1 || canon == "utf-8" || canon.starts_with("iso-8859") ||
                       canon.starts_with("windows-") || canon.starts_with("cp125");
    if (ascii_based && !has_8bit(bytes)) return valid_utf8(bytes);
    if (ascii) {
        if (is_utf8(bytes)) {
            warnings.push_back(named + ": 8-bit text decoded as utf-8");
            return valid_utf8(bytes);
        }
        warnings.push_back(named + " decoded as windows-1252");
        return windows_1252(bytes);
    }
    if (latin1 && has_c1_bytes(bytes)) {
        warnings.push_back(named + " decoded as windows-1252");
        return windows_1252(bytes);
    }
    if (canon == "utf-8") {
        if (is_utf8(bytes)) return valid_utf8(bytes);
        warnings.push_back(named + ": invalid UTF-8 bytes replaced");
        return repair_utf8(bytes);
    }
    std::string out;
    if (!convert(bytes, declared.c_str(), out)) {
        if (is_utf8(bytes)) {
            warnings.push_back("unknown charset " + declared + " decoded as utf-8");
            return valid_utf8(bytes);
        }
        warnings.push_back("unknown charset " + declared + " decoded as windows-1252");
        return windows_1252(bytes);
    }
    return valid_utf8(out);
}

}  // namespace rapport::mail
