#pragma once
#include "domain/partitions/partition_repository.hpp"
#include "domain/partitions/visible_names_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

class SqlPartitionRepository final : public domain::partitions::PartitionRepository,
                                     public domain::partitions::VisibleNamesRepository {
public:
    explicit SqlPartitionRepository(Database& db) : db_(db) {}
    Result<std::int64_t> consumer_count(Id workspace_id, Id buyer_company_id) override;
    Result<domain::partitions::Names> all_names(Id workspace_id) override;
    Result<domain::partitions::Names> names_around_buyer(Id workspace_id, Id buyer_company_id,
                                                         std::optional<Id> self) override;
    Result<std::vector<domain::partitions::PartitionGrant>> grants(Id workspace_id, Id buyer_company_id) override;
    Result<std::vector<domain::partitions::PartnerUser>> partners(Id workspace_id, Id buyer_company_id) override;
    Status add_grant(const domain::partitions::PartitionGrant& grant, const domain::AuditEntry& audit) override;
    Result<bool> remove_grant(Id workspace_id, Id buyer_company_id, domain::partitions::GranteeKind kind, Id grantee_id,
                              const domain::AuditEntry& audit) override;
    Status bind_partner(Id workspace_id, Id user_id, Id buyer_company_id, UnixMillis at,
                        const domain::AuditEntry& audit) override;
    Result<bool> unbind_partner(Id workspace_id, Id user_id, Id buyer_company_id,
                                const domain::AuditEntry& audit) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
