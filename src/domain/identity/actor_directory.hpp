#pragma once
// What the other areas need of identity: who an authenticated principal is as record
// permissions see it. Customers, teams, timeline, search, segments, partitions and
// duplicates depend on this interface, not on the identity services.
// Implementations must be thread-safe.
#include "core/error.hpp"
#include "domain/identity/entities.hpp"
#include "domain/permissions/record_access.hpp"

namespace rapport::domain {

class ActorDirectory {
public:
    virtual ~ActorDirectory() = default;

    // The principal's workspace. NotFound when it no longer exists.
    virtual Result<Workspace> workspace_of(const Principal& principal) = 0;
    // What each role of the principal's workspace may read and write.
    virtual Result<RoleGrants> role_grants(const Principal& principal) = 0;
    // The principal with its teams and B2B2C partitions, for record-level permissions.
    virtual Result<Actor> actor_for(const Principal& principal) = 0;
    // Whether the principal is a buyer's partner user.
    virtual Result<bool> is_partner(const Principal& principal) = 0;
};

}  // namespace rapport::domain
