#include "storage/search/sql_search_repository.hpp"

#include "storage/search/search_steps.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

Result<std::vector<domain::search::SearchHit>> SqlSearchRepository::search(Id ws,
                                                                           const domain::search::SearchQuery& q) {
    return read(db_, [&](Connection& c) -> Result<std::vector<domain::search::SearchHit>> {
        if (c.dialect() == Dialect::Sqlite) return search::search_sqlite(c, ws, q);
        return search::search_postgres(c, ws, q);
    });
}

}  // namespace rapport::storage
