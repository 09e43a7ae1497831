#pragma once
#include "domain/search/search.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// Global search. Each engine's SQL is in its own file (search_sqlite.cpp,
// search_postgres.cpp); the steps they share are in search_steps.hpp. Both apply the
// record-level access condition.
class SqlSearchRepository final : public domain::search::SearchRepository {
public:
    explicit SqlSearchRepository(Database& db) : db_(db) {}
    Result<std::vector<domain::search::SearchHit>> search(Id workspace_id,
                                                          const domain::search::SearchQuery& query) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
