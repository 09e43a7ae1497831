#include "domain/identity/auth_cache.hpp"

namespace rapport::domain {

std::optional<Principal> AuthCache::principal(std::string_view token, UnixMillis now) const {
    std::shared_lock lock(mutex_);
    auto it = principals_.find(std::string(token));
    if (it != principals_.end() && it->second.expires_at > now) return it->second.value;
    return std::nullopt;
}

void AuthCache::remember_principal(std::string_view token, const Principal& principal, UnixMillis now) {
    std::unique_lock lock(mutex_);
    if (principals_.size() >= kMaxEntries) principals_.clear();
    principals_[std::string(token)] = Entry<Principal>{principal, now + ttl_ms_};
}

std::optional<AuthCache::WorkspaceEntry> AuthCache::workspace(Id workspace_id, UnixMillis now) const {
    std::shared_lock lock(mutex_);
    auto it = workspaces_.find(workspace_id);
    if (it != workspaces_.end() && it->second.expires_at > now) return it->second.value;
    return std::nullopt;
}

void AuthCache::remember_workspace(const WorkspaceEntry& entry, UnixMillis now) {
    std::unique_lock lock(mutex_);
    if (workspaces_.size() >= kMaxEntries) workspaces_.clear();
    workspaces_[entry.workspace.workspace_id] = Entry<WorkspaceEntry>{entry, now + ttl_ms_};
}

void AuthCache::invalidate() {
    std::unique_lock lock(mutex_);
    principals_.clear();
    workspaces_.clear();
}

}  // namespace rapport::domain
