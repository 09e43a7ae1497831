#pragma once
// JSON Pointer (RFC 6901) reference tokens, for the pointers that problem+json field errors
// carry: "/fields/a~1b" names the key "a/b".
#include <string>
#include <string_view>

namespace rapport {

// One reference token escaped: '~' becomes "~0" and '/' becomes "~1".
std::string json_pointer_token(std::string_view key);

// The key a reference token names: "~1" becomes '/' and "~0" becomes '~'.
std::string unescape_json_pointer_token(std::string_view token);

}  // namespace rapport
