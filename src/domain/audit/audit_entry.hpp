#pragma once
// One security-relevant event: a login, a failed login, a change to users, roles, teams
// or API keys. Written in the same transaction as the change it records.
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/ids.hpp"

namespace rapport::domain {

struct AuditEntry {
    Id workspace_id = 0;
    Id audit_id = 0;
    UnixMillis occurred_at = 0;
    std::optional<Id> actor_user_id;
    std::optional<Id> actor_api_key_id;
    std::string actor_label;  // who, readable even after the user is gone
    std::string action;       // "auth.login", "user.created", "api_key.revoked", ...
    std::optional<std::string> target_type;
    std::optional<std::string> target_id;
    std::optional<std::string> ip;
    std::string detail = "{}";  // JSON object with the specifics (old/new role, ...)
};

}  // namespace rapport::domain
