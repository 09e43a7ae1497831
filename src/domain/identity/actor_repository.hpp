#pragma once
// What resolving a principal needs from storage (CachedActorDirectory): the workspace, its
// role grants, and the user's teams and partitions. Every query is scoped by workspace_id.
// Implementations must be thread-safe.
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "domain/identity/entities.hpp"
#include "domain/permissions/record_access.hpp"

namespace rapport::domain {

class ActorRepository {
public:
    virtual ~ActorRepository() = default;

    virtual Result<std::optional<Workspace>> find_workspace(Id workspace_id) = 0;
    virtual Result<RoleGrants> role_grants(Id workspace_id) = 0;
    // Team ids the user belongs to (for record-level permissions).
    virtual Result<std::vector<Id>> team_ids_of(Id workspace_id, Id user_id) = 0;
    // The user's B2B2C partitions: the buyer they are a partner user of, if any, and the
    // buyers whose consumers were granted to them or to one of their teams.
    struct PartitionAccess {
        std::optional<Id> partner_company_id;
        std::vector<Id> granted;
    };
    virtual Result<PartitionAccess> partition_access_of(Id workspace_id, Id user_id) = 0;
};

}  // namespace rapport::domain
