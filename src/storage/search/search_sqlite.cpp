// Search on SQLite: FTS5 word prefixes ranked in C++, then trigram substrings, then names
// of the workspace's vocabulary alike to a mistyped word (storage/search/search_steps.hpp).
#include <algorithm>
#include <map>
#include <set>

#include "core/latin_fold.hpp"
#include "storage/search/search_steps.hpp"

namespace rapport::storage::search {

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

// The words of a hit's name and other text, accents folded, as terms_of splits a query.
std::vector<std::string> words_of(const SearchHit& h) {
    return domain::search::terms_of(fold_latin(h.title + " " + h.detail));
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
// (most_alike). A short word has too few trigrams for that, and a swap in the middle breaks
// every pair of a longer one ("gali" has "gal" and "ali", "galli" only the first; "vitarni"
// shares no pair with "vitrani"), so when the pairs propose nothing alike, its first and its
// last trigram do (an edit in one half leaves the other whole). None for terms under four
// letters (too many names are alike).
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
    auto alike = most_alike(words, term);
    if (!alike.empty()) return alike;
    words.clear();
    for (auto& word : RAPPORT_TRY(vocabulary_words_sqlite(c, ws, runs.front() + " OR " + runs.back(), 500))) {
        words.emplace_back(word, word);
    }
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

}  // namespace

Result<std::vector<SearchHit>> search_sqlite(Connection& c, Id ws, const SearchQuery& q) {
    Page page(q.limit);
    // 1. Word prefixes, every term required, names ranked over other text (match_score; FTS5's
    //    bm25 read every posting list of the terms to weigh them: 2-7 ms a query on 1M people).
    //    The workspace is a plain comparison on the candidates, not a token every row carries
    //    (intersecting with a posting list of the whole workspace cost ~30 ms per query).
    auto word_candidates = [&](const std::string& match) -> Result<std::vector<SearchHit>> {
        Params p{match, "w" + std::to_string(ws)};
        const auto partition = search_partition(q.access, p, ws, "search_index.rowid", "entity_type", Dialect::Sqlite);
        const std::string access = access_condition(q.access, p, "owner_user_id", "team_id", partition);
        const std::string of_type = type_condition(q, p, "entity_type");
        p.push_back(std::int64_t{kCandidates});
        return collect(c,
                       "SELECT rowid, entity_type, title, body, 0 FROM search_index WHERE search_index MATCH $1 AND "
                       "ws = $2 AND (entity_type = 'interaction' OR " +
                           access + ")" + of_type + " ORDER BY rowid DESC LIMIT $" + std::to_string(p.size()),
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
    // (Trying every word as a typo whenever nothing was found, even a word that begins a name,
    // cost a third more CPU per search on 1M people: most such queries are rare combinations.)
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
    const std::string of_type = type_condition(q, p, "i.entity_type");
    p.push_back(std::int64_t{kCandidates});
    // No bm25 here either: on trigrams it cost ~50 ms a query (every list is long).
    auto found = RAPPORT_TRY(collect(c,
                                     "SELECT t.rowid, i.entity_type, i.title, i.body, 0 FROM search_trigrams t JOIN "
                                     "search_index i ON i.rowid = t.rowid WHERE search_trigrams MATCH $1 AND t.ws = $2 "
                                     "AND " +
                                         access + of_type + " ORDER BY t.rowid DESC LIMIT $" + std::to_string(p.size()),
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

}  // namespace rapport::storage::search
