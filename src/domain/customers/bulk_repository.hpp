#pragma once
// Persistence of bulk changes to companies and people (bulk_service.hpp): many record writes
// and deletions in one transaction, and the snapshots that let a bulk delete be undone.
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/customers/customer_repository.hpp"

namespace rapport::domain::customers {

// A deleted record as it was, kept for a while so the deletion can be undone: the record
// (fields, custom values, tags, owner, team, flags, created_at) and the static segments it
// was a member of. Its field history stays in field_history through the deletion.
struct DeletedRecord {
    Id undo_id = 0;
    CustomerRecord record;
    std::vector<Id> segment_ids;
    UnixMillis deleted_at = 0;
    std::optional<Id> deleted_by;  // the user who deleted it
};

class BulkRepository {
public:
    virtual ~BulkRepository() = default;

    // In one transaction: every update (as CustomerRepository::update writes one: row, tags,
    // provenance, history), then every deletion (as CustomerRepository::remove, the record's
    // snapshot kept in `deleted` first), then the `audit` entries. Nothing is written when anything fails
    // (NotFound when an updated or deleted record is gone meanwhile).
    virtual Status apply(Id workspace_id, EntityType type, const std::vector<RecordWrite>& updates,
                         const std::vector<DeletedRecord>& deleted, const std::vector<AuditEntry>& audit) = 0;
    // The snapshots of an undo id, at most `limit`, in record id order.
    virtual Result<std::vector<DeletedRecord>> deleted(Id workspace_id, EntityType type, Id undo_id, int limit) = 0;
    // In one transaction: inserts the records again (with a history entry each), their
    // memberships of static segments that still exist, drops their snapshots, writes `audit`.
    virtual Status restore(Id workspace_id, const std::vector<DeletedRecord>& records,
                           const std::vector<RecordWrite>& writes, const std::vector<AuditEntry>& audit) = 0;
    // Drops the snapshots older than `before` (the undo window is over).
    virtual Status forget_deleted(Id workspace_id, UnixMillis before) = 0;
};

}  // namespace rapport::domain::customers
