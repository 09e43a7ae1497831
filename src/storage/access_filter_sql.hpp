#pragma once
// Turns a record-level AccessFilter into a SQL condition over a table's owner and team
// columns, with bound parameters appended to `params` (numbered after those present).
#include <string>

#include "domain/permissions/record_access.hpp"
#include "storage/value.hpp"

namespace rapport::storage {

// Returns e.g. "(owner_user_id = $4 OR team_id IN ($5, $6))", "1=1" or "1=0".
std::string access_condition(const domain::AccessFilter& filter, Params& params, const std::string& owner_column,
                             const std::string& team_column);

}  // namespace rapport::storage
