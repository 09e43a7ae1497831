#pragma once
// Builds the audit entry of an action by `actor`: one place that knows how an actor,
// a time and a target become an AuditEntry, for every service that audits.
#include <optional>
#include <string>

#include "domain/audit/audit_entry.hpp"
#include "domain/identity/entities.hpp"

namespace rapport::domain {

inline AuditEntry audit_of(const Principal& actor, UnixMillis now, std::string action,
                           std::optional<std::string> target_type, std::optional<std::string> target_id,
                           const std::string& ip, std::string detail = "{}") {
    AuditEntry e;
    e.workspace_id = actor.workspace_id;
    e.audit_id = new_id();
    e.occurred_at = now;
    e.actor_user_id = actor.user_id;
    e.actor_api_key_id = actor.api_key_id;
    e.actor_label = actor.label;
    e.action = std::move(action);
    e.target_type = std::move(target_type);
    e.target_id = std::move(target_id);
    if (!ip.empty()) e.ip = ip;
    e.detail = std::move(detail);
    return e;
}

}  // namespace rapport::domain
