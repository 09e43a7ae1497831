#pragma once
// What changing a role's record grants needs from storage (RoleGrantService). The audit
// entry is written in the same transaction as the change. Implementations must be
// thread-safe.
#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/permissions/record_access.hpp"

namespace rapport::domain {

class RoleGrantRepository {
public:
    virtual ~RoleGrantRepository() = default;

    virtual Status set_role_grant(Id workspace_id, const RoleGrant& grant, const AuditEntry& audit) = 0;
};

}  // namespace rapport::domain
