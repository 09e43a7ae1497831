#pragma once
#include <string>
#include <string_view>

namespace rapport::storage::sqlite {

// Rewrites PostgreSQL-style $N parameters to SQLite's ?N, leaving string literals,
// quoted identifiers and comments untouched.
std::string rewrite_placeholders(std::string_view sql);

}  // namespace rapport::storage::sqlite
