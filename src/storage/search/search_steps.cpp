#include "storage/search/search_steps.hpp"

#include <algorithm>
#include <map>

#include "core/latin_fold.hpp"

namespace rapport::storage::search {

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

std::string type_condition(const SearchQuery& q, Params& p, const std::string& column) {
    if (!q.entity_type) return "";
    p.push_back(*q.entity_type);
    return " AND " + column + " = $" + std::to_string(p.size());
}

std::vector<SearchHit> by_match(std::vector<SearchHit> candidates, const std::vector<std::string>& terms) {
    for (auto& h : candidates) h.score = domain::search::match_score(h.title, h.detail, terms);
    return candidates;
}

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

std::vector<std::string> most_alike(const std::vector<std::pair<std::string, std::string>>& words,
                                    const std::string& term) {
    constexpr std::size_t kMaxAlternatives = 6;
    const std::string folded = fold_latin(term);
    std::map<std::string, double> alike;
    for (const auto& [word, folded_word] : words) {
        // "lombrado" shares few trigrams with "lombardo" but is one swap away.
        if (const auto likeness = domain::search::typo_likeness(folded_word, folded)) alike[word] = *likeness;
    }
    std::vector<std::pair<double, std::string>> ranked;
    for (auto& [word, similarity] : alike) ranked.emplace_back(similarity, word);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ranked.size() && i < kMaxAlternatives; ++i) out.push_back(ranked[i].second);
    return out;
}

}  // namespace rapport::storage::search
