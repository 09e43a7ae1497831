#pragma once
// What the two engines' searches share (storage/search/search_sqlite.cpp and
// search_postgres.cpp): running a step's query, the partition condition, the page a search
// fills step after step, and the ranking of a step's candidates in C++. Internal to
// storage/search.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "domain/permissions/record_access.hpp"
#include "domain/search/search.hpp"
#include "storage/access_filter_sql.hpp"
#include "storage/database.hpp"

namespace rapport::storage::search {

using domain::search::SearchHit;
using domain::search::SearchQuery;

// Every step below reads at most this many matches, newest first (FTS5 walks its posting
// lists in row id order, and ids grow with time), and ranks only those: a common surname
// matches tens of thousands of people, and ranking them all cost seconds on 1M people. 100
// rather than 300: a fifth less CPU per search at the same ranking of the first page.
constexpr int kCandidates = 100;

Result<std::vector<SearchHit>> collect(Connection& c, const std::string& sql, const Params& params);

// The B2B2C partition of a search row, for access_condition; binds the workspace when the
// actor's partitions are restricted (otherwise no expression is needed). SQLite's word index
// does not keep a consumer's buyer, so it is read from people per candidate (at most
// kCandidates); PostgreSQL's search_index keeps it (migration 0017), because its
// planner may test the condition on every row a scan passes.
PartitionColumns search_partition(const domain::AccessFilter& access, Params& p, Id ws, const std::string& id_column,
                                  const std::string& type_column, Dialect dialect);

// " AND <column> = $n" when the query asks for one type of record (binding it), else "".
std::string type_condition(const SearchQuery& q, Params& p, const std::string& column);

// The page a search fills, step after step: each step's candidates come newest first and are
// ranked by their scores (stable: the newer first on ties); a record already on the page is
// not added twice.
class Page {
public:
    explicit Page(int limit) : limit_(limit) {}
    void add(std::vector<SearchHit> more) {
        std::stable_sort(more.begin(), more.end(),
                         [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
        for (auto& h : more) {
            if (full()) return;
            if (seen_.insert(h.entity_id).second) hits_.push_back(std::move(h));
        }
    }
    bool full() const { return static_cast<int>(hits_.size()) >= limit_; }
    bool empty() const { return hits_.empty(); }
    std::vector<SearchHit> take() { return std::move(hits_); }

private:
    int limit_;
    std::vector<SearchHit> hits_;
    std::set<Id> seen_;
};

// Candidates scored by how well their text answers the terms (see match_score).
std::vector<SearchHit> by_match(std::vector<SearchHit> candidates, const std::vector<std::string>& terms);

// Candidates scored by how alike their names are to the terms, accents folded: for each term
// the best trigram similarity of a word of the title, summed.
std::vector<SearchHit> by_likeness(std::vector<SearchHit> candidates, const std::vector<std::string>& terms);

// The words alike enough to `term` (accents folded) to be what was meant
// (domain::search::is_typo_of): at most 6, the fewest edits and then the most alike first. `words` pairs a word as the
// index spells it with its folded form.
std::vector<std::string> most_alike(const std::vector<std::pair<std::string, std::string>>& words,
                                    const std::string& term);

// Each engine's search: the same steps in its SQL.
Result<std::vector<SearchHit>> search_sqlite(Connection& c, Id ws, const SearchQuery& q);
Result<std::vector<SearchHit>> search_postgres(Connection& c, Id ws, const SearchQuery& q);

}  // namespace rapport::storage::search
