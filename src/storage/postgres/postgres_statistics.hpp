#pragma once
// PostgreSQL's part of Database::refresh_statistics (database.hpp).
#include "storage/database.hpp"

namespace rapport::storage::postgres {

// ANALYZE of each table of the current schema that holds kStatisticsMinRows rows or more by
// its size and has grown to kStatisticsGrowth times the pages its statistics were gathered
// on (pg_class.relpages; 0 for a table analysed while empty or never). The planner scales
// row counts to a table's current size itself, but not its column statistics: a table
// analysed while nearly empty has no histogram of its columns. Autovacuum's analyze catches
// up eventually; an import or a merge should not wait for it. A table the role may not
// analyse is skipped.
Result<StatisticsRefresh> refresh_statistics(Connection& conn);

}  // namespace rapport::storage::postgres
