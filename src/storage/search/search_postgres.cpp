// Search on PostgreSQL: the same steps as on SQLite with to_tsquery prefixes, ILIKE
// substrings and pg_trgm similarity (storage/search/search_steps.hpp).
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/latin_fold.hpp"
#include "storage/search/search_steps.hpp"

namespace rapport::storage::search {

namespace {

std::string like_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

// Words made of letters and digits only, for a tsquery (its operators and quotes must not leak in).
std::vector<std::string> tsquery_words(const std::vector<std::string>& terms) {
    std::vector<std::string> out;
    for (const auto& t : terms) {
        std::string word;
        for (char c : t) {
            if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
                word += c;
            } else if (!word.empty()) {
                out.push_back(word);
                word.clear();
            }
        }
        if (!word.empty()) out.push_back(word);
    }
    return out;
}

// A tsquery (PostgreSQL, as text for lower($n)::tsquery) requiring every word as a prefix:
// a word of three letters or fewer is its prefix lexeme ('^mar', migration 0018), a longer
// one a prefix match ('ferr':*). Words are tsquery_words (no quotes or operators in them).
std::string prefix_tsquery(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        const auto letters = std::count_if(w.begin(), w.end(), [](char ch) { return (ch & 0xC0) != 0x80; });
        out += (out.empty() ? "" : " & ") + (letters <= 3 ? "'^" + w + "'" : "'" + w + "':*");
    }
    return out;
}

// The same on PostgreSQL (migration 0017): pg_trgm's similarity (over 0.3) on the words'
// folded form proposes, most_alike decides. The words come back as spelt, in tsquery_words'
// words: PostgreSQL's 'simple' documents keep accents.
Result<std::vector<std::string>> similar_names_postgres(Connection& c, Id ws, const std::string& term) {
    if (term.size() < 4) return std::vector<std::string>{};
    auto rs = RAPPORT_TRY(c.query("SELECT term FROM search_terms WHERE workspace_id = $1 AND folded % $2 LIMIT 500",
                                  {ws, fold_latin(term)}));
    std::vector<std::pair<std::string, std::string>> words;
    for (const auto& row : rs.rows) {
        for (auto& word : tsquery_words({as_text(row[0])})) words.emplace_back(word, fold_latin(word));
    }
    return most_alike(words, term);
}

// Whether some word of the workspace's records begins with `term` (PostgreSQL). A name's
// word is looked up in the vocabulary (migration 0017: a B-tree range, 0.1 ms). Asking the
// word index instead with LIMIT 1 makes the planner pick a scan that expects a match every
// thousand rows: a word only companies have ("logistica") then passes a million people
// first, 200-250 ms under load, when the scan joins one in progress (synchronize_seqscans).
// Other words (cities, parts of emails, digits) are asked of the word index.
Result<bool> begins_a_word_postgres(Connection& c, Id ws, const std::string& term) {
    const auto parts = tsquery_words({term});
    if (parts.empty()) return false;
    if (parts.size() == 1 &&
        !RAPPORT_TRY(
             c.query("SELECT 1 FROM search_terms WHERE workspace_id = $1 AND term ^@ $2 LIMIT 1", {ws, parts[0]}))
             .empty()) {
        return true;
    }
    return !RAPPORT_TRY(c.query("SELECT 1 FROM search_index WHERE workspace_id = $1 AND document @@ "
                                "lower($2)::tsquery LIMIT 1",
                                {ws, prefix_tsquery(parts)}))
                .empty();
}

}  // namespace

// The same steps as on SQLite. Each reads at most kCandidates rows, newest first, and
// ranks them in C++: ranking every prefix match with ts_rank (9,000 for "rossi", each
// tsvector detoasted) took 850 ms on 1M people; the newest 100 take 4 ms.
Result<std::vector<SearchHit>> search_postgres(Connection& c, Id ws, const SearchQuery& q) {
    Page page(q.limit);
    // `match` is a condition on the row with its operand as $2. `rare`: the matches are
    // gathered first (through the condition's index) and only then sorted, so the planner
    // cannot walk the newest rows hoping to meet 100 matches soon (see step 3).
    auto candidates = [&](const std::string& match, const std::string& operand,
                          bool rare = false) -> Result<std::vector<SearchHit>> {
        Params p{ws, operand};
        const auto partition = search_partition(q.access, p, ws, "entity_id", "entity_type", Dialect::Postgres);
        const std::string access = access_condition(q.access, p, "owner_user_id", "team_id", partition);
        const std::string of_type = type_condition(q, p, "entity_type");
        p.push_back(std::int64_t{kCandidates});
        const std::string rows =
            "SELECT entity_id, entity_type, title, body, 0 FROM search_index WHERE workspace_id = "
            "$1 AND " +
            match + " AND (entity_type = 'interaction' OR " + access + ")" + of_type;
        const std::string limit = " LIMIT $" + std::to_string(p.size());
        if (rare) {
            return collect(c,
                           "WITH m (entity_id, entity_type, title, body, score) AS MATERIALIZED (" + rows +
                               ") SELECT * FROM m ORDER BY entity_id DESC" + limit,
                           p);
        }
        return collect(c, rows + " ORDER BY entity_id DESC" + limit, p);
    };
    // 1. Word prefixes, every term required.
    const auto words = tsquery_words(q.terms);
    if (!words.empty()) {
        page.add(by_match(RAPPORT_TRY(candidates("document @@ lower($2)::tsquery", prefix_tsquery(words))), q.terms));
    }
    if (page.full()) return page.take();
    // Which words begin an indexed word (see search_sqlite): with all of them known, a short
    // page is only a rare combination of them.
    std::vector<bool> known(q.terms.size(), q.terms.size() == 1 && !page.empty());
    if (q.terms.size() > 1) {
        for (std::size_t i = 0; i < q.terms.size(); ++i) {
            known[i] = RAPPORT_TRY(begins_a_word_postgres(c, ws, q.terms[i]));
        }
    }
    if (std::all_of(known.begin(), known.end(), [](bool k) { return k; })) return page.take();
    // 2. Near misses (typos), as on SQLite: each unknown word may be a word of the workspace's
    //    vocabulary of names (migration 0017) alike enough to it. Comparing the whole query
    //    with every title instead (pg_trgm's % on lower(title)) read tens of thousands of rows
    //    for a short typo: 385 ms for "rosi" on 1M people.
    {
        std::string match;
        bool any_alternative = false;
        for (std::size_t i = 0; i < q.terms.size(); ++i) {
            const auto parts = tsquery_words({q.terms[i]});
            if (parts.empty()) continue;
            std::string group = "(" + prefix_tsquery(parts) + ")";
            if (!known[i]) {
                for (const auto& a : RAPPORT_TRY(similar_names_postgres(c, ws, q.terms[i]))) group += " | '" + a + "'";
                any_alternative = any_alternative || group.find(" | ") != std::string::npos;
            }
            match += (match.empty() ? "(" : " & (") + group + ")";
        }
        if (any_alternative) {
            page.add(by_likeness(RAPPORT_TRY(candidates("document @@ lower($2)::tsquery", match)), q.terms));
        }
    }
    if (page.full()) return page.take();
    // 3. Substrings of the text. Five characters or more are rare ("86837" of a phone number
    //    is in a few dozen records): walking the newest rows for 100 of them read all 1.1M
    //    (600 ms), while the trigram index finds them in 1 ms. A shorter one is common, and
    //    the newest rows hold 100 of them soon.
    page.add(by_match(RAPPORT_TRY(candidates("lower(title || ' ' || body) LIKE $2", "%" + like_escape(q.text) + "%",
                                             q.text.size() >= 5)),
                      q.terms));
    return page.take();
}

}  // namespace rapport::storage::search
