-- Undo of a bulk delete (domain/customers/bulk_service.hpp): a deleted record as it was,
-- kept for an hour under the undo id its deletion answered with. `record` is the record as
-- JSON (fields, custom, tags, owner, team, flags, timestamps); `segment_ids` the static
-- segments it was a member of, comma-separated. Dropped when restored or when the hour is over.
CREATE TABLE deleted_records (
    workspace_id BIGINT NOT NULL,
    undo_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    record TEXT NOT NULL,
    segment_ids TEXT NOT NULL,
    deleted_at BIGINT NOT NULL,
    deleted_by BIGINT,
    PRIMARY KEY (workspace_id, undo_id, entity_id)
);
CREATE INDEX deleted_records_by_time ON deleted_records (workspace_id, deleted_at);
