#include "domain/identity/cached_actor_directory.hpp"

namespace rapport::domain {

Result<AuthCache::WorkspaceEntry> CachedActorDirectory::cached_workspace(Id workspace_id) {
    const UnixMillis now = clock_.now_ms();
    if (auto hit = cache_.workspace(workspace_id, now)) return *hit;
    auto ws = RAPPORT_TRY(repo_.find_workspace(workspace_id));
    if (!ws) return fail(Error::localized(ErrorCode::NotFound, "identity.workspace_gone"));
    auto grants = RAPPORT_TRY(repo_.role_grants(workspace_id));
    AuthCache::WorkspaceEntry entry{*ws, grants};
    cache_.remember_workspace(entry, now);
    return entry;
}

Result<Workspace> CachedActorDirectory::workspace_of(const Principal& principal) {
    return RAPPORT_TRY(cached_workspace(principal.workspace_id)).workspace;
}

Result<RoleGrants> CachedActorDirectory::role_grants(const Principal& principal) {
    return RAPPORT_TRY(cached_workspace(principal.workspace_id)).grants;
}

Result<Actor> CachedActorDirectory::actor_for(const Principal& principal) {
    Actor a;
    a.user_id = principal.user_id;
    a.role = principal.role;
    if (principal.user_id) {
        a.team_ids = RAPPORT_TRY(repo_.team_ids_of(principal.workspace_id, *principal.user_id));
        auto partitions = RAPPORT_TRY(repo_.partition_access_of(principal.workspace_id, *principal.user_id));
        a.partner_company_id = partitions.partner_company_id;
        a.partitions = std::move(partitions.granted);
    }
    // The owner role is the data controller: every buyer's consumers, and the one who grants them.
    a.all_partitions = principal.role == Role::Owner && !a.partner_company_id;
    return a;
}

Result<bool> CachedActorDirectory::is_partner(const Principal& principal) {
    if (!principal.user_id) return false;
    auto access = RAPPORT_TRY(repo_.partition_access_of(principal.workspace_id, *principal.user_id));
    return access.partner_company_id.has_value();
}

}  // namespace rapport::domain
