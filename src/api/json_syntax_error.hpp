#pragma once
// Where and why a text is not JSON that we accept, so a 400 can point at the problem: a
// syntax error, or a number too large for a 64-bit integer or a double (1e400, 5,000 digits).
// Pure and thread-safe; the JSON body reader calls it once a parse has failed.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/messages.hpp"

namespace rapport::api {

struct JsonSyntaxError {
    std::size_t byte = 0;  // offset in the text just after the offending token
    std::string pointer;   // RFC 6901 pointer of the value being read, "" at the top level
    std::string detail;    // a sentence for a problem's detail, in English
    std::string key = {};  // its catalogue key and arguments (core/messages.hpp)
    MessageArgs args = {};
};

// Nullopt when `text` is one valid JSON value whose numbers all fit.
std::optional<JsonSyntaxError> find_json_error(std::string_view text);

}  // namespace rapport::api
