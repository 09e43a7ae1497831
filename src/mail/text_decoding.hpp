#pragma once
// Turning a text part's bytes into UTF-8, repairing the charsets mail gets wrong. The rules:
//  - a part declared iso-8859-1 or us-ascii (or with no charset) that holds bytes 0x80-0x9F is
//    really Windows-1252 (Outlook's euro sign and curly quotes): decoded as windows-1252;
//  - 8-bit bytes under us-ascii or no charset: UTF-8 when they are valid UTF-8, else windows-1252;
//  - a charset iconv does not know: UTF-8 when valid, else windows-1252;
//  - declared UTF-8 that is not valid UTF-8: the invalid bytes become U+FFFD.
// Other charsets are converted by GMime's charset filter (iconv). Each repair adds one English
// warning naming the declared and the used charset. The result is always valid UTF-8 without
// NUL bytes (they become U+FFFD: a database text column cannot hold them).
#include <string>
#include <string_view>
#include <vector>

namespace rapport::mail {

// `bytes` with every byte that is not part of valid UTF-8, and every NUL, replaced by U+FFFD.
std::string valid_utf8(std::string_view bytes);

std::string decode_text(std::string_view bytes, std::string_view declared_charset, std::vector<std::string>& warnings);

}  // namespace rapport::mail
