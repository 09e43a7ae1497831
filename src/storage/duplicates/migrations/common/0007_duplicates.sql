-- Duplicate detection and merge (domain/duplicates): the review queue of candidate pairs,
-- the redirects that keep a merged record's id answering with its survivor, and the
-- indexes the per-record check looks neighbours up with.

-- A pair of records of one type that may be the same customer. record_a < record_b, so a
-- pair has one row; it keeps its id (and a dismissal) across later checks and scans.
CREATE TABLE duplicate_candidates (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    candidate_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL CHECK (entity_type IN ('company', 'person')),
    record_a BIGINT NOT NULL,
    record_b BIGINT NOT NULL,
    score BIGINT NOT NULL CHECK (score BETWEEN 0 AND 100),
    reasons TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'merged')),
    -- The detection round that last found the pair: open pairs a newer round of the same
    -- scope no longer finds are removed.
    seen_round BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    resolved_by_user_id BIGINT,
    resolved_at BIGINT,
    PRIMARY KEY (workspace_id, candidate_id),
    UNIQUE (workspace_id, entity_type, record_a, record_b),
    CHECK (record_a < record_b)
);
CREATE INDEX duplicate_candidates_queue ON duplicate_candidates (workspace_id, entity_type, status, score, candidate_id);
CREATE INDEX duplicate_candidates_by_b ON duplicate_candidates (workspace_id, entity_type, record_b);

-- A merged record's id and the record it now lives in.
CREATE TABLE merged_records (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    entity_type TEXT NOT NULL CHECK (entity_type IN ('company', 'person')),
    merged_id BIGINT NOT NULL,
    survivor_id BIGINT NOT NULL,
    merged_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, entity_type, merged_id)
);
CREATE INDEX merged_records_by_survivor ON merged_records (workspace_id, entity_type, survivor_id);

-- Neighbour look-ups of the per-record check (emails and VAT ids have theirs already).
CREATE INDEX people_by_phone ON people (workspace_id, phone);
CREATE INDEX companies_by_pec ON companies (workspace_id, pec);
CREATE INDEX companies_by_phone ON companies (workspace_id, phone);
