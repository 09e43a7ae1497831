#pragma once
// Global search across names, emails, phones, tax ids, companies and note text: word
// prefixes ranked first, then substrings and near misses (typos). Results respect
// record-level permissions and are grouped by type by the caller.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit_distance.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/permissions/record_access.hpp"

namespace rapport::domain::search {

struct SearchHit {
    std::string entity_type;  // "company", "person" or "interaction"
    Id entity_id = 0;
    std::string title;
    std::string detail;  // the matching record's other indexed text, for a subtitle
    double score = 0;    // higher is better, comparable within one result list
};

struct SearchQuery {
    std::vector<std::string> terms;  // normalised words (see terms_of)
    std::string text;                // the whole query, trimmed and lower-cased
    AccessFilter access;
    int limit = 20;
    // Only records of this type ("company", "person" or "interaction"), when set: a search
    // within one group of results, to see more of it than a mixed page holds.
    std::optional<std::string> entity_type;
};

// Splits a query into lower-case words of letters, digits and @.+-_ (what names, emails,
// phones and tax ids are made of); drops everything else. At most 8 words.
std::vector<std::string> terms_of(std::string_view text);

// Trigram similarity (0..1) of two lower-case strings, as pg_trgm defines it.
double trigram_similarity(std::string_view a, std::string_view b);

// Whether `word` is what someone typing `term` may have meant, both lower-case and folded:
// one edit apart (a swapped pair, a doubled, missing or wrong letter) for terms of four to
// seven letters, two for longer ones, or trigram-alike (0.45 or more). Never the term itself.
bool is_typo_of(std::string_view word, std::string_view term);

// How near a typo `word` is to `term` when it is one (is_typo_of), for ranking: fewer edits
// first (a swapped pair is as near as a replaced letter), then more trigrams in common.
std::optional<double> typo_likeness(std::string_view word, std::string_view term);

// How well a hit's text answers the query's terms, case and accents ignored, for ranking
// the candidates an index proposed: per term, the best of a whole word of the title (10), a
// word of the title it begins (6), a whole word of the detail (2), a word of the detail it
// begins (1), text of the title holding it (0.5), of the detail (0.25); summed over terms.
// Cheap enough for hundreds of candidates (an index's relevance function, such as FTS5's
// bm25, reads the whole posting list of every term to weigh it: tens of ms on 1M records).
double match_score(std::string_view title, std::string_view detail, const std::vector<std::string>& terms);

class SearchRepository {
public:
    virtual ~SearchRepository() = default;
    // Best first; at most query.limit hits. Interactions are returned unfiltered by access:
    // the caller checks the person or company they belong to.
    virtual Result<std::vector<SearchHit>> search(Id workspace_id, const SearchQuery& query) = 0;
};

}  // namespace rapport::domain::search
