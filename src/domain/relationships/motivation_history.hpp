#pragma once
// Each plan entry's motivation over time. An entry is identified across versions by its
// segment and relationship type; its history lists the versions where its motivation
// changed, starting with the version that added it. When a version drops the entry, the
// history records a change to "no motivation" (planned = false); adding it back records a
// change again.
#include <optional>
#include <vector>

#include "domain/relationships/relationship_plan.hpp"

namespace rapport::domain::relationships {

struct MotivationChange {
    std::int64_t version = 0;
    UnixMillis changed_at = 0;
    bool planned = true;                   // false: the version removed the entry
    std::optional<Motivation> motivation;  // set when planned
};

struct MotivationHistory {
    RelationshipType relationship_type = RelationshipType::PersonalAssistance;
    std::optional<Motivation> current;      // nullopt when the newest version does not plan it
    std::vector<MotivationChange> changes;  // oldest first
};

// From a segment's versions (oldest first): one history per relationship type that any
// version planned, in relationship type order.
std::vector<MotivationHistory> motivation_history(const std::vector<PlanVersion>& versions);

}  // namespace rapport::domain::relationships
