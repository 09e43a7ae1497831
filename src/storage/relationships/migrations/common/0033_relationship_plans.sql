-- Relationship plans (issue 16): each save of a segment's plan appends a version; versions
-- are never changed. entries_json is the entries' document (domain/relationships/plan_json.hpp).
-- No foreign key to segments: a deleted segment's plan history stays as it was written.
CREATE TABLE relationship_plan_versions (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    segment_id BIGINT NOT NULL,
    version BIGINT NOT NULL CHECK (version >= 1),
    author_user_id BIGINT,
    author_label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    comment TEXT NOT NULL,
    entries_json TEXT NOT NULL,
    PRIMARY KEY (workspace_id, segment_id, version)
);
CREATE INDEX relationship_plan_versions_by_time ON relationship_plan_versions (workspace_id, segment_id, created_at);
