#pragma once
// The canvases' figures of a selection that reads every record of its entity type, from the
// rollups of migration 0038 (kept exact by triggers on every write): index range counts and
// hour sums instead of a pass over every customer. A period's whole hours come from the
// rollups, its two partial edge hours from the rows themselves, so every figure is exactly
// what the set-based statements of sql_canvas_repository.cpp compute over all records.
#include <cstdint>
#include <vector>

#include "domain/canvas/canvas_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage::canvas_rollups {

// True when `q` selects every record of its type in the workspace (no filter, no
// restriction, every owner and partition), so the rollups answer for it.
bool selects_everything(const domain::customers::ListQuery& q);

// Records per kind and owner: members, with_owner, key fields filled, owners (largest first),
// records per kind (people: b2b_contact, b2c_consumer, b2b2c).
struct Counts {
    std::int64_t members = 0;
    std::int64_t with_owner = 0;
    std::int64_t filled = 0;
    std::vector<domain::canvas::OwnerLoad> owners;
    std::vector<domain::canvas::KeyCount> by_kind;
};
Result<Counts> counts(Connection& c, Id ws, domain::customers::EntityType type);

// The members, portfolios and timeline activity of selection_facts for every record of `type`
// (conversations and CSAT are left to the caller's statements, which start from the period).
Result<domain::canvas::SelectionFacts> selection_facts(Connection& c, Id ws, domain::customers::EntityType type,
                                                       domain::canvas::Period period, UnixMillis contact_since,
                                                       UnixMillis contact_until);

// Field values of people and companies by data kind, by source kind, and records per source.
struct Values {
    std::vector<domain::canvas::KeyCount> by_data_kind;
    std::vector<domain::canvas::KeyCount> by_source;
    std::vector<domain::canvas::KeyCount> records_by_source;
};
Result<Values> values(Connection& c, Id ws);

}  // namespace rapport::storage::canvas_rollups
