#pragma once
#include <string>
#include <string_view>

namespace rapport::storage::sqlite {

// Rewrites PostgreSQL-style $N parameters to SQLite's ?N (plain ? when they are $1, $2, ... in
// order, which SQLite numbers the same way and prepares faster), leaving string literals,
// quoted identifiers and comments untouched.
std::string rewrite_placeholders(std::string_view sql);

}  // namespace rapport::storage::sqlite
