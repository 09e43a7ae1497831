#pragma once
#include "domain/relationships/relationship_plan_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// Relationship plan versions in table relationship_plan_versions (migration 0033), one row
// per version with its entries as a JSON document. The same SQL serves both engines.
class SqlRelationshipPlanRepository final : public domain::relationships::RelationshipPlanRepository {
public:
    explicit SqlRelationshipPlanRepository(Database& db) : db_(db) {}
    Status append(const domain::relationships::PlanVersion& version, const domain::AuditEntry& audit) override;
    Result<std::optional<domain::relationships::PlanVersion>> latest(Id workspace_id, Id segment_id) override;
    Result<std::optional<domain::relationships::PlanVersion>> find(Id workspace_id, Id segment_id,
                                                                   std::int64_t version) override;
    Result<std::optional<domain::relationships::PlanVersion>> as_of(Id workspace_id, Id segment_id,
                                                                    UnixMillis at) override;
    Result<std::vector<domain::relationships::PlanVersion>> versions(Id workspace_id, Id segment_id) override;
    Result<std::vector<domain::relationships::PlanVersion>> latest_of_workspace(Id workspace_id) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
