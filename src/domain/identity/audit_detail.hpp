#pragma once
// The identity area's audit details are small JSON objects written by hand; this quotes
// one string value for them. Control characters become spaces.
#include <string>
#include <string_view>

namespace rapport::domain {

inline std::string json_quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out + "\"";
}

}  // namespace rapport::domain
