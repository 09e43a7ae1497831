#pragma once
// Teams' assignment settings in SQL (both engines); the members and their loads are read from
// team_members, users and conversations.
#include "domain/servicedesk/assignment_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

class SqlAssignmentRepository final : public domain::servicedesk::AssignmentRepository {
public:
    explicit SqlAssignmentRepository(Database& db) : db_(db) {}

    using TeamAssignment = domain::servicedesk::TeamAssignment;

    Result<bool> team_exists(Id workspace_id, Id team_id) override;
    Result<TeamAssignment> get(Id workspace_id, Id team_id) override;
    Status save(const TeamAssignment& settings) override;
    Result<std::optional<Id>> take_next(Id workspace_id, Id team_id, Id conversation_id, UnixMillis now) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
