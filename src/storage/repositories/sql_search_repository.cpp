#include "storage/repositories/sql_search_repository.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/latin_fold.hpp"

#include "storage/access_filter_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using domain::search::SearchHit;
using domain::search::SearchQuery;

namespace {

// FTS5 string literal: double quotes inside are doubled.
std::string fts_quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

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

Result<std::vector<SearchHit>> collect(Connection& c, const std::string& sql, const Params& params) {
    auto rs = RAPPORT_TRY(c.query(sql, params));
    std::vector<SearchHit> out;
    for (const auto& r : rs.rows) {
        SearchHit h;
        h.entity_id = as_int(r[0]);
        h.entity_type = as_text(r[1]);
        h.title = as_text(r[2]);
        h.detail = as_text(r[3]);
        h.score = as_double(r[4]);
        out.push_back(std::move(h));
    }
    return out;
}

// The B2B2C partition of a search row, for access_condition; binds the workspace when the
// actor's partitions are restricted (otherwise no expression is needed). SQLite's word index
// does not keep a consumer's buyer, so it is read from people per candidate (at most
// kSqliteCandidates); PostgreSQL's search_index keeps it (migration 0017), because its
// planner may test the condition on every row a scan passes.
PartitionColumns search_partition(const domain::AccessFilter& access, Params& p, Id ws, const std::string& id_column,
                                  const std::string& type_column, Dialect dialect) {
    if (!access.partner_company_id && access.all_partitions) return {};
    const std::string company = "(CASE WHEN " + type_column + " = 'company' THEN " + id_column + " END)";
    if (dialect == Dialect::Postgres) return {"buyer_company_id", company};
    p.push_back(ws);
    const std::string n = "$" + std::to_string(p.size());
    return {"(CASE WHEN " + type_column +
                " = 'person' THEN (SELECT sp.buyer_company_id FROM people sp WHERE sp.workspace_id = " + n +
                " AND sp.person_id = " + id_column + ") END)",
            company};
}

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

// The words of a hit's name and other text, accents folded, as terms_of splits a query.
std::vector<std::string> words_of(const SearchHit& h) {
    return domain::search::terms_of(fold_latin(h.title + " " + h.detail));
}

// Candidates scored by how well their text answers the terms (see match_score).
std::vector<SearchHit> by_match(std::vector<SearchHit> candidates, const std::vector<std::string>& terms) {
    for (auto& h : candidates) h.score = domain::search::match_score(h.title, h.detail, terms);
    return candidates;
}

// Candidates scored by how alike their names are to the terms, accents folded: for each term
// the best trigram similarity of a word of the title, summed.
std::vector<SearchHit> by_likeness(std::vector<SearchHit> candidates, const std::vector<std::string>& terms) {
    std::vector<std::string> folded_terms;
    for (const auto& t : terms) folded_terms.push_back(fold_latin(t));
    for (auto& h : candidates) {
        const auto words = domain::search::terms_of(fold_latin(h.title));
        double score = 0;
        for (const auto& term : folded_terms) {
            double best = 0;
            for (const auto& word : words) best = std::max(best, domain::search::trigram_similarity(word, term));
            score += best;
        }
        h.score = score;
    }
    return candidates;
}

// The words alike enough to `term` (accents folded) to be what was meant: at most 6, the most
// alike first. `words` pairs a word as the index spells it with its folded form.
std::vector<std::string> most_alike(const std::vector<std::pair<std::string, std::string>>& words,
                                    const std::string& term) {
    constexpr double kAlike = 0.45;
    constexpr std::size_t kMaxAlternatives = 6;
    const std::string folded = fold_latin(term);
    std::map<std::string, double> alike;
    for (const auto& [word, folded_word] : words) {
        const double similarity = domain::search::trigram_similarity(folded_word, folded);
        if (similarity >= kAlike && folded_word != folded) alike[word] = similarity;
    }
    std::vector<std::pair<double, std::string>> ranked;
    for (auto& [word, similarity] : alike) ranked.emplace_back(similarity, word);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ranked.size() && i < kMaxAlternatives; ++i) out.push_back(ranked[i].second);
    return out;
}

// The words of the workspace's vocabulary of names (SQLite, migration 0013) whose entries
// match `match`, an FTS5 query of its trigram index; at most `limit` entries, each split into
// words and folded, as FTS5's word index (remove_diacritics) has them.
Result<std::vector<std::string>> vocabulary_words_sqlite(Connection& c, Id ws, const std::string& match, int limit) {
    // CROSS JOIN keeps the trigram match first. Without statistics on search_terms (a
    // database whose ANALYZE ran while it was empty, as one grown by imports is), the planner
    // read the workspace's vocabulary and evaluated the match once per word: 80-100 ms per
    // typo at 1M people instead of 1-3.
    auto rs =
        RAPPORT_TRY(c.query("SELECT s.term FROM search_term_trigrams t CROSS JOIN search_terms s ON s.term_id = t.rowid"
                            " WHERE search_term_trigrams MATCH $1 AND s.workspace_id = $2 LIMIT $3",
                            {match, ws, std::int64_t{limit}}));
    std::vector<std::string> words;
    for (const auto& row : rs.rows) {
        for (auto& word : domain::search::terms_of(fold_latin(as_text(row[0])))) words.push_back(std::move(word));
    }
    return words;
}

// Names of the vocabulary alike enough to `term`: candidates share two neighbouring trigrams
// with it (one typo, or an accent the trigram tokenizer does not fold, breaks a few and
// leaves a neighbouring pair intact, while one common trigram such as "ros" would propose
// half the vocabulary), then each word of a candidate is compared with the term
// (most_alike). None for terms under four letters (too many names are alike).
Result<std::vector<std::string>> similar_names_sqlite(Connection& c, Id ws, const std::string& term) {
    if (term.size() < 4) return std::vector<std::string>{};
    std::vector<std::string> runs;
    for (std::size_t i = 0; i + 3 <= term.size(); ++i) runs.push_back(fts_quote(term.substr(i, 3)));
    std::string near;
    for (std::size_t i = 0; i + 1 < runs.size(); ++i) {
        near += (near.empty() ? "(" : " OR (") + runs[i] + " AND " + runs[i + 1] + ")";
    }
    std::vector<std::pair<std::string, std::string>> words;
    for (auto& word : RAPPORT_TRY(vocabulary_words_sqlite(c, ws, near, 500))) words.emplace_back(word, word);
    return most_alike(words, term);
}

// Names of the vocabulary that contain `term` (three letters or more: the trigram index
// matches any substring of a word); at most 50 vocabulary entries are read.
Result<std::vector<std::string>> names_containing(Connection& c, Id ws, const std::string& term) {
    const std::string folded = fold_latin(term);
    std::set<std::string> out;
    for (auto& word : RAPPORT_TRY(vocabulary_words_sqlite(c, ws, fts_quote(term), 50))) {
        if (word.find(folded) != std::string::npos) out.insert(std::move(word));
    }
    return std::vector<std::string>(out.begin(), out.end());
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

Result<std::vector<SearchHit>> SqlSearchRepository::search(Id ws, const SearchQuery& q) {
    return read(db_, [&](Connection& c) -> Result<std::vector<SearchHit>> {
        if (c.dialect() == Dialect::Sqlite) return search_sqlite(c, ws, q);
        return search_postgres(c, ws, q);
    });
}

// Every step below reads at most this many matches, newest first (FTS5 walks its posting
// lists in row id order, and ids grow with time), and ranks only those: a common surname
// matches tens of thousands of people, and ranking them all cost seconds on 1M people. 100
// rather than 300: a fifth less CPU per search at the same ranking of the first page.
constexpr int kSqliteCandidates = 100;

Result<std::vector<SearchHit>> SqlSearchRepository::search_sqlite(Connection& c, Id ws, const SearchQuery& q) {
    Page page(q.limit);
    // 1. Word prefixes, every term required, names ranked over other text (match_score; FTS5's
    //    bm25 read every posting list of the terms to weigh them: 2-7 ms a query on 1M people).
    //    The workspace is a plain comparison on the candidates, not a token every row carries
    //    (intersecting with a posting list of the whole workspace cost ~30 ms per query).
    auto word_candidates = [&](const std::string& match) -> Result<std::vector<SearchHit>> {
        Params p{match, "w" + std::to_string(ws)};
        const auto partition = search_partition(q.access, p, ws, "search_index.rowid", "entity_type", Dialect::Sqlite);
        const std::string access = access_condition(q.access, p, "owner_user_id", "team_id", partition);
        p.push_back(std::int64_t{kSqliteCandidates});
        return collect(c,
                       "SELECT rowid, entity_type, title, body, 0 FROM search_index WHERE search_index MATCH $1 AND "
                       "ws = $2 AND (entity_type = 'interaction' OR " +
                           access + ") ORDER BY rowid DESC LIMIT $" + std::to_string(p.size()),
                       p);
    };
    {
        // A one-letter word ("Distribuzione De L") begins a twentieth of all words: FTS5 merged
        // their posting lists (100 ms on 1M people). Beside longer words it only filters what
        // they find.
        const bool longer = std::any_of(q.terms.begin(), q.terms.end(), [](const auto& t) { return t.size() > 1; });
        std::string match, initials;
        for (const auto& t : q.terms) {
            if (longer && t.size() == 1) {
                initials += t;
                continue;
            }
            match += (match.empty() ? "" : " AND ") + fts_quote(t) + "*";
        }
        auto found = RAPPORT_TRY(word_candidates("{title body}:(" + match + ")"));
        std::erase_if(found, [&](const SearchHit& h) {
            const auto words = words_of(h);
            return !std::all_of(initials.begin(), initials.end(), [&](char initial) {
                return std::any_of(words.begin(), words.end(), [&](const auto& w) { return w.front() == initial; });
            });
        });
        page.add(by_match(std::move(found), q.terms));
    }
    if (page.full()) return page.take();

    // Which words begin a word of the workspace's index: those are what the user meant, and
    // a page left short by step 1 is only a rare combination of them (looking for typos or
    // substrings of known words cost 10-40 ms and found nothing better). With one word,
    // step 1 already answered.
    std::vector<bool> known(q.terms.size(), q.terms.size() == 1 && !page.empty());
    if (q.terms.size() > 1) {
        for (std::size_t i = 0; i < q.terms.size(); ++i) {
            known[i] =
                !RAPPORT_TRY(c.query("SELECT 1 FROM search_index WHERE search_index MATCH $1 AND ws = $2 LIMIT 1",
                                     {"{title body}:(" + fts_quote(q.terms[i]) + "*)", "w" + std::to_string(ws)}))
                     .empty();
        }
    }
    if (std::all_of(known.begin(), known.end(), [](bool k) { return k; })) return page.take();

    // 2. Near misses (typos): each unknown word of four letters or more may be a word of the
    //    workspace's vocabulary of names (migration 0013) alike enough to it; the words of step
    //    1 are searched again with those alternatives, and the hits ranked by how alike their
    //    names are. The vocabulary holds name words only: thousands where records are a million.
    {
        std::string match = "{title body}:(";
        bool any_alternative = false;
        for (std::size_t i = 0; i < q.terms.size(); ++i) {
            std::string group = fts_quote(q.terms[i]) + "*";
            if (!known[i]) {
                const auto alternatives = RAPPORT_TRY(similar_names_sqlite(c, ws, q.terms[i]));
                for (const auto& a : alternatives) group += " OR " + fts_quote(a);
                any_alternative = any_alternative || !alternatives.empty();
            }
            match += (i ? " AND (" : "(") + group + ")";
        }
        if (any_alternative) page.add(by_likeness(RAPPORT_TRY(word_candidates(match + ")")), q.terms));
    }
    if (page.full()) return page.take();

    // 3. Substrings, as some word begins no word and the page is still not full. A term with a
    //    digit (inside a phone number or a tax id) is looked up in the records' trigram index,
    //    which holds those only (migration 0019); a term of letters, three or more, in the
    //    vocabulary of names, and the words containing it are searched for as in step 1
    //    (every term required). Names and emails in the trigram index cost every record
    //    written ~55 trigrams for what the vocabulary finds among thousands of words.
    std::string numbers;
    std::vector<std::vector<std::string>> named;  // per term of letters: the words containing it
    for (const auto& t : q.terms) {
        if (t.size() < 3) continue;
        if (std::any_of(t.begin(), t.end(), [](unsigned char ch) { return std::isdigit(ch) != 0; })) {
            numbers += (numbers.empty() ? "" : " AND ") + fts_quote(t);
            continue;
        }
        named.push_back(RAPPORT_TRY(names_containing(c, ws, t)));
        if (named.back().empty()) return page.take();  // no record can hold every term
    }
    if (numbers.empty()) {
        if (named.empty()) return page.take();
        std::string match = "{title body}:(";
        for (std::size_t i = 0; i < named.size(); ++i) {
            match += i ? " AND (" : "(";
            for (std::size_t k = 0; k < named[i].size(); ++k) match += (k ? " OR " : "") + fts_quote(named[i][k]);
            match += ")";
        }
        page.add(by_match(RAPPORT_TRY(word_candidates(match + ")")), q.terms));
        return page.take();
    }
    Params p{"text:(" + numbers + ")", ws};
    const auto partition = search_partition(q.access, p, ws, "i.rowid", "i.entity_type", Dialect::Sqlite);
    const std::string access = access_condition(q.access, p, "i.owner_user_id", "i.team_id", partition);
    p.push_back(std::int64_t{kSqliteCandidates});
    // No bm25 here either: on trigrams it cost ~50 ms a query (every list is long).
    auto found = RAPPORT_TRY(collect(c,
                                     "SELECT t.rowid, i.entity_type, i.title, i.body, 0 FROM search_trigrams t JOIN "
                                     "search_index i ON i.rowid = t.rowid WHERE search_trigrams MATCH $1 AND t.ws = $2 "
                                     "AND " +
                                         access + " ORDER BY t.rowid DESC LIMIT $" + std::to_string(p.size()),
                                     p));
    // Terms of letters beside a number: a word of the record contains each.
    std::erase_if(found, [&](const SearchHit& h) {
        const auto words = words_of(h);
        return !std::all_of(named.begin(), named.end(), [&](const auto& containing) {
            return std::any_of(words.begin(), words.end(), [&](const auto& w) {
                return std::find(containing.begin(), containing.end(), w) != containing.end();
            });
        });
    });
    page.add(by_match(std::move(found), q.terms));
    return page.take();
}

// The same steps as on SQLite. Each reads at most kSqliteCandidates rows, newest first, and
// ranks them in C++: ranking every prefix match with ts_rank (9,000 for "rossi", each
// tsvector detoasted) took 850 ms on 1M people; the newest 100 take 4 ms.
Result<std::vector<SearchHit>> SqlSearchRepository::search_postgres(Connection& c, Id ws, const SearchQuery& q) {
    Page page(q.limit);
    // `match` is a condition on the row with its operand as $2. `rare`: the matches are
    // gathered first (through the condition's index) and only then sorted, so the planner
    // cannot walk the newest rows hoping to meet 100 matches soon (see step 3).
    auto candidates = [&](const std::string& match, const std::string& operand,
                          bool rare = false) -> Result<std::vector<SearchHit>> {
        Params p{ws, operand};
        const auto partition = search_partition(q.access, p, ws, "entity_id", "entity_type", Dialect::Postgres);
        const std::string access = access_condition(q.access, p, "owner_user_id", "team_id", partition);
        p.push_back(std::int64_t{kSqliteCandidates});
        const std::string rows =
            "SELECT entity_id, entity_type, title, body, 0 FROM search_index WHERE workspace_id = "
            "$1 AND " +
            match + " AND (entity_type = 'interaction' OR " + access + ")";
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

}  // namespace rapport::storage
