#pragma once
#include "domain/teams/team_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

class SqlTeamRepository final : public domain::TeamRepository {
public:
    explicit SqlTeamRepository(Database& db) : db_(db) {}
    Status create_team(const domain::Team& team, const domain::AuditEntry& audit) override;
    Status update_team(const domain::Team& team, const domain::AuditEntry& audit) override;
    Status delete_team(Id workspace_id, Id team_id, const domain::AuditEntry& audit) override;
    Result<std::optional<domain::Team>> find_team(Id workspace_id, Id team_id) override;
    Result<domain::Page<domain::Team>> list_teams(Id workspace_id, const domain::PageRequest& page) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
