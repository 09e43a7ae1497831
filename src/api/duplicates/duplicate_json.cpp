#include "api/duplicates/duplicate_json.hpp"

namespace rapport::api {

using nlohmann::json;
using namespace rapport::domain::duplicates;

namespace {

json reasons_of(const std::vector<Reason>& reasons) {
    return json::parse(reasons_json(reasons));
}

json side_json(const CandidateSide& s) {
    return {{"id", id_to_string(s.id)}, {"name", s.name}, {"email", s.email}, {"city", s.city}};
}

}  // namespace

json candidate_json(const DuplicateCandidate& c) {
    return {
        {"id", id_to_string(c.candidate_id)},
        {"entity_type", to_string(c.type)},
        {"score", c.score},
        {"reasons", reasons_of(c.reasons)},
        {"status", to_string(c.status)},
        {"records", json::array({side_json(c.first), side_json(c.second)})},
        {"created_at", c.created_at},
        {"updated_at", c.updated_at},
        {"resolved_at", c.resolved_at ? json(*c.resolved_at) : json(nullptr)},
        {"resolved_by_user_id", c.resolved_by_user_id ? json(id_to_string(*c.resolved_by_user_id)) : json(nullptr)}};
}

json duplicate_hits_json(const std::vector<DuplicateHit>& hits) {
    json out = json::array();
    for (const auto& h : hits) {
        out.push_back({{"candidate_id", h.candidate_id ? json(id_to_string(*h.candidate_id)) : json(nullptr)},
                       {"record", side_json(h.other)},
                       {"score", h.score},
                       {"reasons", reasons_of(h.reasons)}});
    }
    return out;
}

}  // namespace rapport::api
