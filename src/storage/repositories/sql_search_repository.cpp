#include "storage/repositories/sql_search_repository.hpp"

#include <algorithm>
#include <set>

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

// Words made of letters and digits only, for to_tsquery (its operators must not leak in).
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
// actor's partitions are restricted (otherwise no expression is needed).
PartitionColumns search_partition(const domain::AccessFilter& access, Params& p, Id ws, const std::string& id_column,
                                  const std::string& type_column) {
    if (!access.partner_company_id && access.all_partitions) return {};
    p.push_back(ws);
    const std::string n = "$" + std::to_string(p.size());
    return {"(CASE WHEN " + type_column +
                " = 'person' THEN (SELECT sp.buyer_company_id FROM people sp WHERE sp.workspace_id = " + n +
                " AND sp.person_id = " + id_column + ") END)",
            "(CASE WHEN " + type_column + " = 'company' THEN " + id_column + " END)"};
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
// matches tens of thousands of people, and ranking them all cost seconds on 1M people.
constexpr int kSqliteCandidates = 300;

Result<std::vector<SearchHit>> SqlSearchRepository::search_sqlite(Connection& c, Id ws, const SearchQuery& q) {
    std::vector<SearchHit> hits;
    std::set<Id> seen;
    auto add = [&](std::vector<SearchHit> more) {
        std::stable_sort(more.begin(), more.end(),
                         [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
        for (auto& h : more) {
            if (static_cast<int>(hits.size()) >= q.limit) return;
            if (seen.insert(h.entity_id).second) hits.push_back(std::move(h));
        }
    };
    // 1. Word prefixes, every term required, bm25 with names weighted over other text. The
    //    workspace is a plain comparison on the candidates, not a token every row carries
    //    (intersecting with a posting list of the whole workspace cost ~30 ms per query).
    {
        std::string match = "{title body}:(";
        for (std::size_t i = 0; i < q.terms.size(); ++i) match += (i ? " AND " : "") + fts_quote(q.terms[i]) + "*";
        match += ")";
        Params p{match, "w" + std::to_string(ws)};
        const auto partition = search_partition(q.access, p, ws, "search_index.rowid", "entity_type");
        const std::string access = access_condition(q.access, p, "owner_user_id", "team_id", partition);
        p.push_back(std::int64_t{kSqliteCandidates});
        add(RAPPORT_TRY(collect(c,
                                "SELECT rowid, entity_type, title, body, -bm25(search_index, 0.0, 10.0, 1.0) FROM "
                                "search_index WHERE search_index MATCH $1 AND ws = $2 AND (entity_type = "
                                "'interaction' OR " +
                                    access + ") ORDER BY rowid DESC LIMIT $" + std::to_string(p.size()),
                                p)));
    }
    if (static_cast<int>(hits.size()) >= q.limit) return hits;
    // 2. Substrings (inside phone numbers, tax ids, emails, names) and 3. near misses: the
    //    trigram index proposes, the similarity check decides.
    const std::string longest = *std::max_element(q.terms.begin(), q.terms.end(),
                                                  [](const auto& a, const auto& b) { return a.size() < b.size(); });
    if (longest.size() < 3) return hits;
    std::string substrings;
    for (const auto& t : q.terms) {
        if (t.size() >= 3) substrings += (substrings.empty() ? "" : " AND ") + fts_quote(t);
    }
    // Two neighbouring trigrams of the term must both be present: one typo (or an accent the
    // trigram index does not fold) breaks a few and leaves a neighbouring pair intact
    // elsewhere, while a single common trigram ("ale", "ros") would fill the candidates with
    // unrelated names.
    std::vector<std::string> runs;
    for (std::size_t i = 0; i + 3 <= longest.size(); ++i) runs.push_back(fts_quote(longest.substr(i, 3)));
    std::string near;
    for (std::size_t i = 0; i + 1 < runs.size(); ++i) {
        near += (near.empty() ? "(" : " OR (") + runs[i] + " AND " + runs[i + 1] + ")";
    }
    if (near.empty()) near = runs.front();
    auto trigram_candidates = [&](const std::string& match) -> Result<std::vector<SearchHit>> {
        Params p{"text:(" + match + ")", ws};
        const auto partition = search_partition(q.access, p, ws, "i.rowid", "i.entity_type");
        const std::string access = access_condition(q.access, p, "i.owner_user_id", "i.team_id", partition);
        p.push_back(std::int64_t{kSqliteCandidates});
        return collect(c,
                       "SELECT t.rowid, i.entity_type, i.title, i.body, -bm25(search_trigrams) FROM search_trigrams t "
                       "JOIN search_index i ON i.rowid = t.rowid WHERE search_trigrams MATCH $1 AND t.ws = $2 AND " +
                           access + " ORDER BY t.rowid DESC LIMIT $" + std::to_string(p.size()),
                       p);
    };
    // Near misses first: bounded and cheap. A substring of a rare string makes FTS5 intersect
    // long trigram lists to the end, so it runs only when the page is still not full.
    std::vector<SearchHit> alike;
    for (auto& h : RAPPORT_TRY(trigram_candidates(near))) {
        double best = 0;
        for (const auto& word : domain::search::terms_of(h.title)) {
            best = std::max(best, domain::search::trigram_similarity(word, longest));
        }
        if (best < 0.3) continue;
        h.score = best - 2;  // after every exact hit, the most alike first
        alike.push_back(std::move(h));
    }
    const auto new_alike =
        std::count_if(alike.begin(), alike.end(), [&](const SearchHit& h) { return seen.count(h.entity_id) == 0; });
    if (static_cast<int>(hits.size() + static_cast<std::size_t>(new_alike)) < q.limit) {
        add(RAPPORT_TRY(trigram_candidates(substrings)));
    }
    add(std::move(alike));
    return hits;
}

Result<std::vector<SearchHit>> SqlSearchRepository::search_postgres(Connection& c, Id ws, const SearchQuery& q) {
    const auto words = tsquery_words(q.terms);
    std::string tsquery;
    for (const auto& w : words) tsquery += (tsquery.empty() ? "" : " & ") + w + ":*";
    Params p{ws, tsquery.empty() ? std::string("nothing_matches_here") : tsquery, q.text,
             "%" + like_escape(q.text) + "%"};
    const auto partition = search_partition(q.access, p, ws, "entity_id", "entity_type");
    const std::string access = access_condition(q.access, p, "owner_user_id", "team_id", partition);
    p.push_back(std::int64_t{q.limit});
    // similarity() also catches typos (pg_trgm's % operator uses the 0.3 threshold).
    const auto sql = [&](const std::string& match) {
        return "SELECT entity_id, entity_type, title, body,"
               " CASE WHEN document @@ to_tsquery('simple', $2) THEN 1 + ts_rank(document, to_tsquery('simple', $2))"
               " ELSE similarity(lower(title), $3) END AS score"
               " FROM search_index WHERE workspace_id = $1 AND (" +
               match + ") AND (entity_type = 'interaction' OR " + access + ") ORDER BY score DESC, entity_id LIMIT $" +
               std::to_string(p.size());
    };
    // Word-prefix hits score above 1 and every other hit at most 1, so when the prefixes alone
    // fill the page it is the page the full query would return; that query (substrings and
    // typos too, each branch a large index scan for common words) runs only when they do not.
    // Both statements take the same parameters ($3, $4 unused by the first are still bound).
    auto hits =
        RAPPORT_TRY(collect(c, sql("document @@ to_tsquery('simple', $2) AND length($3) >= 0 AND length($4) >= 0"), p));
    if (static_cast<int>(hits.size()) >= q.limit) return hits;
    return collect(c,
                   sql("document @@ to_tsquery('simple', $2) OR lower(title || ' ' || body) LIKE $4"
                       " OR lower(title) % $3"),
                   p);
}

}  // namespace rapport::storage
