#pragma once
// Turns a record-level AccessFilter into a SQL condition over a table's owner and team
// columns, with bound parameters appended to `params` (numbered after those present).
#include <string>

#include "domain/permissions/record_access.hpp"
#include "storage/value.hpp"

namespace rapport::storage {

// SQL expressions giving a row's B2B2C partition: the buyer whose consumer the row is, and
// the row's own company id when it is a company (partner users read their buyer's record).
// "NULL" where the table has no such thing.
struct PartitionColumns {
    std::string consumer_of = "NULL";
    std::string company_id = "NULL";
};

// Returns e.g. "(owner_user_id = $4 OR team_id IN ($5, $6))", "1=1" or "1=0", with the
// partition rules of record_access.hpp added when the filter carries them.
std::string access_condition(const domain::AccessFilter& filter, Params& params, const std::string& owner_column,
                             const std::string& team_column, const PartitionColumns& partition = {});

}  // namespace rapport::storage
