#pragma once
// Persistence of teams and their members. Thread-safe; each method atomic, with its audit entry.
#include <optional>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/page.hpp"
#include "domain/teams/team.hpp"

namespace rapport::domain {

class TeamRepository {
public:
    virtual ~TeamRepository() = default;
    // Conflict when the name is taken; Validation when a member is not a user of the workspace.
    virtual Status create_team(const Team& team, const AuditEntry& audit) = 0;
    // Replaces name, kind, description and the member list.
    virtual Status update_team(const Team& team, const AuditEntry& audit) = 0;
    virtual Status delete_team(Id workspace_id, Id team_id, const AuditEntry& audit) = 0;
    virtual Result<std::optional<Team>> find_team(Id workspace_id, Id team_id) = 0;
    virtual Result<Page<Team>> list_teams(Id workspace_id, const PageRequest& page) = 0;
};

}  // namespace rapport::domain
