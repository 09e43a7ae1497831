#pragma once
// Storing the cost model's versions and reading the aggregates the computation needs. The
// aggregate readers do the grouping in SQL (one row per group, never one per interaction).
// Thread-safe; each write is one transaction.
#include <map>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/costs/cost_computation.hpp"
#include "domain/costs/cost_model.hpp"

namespace rapport::domain::costs {

class CostRepository {
public:
    virtual ~CostRepository() = default;

    // Every version of the workspace's model, oldest effective day first.
    virtual Result<std::vector<CostModel>> models(Id workspace_id) = 0;
    // Stores `model`, replacing the version with the same effective day if there is one (its
    // version id is kept then); answers the stored version. Writes `audit` in the same transaction.
    virtual Result<CostModel> save_model(const CostModel& model, const AuditEntry& audit) = 0;
    // Removes a version: false when there is none with that id.
    virtual Result<bool> remove_model(Id workspace_id, Id version_id, const AuditEntry& audit) = 0;
    virtual Result<std::vector<Id>> team_ids(Id workspace_id) = 0;

    // SUM(minutes_spent) of interactions occurring in [from, to), by customer, type and author.
    virtual Result<std::vector<MinutesRow>> minutes(Id workspace_id, UnixMillis from, UnixMillis to) = 0;
    // COUNT of inbound and reply messages of conversations occurring in [from, to), by customer and channel.
    virtual Result<std::vector<MessagesRow>> messages(Id workspace_id, UnixMillis from, UnixMillis to) = 0;
    // Every user's role and teams.
    virtual Result<std::map<Id, Author>> authors(Id workspace_id) = 0;
};

}  // namespace rapport::domain::costs
