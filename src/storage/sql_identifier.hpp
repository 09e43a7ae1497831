#pragma once
// A table or column name written into SQL text, quoted the way both engines read it.
#include <string>

namespace rapport::storage {

// "name", with any double quote inside doubled.
inline std::string quote_identifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        out += c;
        if (c == '"') out += '"';
    }
    return out + "\"";
}

}  // namespace rapport::storage
