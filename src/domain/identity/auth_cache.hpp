#pragma once
// What the identity area remembers between requests, for `ttl_ms`: the principal of each
// bearer token and each workspace with its role grants. Read on nearly every request,
// changed rarely. Any change that may revoke access (sign-out, a user changed or
// deactivated, an API key revoked, a role grant changed) calls `invalidate()`, which
// forgets both; another server's revocation bites within `ttl_ms`. Memory stays bounded:
// past `kMaxEntries` a map is emptied. Thread-safe.
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.hpp"
#include "domain/identity/entities.hpp"
#include "domain/permissions/record_access.hpp"

namespace rapport::domain {

class AuthCache {
public:
    static constexpr std::size_t kMaxEntries = 50000;

    struct WorkspaceEntry {
        Workspace workspace;
        RoleGrants grants;
    };

    explicit AuthCache(UnixMillis ttl_ms = 5000) : ttl_ms_(ttl_ms) {}

    // The principal remembered for `token`, unless it is older than the ttl at `now`.
    std::optional<Principal> principal(std::string_view token, UnixMillis now) const;
    void remember_principal(std::string_view token, const Principal& principal, UnixMillis now);

    std::optional<WorkspaceEntry> workspace(Id workspace_id, UnixMillis now) const;
    void remember_workspace(const WorkspaceEntry& entry, UnixMillis now);

    // Forgets every principal and workspace.
    void invalidate();

private:
    template <class T>
    struct Entry {
        T value;
        UnixMillis expires_at;
    };

    const UnixMillis ttl_ms_;
    mutable std::shared_mutex mutex_;
    std::unordered_map<std::string, Entry<Principal>> principals_;
    std::unordered_map<Id, Entry<WorkspaceEntry>> workspaces_;
};

}  // namespace rapport::domain
