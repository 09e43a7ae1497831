#pragma once
#include "domain/customers/bulk_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// Bulk writes through the customers repository's own statements (write_records,
// remove_record), in one transaction per call; snapshots of deleted records in
// `deleted_records` (migration 0023).
class SqlBulkRepository final : public domain::customers::BulkRepository {
public:
    explicit SqlBulkRepository(Database& db) : db_(db) {}

    Status apply(Id workspace_id, domain::customers::EntityType type,
                 const std::vector<domain::customers::RecordWrite>& updates,
                 const std::vector<domain::customers::DeletedRecord>& deleted,
                 const std::vector<domain::AuditEntry>& audit) override;
    Result<std::vector<domain::customers::DeletedRecord>> deleted(Id workspace_id, domain::customers::EntityType type,
                                                                  Id undo_id, int limit) override;
    Status restore(Id workspace_id, const std::vector<domain::customers::DeletedRecord>& records,
                   const std::vector<domain::customers::RecordWrite>& writes,
                   const std::vector<domain::AuditEntry>& audit) override;
    Status forget_deleted(Id workspace_id, UnixMillis before) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
