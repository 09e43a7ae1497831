#pragma once
#include "domain/costs/cost_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// The costs area's SQL (migration 0034): the model's versions, and the grouped reads of the
// timeline's interactions, the service desk's messages, users and team members.
class SqlCostRepository final : public domain::costs::CostRepository {
public:
    explicit SqlCostRepository(Database& db) : db_(db) {}

    Result<std::vector<domain::costs::CostModel>> models(Id workspace_id) override;
    Result<domain::costs::CostModel> save_model(const domain::costs::CostModel& model,
                                                const domain::AuditEntry& audit) override;
    Result<bool> remove_model(Id workspace_id, Id version_id, const domain::AuditEntry& audit) override;
    Result<std::vector<Id>> team_ids(Id workspace_id) override;
    Result<std::vector<domain::costs::MinutesRow>> minutes(Id workspace_id, UnixMillis from, UnixMillis to) override;
    Result<std::vector<domain::costs::MessagesRow>> messages(Id workspace_id, UnixMillis from, UnixMillis to) override;
    Result<std::map<Id, domain::costs::Author>> authors(Id workspace_id) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
