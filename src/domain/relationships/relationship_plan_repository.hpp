#pragma once
// Persistence of relationship plan versions. Versions are never changed or deleted; a save
// appends the next one. Thread-safe; each write atomic, with its audit entry.
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/relationships/relationship_plan.hpp"

namespace rapport::domain::relationships {

class RelationshipPlanRepository {
public:
    virtual ~RelationshipPlanRepository() = default;
    // Appends `version` (its number must be the current version + 1, 1 for the first).
    // Conflict (key relationships.version_stale) when another version was saved first.
    virtual Status append(const PlanVersion& version, const AuditEntry& audit) = 0;
    // The newest version of a segment's plan; nullopt when it has none.
    virtual Result<std::optional<PlanVersion>> latest(Id workspace_id, Id segment_id) = 0;
    virtual Result<std::optional<PlanVersion>> find(Id workspace_id, Id segment_id, std::int64_t version) = 0;
    // The version in force at `at`: the newest created at or before it.
    virtual Result<std::optional<PlanVersion>> as_of(Id workspace_id, Id segment_id, UnixMillis at) = 0;
    // Every version of a segment's plan, oldest first.
    virtual Result<std::vector<PlanVersion>> versions(Id workspace_id, Id segment_id) = 0;
    // The newest version of every segment's plan in the workspace, by segment id.
    virtual Result<std::vector<PlanVersion>> latest_of_workspace(Id workspace_id) = 0;
};

}  // namespace rapport::domain::relationships
