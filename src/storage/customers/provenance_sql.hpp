#pragma once
// The one statement that records where a field's value came from: one field_provenance row
// per (record, field), the latest source replacing the earlier one. Record writes, imports'
// batches (several rows per statement) and merges use it.
#include <string>

namespace rapport::storage {

inline const std::string kProvenanceInsertHead =
    "INSERT INTO field_provenance (workspace_id, entity_type, entity_id, field, source_kind, source_ref, data_kind,"
    " recorded_at)";
inline const std::string kProvenanceOnConflict =
    " ON CONFLICT (workspace_id, entity_type, entity_id, field) DO UPDATE SET source_kind = excluded.source_kind,"
    " source_ref = excluded.source_ref, data_kind = excluded.data_kind, recorded_at = excluded.recorded_at";
// One row: $1 workspace, $2 entity type, $3 entity id, $4 field, $5 source kind, $6 source
// ref, $7 data kind, $8 recorded at.
inline const std::string kUpsertProvenance =
    kProvenanceInsertHead + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)" + kProvenanceOnConflict;

}  // namespace rapport::storage
