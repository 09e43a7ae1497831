#pragma once
// Storage of B2B2C partition grants and partner users. Every write records its audit entry
// in the same transaction.
#include <cstdint>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/partitions/partition.hpp"

namespace rapport::domain::partitions {

class PartitionRepository {
public:
    virtual ~PartitionRepository() = default;

    // Every consumer of the buyer, whoever may read them (an aggregate).
    virtual Result<std::int64_t> consumer_count(Id workspace_id, Id buyer_company_id) = 0;
    virtual Result<std::vector<PartitionGrant>> grants(Id workspace_id, Id buyer_company_id) = 0;
    virtual Result<std::vector<PartnerUser>> partners(Id workspace_id, Id buyer_company_id) = 0;

    // Idempotent: granting twice keeps the first grant.
    virtual Status add_grant(const PartitionGrant& grant, const AuditEntry& audit) = 0;
    // False when there was no such grant (nothing is written then).
    virtual Result<bool> remove_grant(Id workspace_id, Id buyer_company_id, GranteeKind kind, Id grantee_id,
                                      const AuditEntry& audit) = 0;
    // Makes the user a partner user of the buyer (replacing another buyer, if any).
    virtual Status bind_partner(Id workspace_id, Id user_id, Id buyer_company_id, UnixMillis at,
                                const AuditEntry& audit) = 0;
    // False when the user was not a partner user of this buyer.
    virtual Result<bool> unbind_partner(Id workspace_id, Id user_id, Id buyer_company_id, const AuditEntry& audit) = 0;
};

}  // namespace rapport::domain::partitions
