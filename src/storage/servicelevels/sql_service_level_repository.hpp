#pragma once
#include "domain/servicelevels/service_level_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

class SqlServiceLevelRepository final : public domain::servicelevels::ServiceLevelRepository {
public:
    explicit SqlServiceLevelRepository(Database& db) : db_(db) {}
    Status insert_calendar(const domain::servicelevels::Calendar& calendar, const domain::AuditEntry& audit) override;
    Status update_calendar(const domain::servicelevels::Calendar& calendar, const domain::AuditEntry& audit) override;
    Status delete_calendar(Id workspace_id, Id calendar_id, const domain::AuditEntry& audit) override;
    Result<std::optional<domain::servicelevels::Calendar>> find_calendar(Id workspace_id, Id calendar_id) override;
    Result<std::vector<domain::servicelevels::Calendar>> list_calendars(Id workspace_id) override;

    Status insert_policy(const domain::servicelevels::SlaPolicy& policy, const domain::AuditEntry& audit) override;
    Status update_policy(const domain::servicelevels::SlaPolicy& policy, const domain::AuditEntry& audit) override;
    Status delete_policy(Id workspace_id, Id policy_id, const domain::AuditEntry& audit) override;
    Result<std::optional<domain::servicelevels::SlaPolicy>> find_policy(Id workspace_id, Id policy_id) override;
    Result<std::vector<domain::servicelevels::SlaPolicy>> list_policies(Id workspace_id) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
