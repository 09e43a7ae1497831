-- Data-quality flags (domain/customers/field_flag.hpp): an email, phone or tax id that failed
-- validation but was kept as the raw text of an import whose admin chose
-- "invalid_values": "flag". One row per flagged field of a record; the row goes when a
-- valid value replaces the flagged one, and with the record.
CREATE TABLE field_flags (
    workspace_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL CHECK (entity_type IN ('company', 'person')),
    entity_id BIGINT NOT NULL,
    field TEXT NOT NULL,
    rule TEXT NOT NULL,            -- why the value is invalid, as a rejection would have said
    raw_value TEXT NOT NULL,       -- the value as it arrived (also the record's current value)
    source_kind TEXT NOT NULL,
    source_ref TEXT NOT NULL,      -- e.g. import:<import id>:<file name>
    import_id BIGINT,              -- the import that brought the value
    flagged_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, entity_type, entity_id, field)
);
-- "Which records did this import flag?"
CREATE INDEX field_flags_by_import ON field_flags (workspace_id, import_id);

-- Imported rows that carry flagged values (they are counted as created/updated too).
ALTER TABLE imports ADD COLUMN flagged_count BIGINT NOT NULL DEFAULT 0;
