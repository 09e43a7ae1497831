#pragma once
#include "domain/search/search.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// SQLite: FTS5 prefix query ranked by bm25, then trigram substring matches, then trigram
// near misses filtered by similarity. PostgreSQL: to_tsquery prefixes, ILIKE substrings and
// pg_trgm similarity in one ranked query. Both apply the record-level access condition.
class SqlSearchRepository final : public domain::search::SearchRepository {
public:
    explicit SqlSearchRepository(Database& db) : db_(db) {}
    Result<std::vector<domain::search::SearchHit>> search(Id workspace_id,
                                                          const domain::search::SearchQuery& query) override;

private:
    Result<std::vector<domain::search::SearchHit>> search_sqlite(Connection& c, Id workspace_id,
                                                                 const domain::search::SearchQuery& query);
    Result<std::vector<domain::search::SearchHit>> search_postgres(Connection& c, Id workspace_id,
                                                                   const domain::search::SearchQuery& query);
    Database& db_;
};

}  // namespace rapport::storage
