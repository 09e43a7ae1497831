#pragma once
#include "domain/audit/audit_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

class SqlAuditRepository final : public domain::AuditRepository {
public:
    explicit SqlAuditRepository(Database& db) : db_(db) {}
    Status append(const domain::AuditEntry& entry) override;
    Result<domain::Page<domain::AuditEntry>> list(Id workspace_id, const domain::AuditQuery& query,
                                                  const domain::PageRequest& page) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
