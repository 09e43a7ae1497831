-- Customer segments: what the relationship canvas plans relationships for. A dynamic
-- segment is a saved filter evaluated live; a static one lists its members explicitly.
-- Daily snapshots of the member count give each segment a history.

CREATE TABLE segments (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    segment_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('b2b', 'b2c', 'mixed')),
    entity_type TEXT NOT NULL CHECK (entity_type IN ('company', 'person')),
    segment_type TEXT NOT NULL CHECK (segment_type IN ('dynamic', 'static')),
    -- The filter document (JSON filter language) of a dynamic segment; NULL for static ones.
    filter_json TEXT,
    owner_user_id BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, segment_id),
    UNIQUE (workspace_id, name)
);

-- Members of static segments. entity_id is a company or person id, as the segment's
-- entity_type says (record ids are unique across both).
CREATE TABLE segment_members (
    workspace_id BIGINT NOT NULL,
    segment_id BIGINT NOT NULL,
    entity_id BIGINT NOT NULL,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, segment_id, entity_id),
    FOREIGN KEY (workspace_id, segment_id) REFERENCES segments (workspace_id, segment_id)
);
-- Deleting a record removes its memberships.
CREATE INDEX segment_members_by_entity ON segment_members (workspace_id, entity_id);

-- One row per segment and UTC day: the member count taken that day (the last one wins).
CREATE TABLE segment_snapshots (
    workspace_id BIGINT NOT NULL,
    segment_id BIGINT NOT NULL,
    day TEXT NOT NULL,
    member_count BIGINT NOT NULL,
    taken_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, segment_id, day),
    FOREIGN KEY (workspace_id, segment_id) REFERENCES segments (workspace_id, segment_id)
);
