#pragma once
// The columns of an interaction and how a row of them reads back, for every query that
// selects interactions (the timeline's and the task list's).
#include <string>

#include "domain/timeline/interaction.hpp"
#include "storage/value.hpp"

namespace rapport::storage {

// "workspace_id, interaction_id, ..." (kInteractionColumnCount columns), each prefixed with
// `alias.` when an alias is given.
std::string interaction_columns(const std::string& alias = "");
constexpr std::size_t kInteractionColumnCount = 19;

// Reads the interaction from row[first] .. row[first + kInteractionColumnCount - 1].
domain::timeline::Interaction interaction_from_row(const Row& row, std::size_t first = 0);

}  // namespace rapport::storage
