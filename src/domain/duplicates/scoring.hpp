#pragma once
// How alike two records are: a score from 0 to 100 and the reasons behind it. Pure,
// thread-safe; the same function serves the check of one record and the workspace scan, so
// both find the same pairs.
//
// Rules (each gives a score; the pair scores its best rule plus 3 per further rule, at most 100):
//   vat_id        same VAT id (companies)                                   98
//   pec           same certified email (companies)                          95
//   email         same email                                   people 95, companies 90
//   phone         same E.164 phone                                          85
//   name_company  people: names alike (Jaro-Winkler >= 0.88 of the normalised first names
//                 and of the last names, the lower of the two, in either order; the full
//                 names when a part is missing) and the same primary company  65 .. 95
//   name_city     names alike (companies: legal or trade name) and the same city
//                                                                          60 .. 90
// A fuzzy rule scores 60 + 30 * (similarity - 0.88) / 0.12 (+5 for name_company), so an
// identical normalised name in the same city scores 90.
// Contradictions: two companies with different VAT ids, or two people with different
// birthdays, are different by law or by birth: fuzzy rules do not count for them and exact
// ones are capped at 65 (a group's shared switchboard, a family's shared email).
// Pairs scoring at least kMinScore are recorded as candidates; kLikelyScore is what a create
// with "refuse likely duplicates" refuses.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/duplicates/match_record.hpp"

namespace rapport::domain::duplicates {

inline constexpr int kMinScore = 60;
inline constexpr int kLikelyScore = 85;
inline constexpr double kMinNameSimilarity = 0.88;
inline constexpr std::string_view kRules[] = {"vat_id", "pec", "email", "phone", "name_company", "name_city"};

struct Reason {
    // vat_id, pec, email, phone, name_company, name_city: always one of kRules (static
    // text), so the millions of reasons of a workspace scan allocate nothing for their names.
    std::string_view rule;
    int score = 0;
    double similarity = 1.0;  // of the names, for the fuzzy rules
};

struct Match {
    int score = 0;
    std::vector<Reason> reasons;  // best first
};

// Name similarity of two prepared records (the best of the name orders / names compared).
double name_similarity(EntityType type, const PreparedRecord& a, const PreparedRecord& b);

// nullopt when the pair scores below kMinScore (or is the same record).
std::optional<Match> score_pair(EntityType type, const PreparedRecord& a, const PreparedRecord& b);

// Reasons as stored and served: [{"rule": "email", "score": 95}, {"rule": "name_city",
// "score": 78, "similarity": 0.94}].
std::string reasons_json(const std::vector<Reason>& reasons);
// Rules this version does not know are left out.
std::vector<Reason> parse_reasons(const std::string& json_text);

}  // namespace rapport::domain::duplicates
