-- CSV imports of companies and people: the uploaded file (transcoded to UTF-8), its mapping
-- and progress, and the rows it rejected. The progress columns double as the checkpoint:
-- each batch of records commits in one transaction with the UPDATE that advances rows_done,
-- so after a crash the import resumes exactly after the last committed batch.

CREATE TABLE imports (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    import_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL CHECK (entity_type IN ('company', 'person')),
    filename TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('uploaded', 'mapped', 'running', 'completed', 'failed', 'cancelled')),
    size_bytes BIGINT NOT NULL,
    encoding TEXT NOT NULL,
    encoding_reason TEXT NOT NULL,
    delimiter TEXT NOT NULL,
    delimiter_reason TEXT NOT NULL,
    has_bom BOOLEAN NOT NULL,
    header TEXT NOT NULL,          -- JSON array of the header row's fields
    rows_total BIGINT NOT NULL,    -- data rows (records after the header)
    mapping TEXT,                  -- JSON, as accepted by PUT .../mapping
    rows_done BIGINT NOT NULL DEFAULT 0,  -- data rows committed: the resume checkpoint
    created_count BIGINT NOT NULL DEFAULT 0,
    updated_count BIGINT NOT NULL DEFAULT 0,
    unchanged_count BIGINT NOT NULL DEFAULT 0,
    rejected_count BIGINT NOT NULL DEFAULT 0,
    run_id BIGINT,                 -- the run that owns a 'running' import; batches check it
    heartbeat_at BIGINT,           -- last batch commit of the run
    created_by_user_id BIGINT,
    created_by_api_key_id BIGINT,
    created_by_label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    started_at BIGINT,
    finished_at BIGINT,
    error TEXT,
    PRIMARY KEY (workspace_id, import_id)
);

-- Apart from `imports` so that progress polls never read the file.
CREATE TABLE import_files (
    workspace_id BIGINT NOT NULL,
    import_id BIGINT NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (workspace_id, import_id),
    FOREIGN KEY (workspace_id, import_id) REFERENCES imports (workspace_id, import_id) ON DELETE CASCADE
);

CREATE TABLE import_rejections (
    workspace_id BIGINT NOT NULL,
    import_id BIGINT NOT NULL,
    row_number BIGINT NOT NULL,    -- 1-based data row
    line BIGINT NOT NULL,          -- physical line where the row starts
    fields TEXT NOT NULL,          -- JSON array: the row as it was in the file
    errors TEXT NOT NULL,          -- JSON array of {field, column, detail}
    PRIMARY KEY (workspace_id, import_id, row_number),
    FOREIGN KEY (workspace_id, import_id) REFERENCES imports (workspace_id, import_id) ON DELETE CASCADE
);

-- Upsert keys: people match on external_id / email, companies on external_id / vat_id /
-- email; every other key already has an index (0002, 0003).
CREATE INDEX companies_by_email ON companies (workspace_id, email);
