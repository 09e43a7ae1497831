#include "domain/duplicates/scoring.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "domain/duplicates/name_similarity.hpp"

namespace rapport::domain::duplicates {

namespace {

int fuzzy_score(double similarity) {
    const double s = 60.0 + 30.0 * (similarity - kMinNameSimilarity) / (1.0 - kMinNameSimilarity);
    return static_cast<int>(std::lround(std::clamp(s, 60.0, 90.0)));
}

bool same(std::uint64_t a, std::uint64_t b) {
    return a != 0 && a == b;
}
bool differ(std::uint64_t a, std::uint64_t b) {
    return a != 0 && b != 0 && a != b;
}

}  // namespace

double name_similarity(EntityType type, const PreparedRecord& a, const PreparedRecord& b) {
    if (type == EntityType::Person) {
        // First and last names each alike, in either order. The similarity of the whole names
        // let a shared surname carry any first name that starts alike ("brian jackson" and
        // "brittany jackson": 0.96), which made millions of pairs of namesakes' relatives.
        if (a.given.empty() || b.given.empty() || a.family.empty() || b.family.empty()) {
            return jaro_winkler(a.name, b.name);
        }
        const double direct = std::min(jaro_winkler(a.given, b.given), jaro_winkler(a.family, b.family));
        const double swapped = std::min(jaro_winkler(a.given, b.family), jaro_winkler(a.family, b.given));
        return std::max(direct, swapped);
    }
    double best = jaro_winkler(a.name, b.name);
    if (!b.alt_name.empty()) best = std::max(best, jaro_winkler(a.name, b.alt_name));
    if (!a.alt_name.empty()) {
        best = std::max(best, jaro_winkler(a.alt_name, b.name));
        if (!b.alt_name.empty()) best = std::max(best, jaro_winkler(a.alt_name, b.alt_name));
    }
    return best;
}

std::optional<Match> score_pair(EntityType type, const PreparedRecord& a, const PreparedRecord& b) {
    if (a.id == b.id) return std::nullopt;
    const bool company = type == EntityType::Company;
    const bool contradicted = company ? differ(a.tax_id, b.tax_id) : differ(a.birthday, b.birthday);
    Match m;
    if (company && same(a.tax_id, b.tax_id)) m.reasons.push_back({"vat_id", 98, 1.0});
    if (company && same(a.pec, b.pec)) m.reasons.push_back({"pec", 95, 1.0});
    if (same(a.email, b.email)) m.reasons.push_back({"email", company ? 90 : 95, 1.0});
    if (same(a.phone, b.phone)) m.reasons.push_back({"phone", 85, 1.0});
    if (contradicted) {
        for (auto& r : m.reasons) r.score = std::min(r.score, 65);
    } else {
        const bool same_company = !company && a.company_id != 0 && a.company_id == b.company_id;
        const bool same_city = same(a.city, b.city);
        if (same_company || same_city) {
            const double similarity = name_similarity(type, a, b);
            if (similarity >= kMinNameSimilarity) {
                const double rounded = std::round(similarity * 100.0) / 100.0;
                if (same_company) m.reasons.push_back({"name_company", fuzzy_score(similarity) + 5, rounded});
                if (same_city) m.reasons.push_back({"name_city", fuzzy_score(similarity), rounded});
            }
        }
    }
    if (m.reasons.empty()) return std::nullopt;
    std::stable_sort(m.reasons.begin(), m.reasons.end(),
                     [](const Reason& x, const Reason& y) { return x.score > y.score; });
    m.score = std::min(100, m.reasons.front().score + 3 * static_cast<int>(m.reasons.size() - 1));
    if (m.score < kMinScore) return std::nullopt;
    return m;
}

std::string reasons_json(const std::vector<Reason>& reasons) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : reasons) {
        nlohmann::json item = {{"rule", r.rule}, {"score", r.score}};
        if (r.rule == "name_city" || r.rule == "name_company") item["similarity"] = r.similarity;
        out.push_back(std::move(item));
    }
    return out.dump();
}

std::vector<Reason> parse_reasons(const std::string& json_text) {
    std::vector<Reason> out;
    const auto doc = nlohmann::json::parse(json_text, nullptr, false);
    if (!doc.is_array()) return out;
    for (const auto& item : doc) {
        if (!item.is_object() || !item.contains("rule") || !item["rule"].is_string()) continue;
        const auto& rule = item["rule"].get_ref<const std::string&>();
        const auto known = std::find(std::begin(kRules), std::end(kRules), rule);
        if (known == std::end(kRules)) continue;
        Reason r;
        r.rule = *known;
        r.score = item.value("score", 0);
        r.similarity = item.value("similarity", 1.0);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace rapport::domain::duplicates
