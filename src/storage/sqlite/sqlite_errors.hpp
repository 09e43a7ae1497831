#pragma once
// Maps SQLite result codes to Rapport's ErrorCode: the one place that knows them.
#include <sqlite3.h>

#include <string>

#include "core/error.hpp"

namespace rapport::storage::sqlite {

Error map_error(sqlite3* db, int rc, const std::string& context);

}  // namespace rapport::storage::sqlite
