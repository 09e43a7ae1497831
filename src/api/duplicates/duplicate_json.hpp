#pragma once
// JSON of the duplicate review queue: candidates and the duplicates a create reports.
#include <nlohmann/json.hpp>

#include "domain/duplicates/duplicate_service.hpp"

namespace rapport::api {

// {id, entity_type, score, reasons: [{rule, score, similarity?}], status,
//  records: [{id, name, email, city}, {...}], created_at, updated_at, resolved_at, resolved_by_user_id}
nlohmann::json candidate_json(const domain::duplicates::DuplicateCandidate& c);
// {candidate_id, record: {id, name, email, city}, score, reasons}
nlohmann::json duplicate_hits_json(const std::vector<domain::duplicates::DuplicateHit>& hits);

}  // namespace rapport::api
