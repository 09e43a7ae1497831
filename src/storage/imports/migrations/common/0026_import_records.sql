-- Which records each import created or updated, written with the batch that wrote them: the
-- customers' filter field `imports` (a tag set of import ids) reads it, so an import's finish
-- page links to exactly its records. import_id is kept as text, the form a tag set compares.

CREATE TABLE import_records (
    workspace_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL CHECK (entity_type IN ('company', 'person')),
    entity_id BIGINT NOT NULL,
    import_id TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('created', 'updated')),
    PRIMARY KEY (workspace_id, entity_type, entity_id, import_id)
);
