#pragma once
// The ActorDirectory over storage, with the workspace and its role grants kept in the
// AuthCache (so a role grant change, which invalidates the cache, bites at once on this
// server). Teams and partitions are read on every call. Thread-safe.
#include "core/clock.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/identity/actor_repository.hpp"
#include "domain/identity/auth_cache.hpp"

namespace rapport::domain {

class CachedActorDirectory final : public ActorDirectory {
public:
    CachedActorDirectory(ActorRepository& repo, AuthCache& cache, const Clock& clock)
        : repo_(repo), cache_(cache), clock_(clock) {}

    Result<Workspace> workspace_of(const Principal& principal) override;
    Result<RoleGrants> role_grants(const Principal& principal) override;
    Result<Actor> actor_for(const Principal& principal) override;
    Result<bool> is_partner(const Principal& principal) override;

private:
    Result<AuthCache::WorkspaceEntry> cached_workspace(Id workspace_id);

    ActorRepository& repo_;
    AuthCache& cache_;
    const Clock& clock_;
};

}  // namespace rapport::domain
