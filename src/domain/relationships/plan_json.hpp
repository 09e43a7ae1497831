#pragma once
// The JSON form of a plan's entries, one shape for the API and for storage (a version's
// entries are stored as this document):
//   [{"relationship_type": "dedicated_assistance", "motivation": "retention",
//     "team_id": "123" | null, "channels": ["email", "phone"], "note": "...",
//     "targets": [{"metric": "csat_average", "comparator": "at_least", "value": 4.5,
//                  "unit": "score_1_5"}],
//     "threshold": {"measure": "customers_touched_percent", "value": 50}}]
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/relationships/relationship_plan.hpp"

namespace rapport::domain::relationships {

nlohmann::json entry_to_json(const PlanEntry& entry);
nlohmann::json entries_to_json(const std::vector<PlanEntry>& entries);

// Reads entries from `doc` (an array), reporting each shape problem at `pointer`/<index>/...
// in `errors`; entries with problems are still returned as far as they could be read.
// Values are not range-checked here (validate_entries does that).
std::vector<PlanEntry> entries_from_json(const nlohmann::json& doc, const std::string& pointer,
                                         std::vector<FieldError>& errors);

}  // namespace rapport::domain::relationships
