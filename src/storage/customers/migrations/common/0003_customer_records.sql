-- Customer records in full: external ids, custom field values, tags, per-field
-- provenance and history, custom field definitions, merge redirects, erasure marks,
-- and the timeline of interactions.

ALTER TABLE companies ADD COLUMN external_id TEXT;
ALTER TABLE companies ADD COLUMN custom TEXT NOT NULL DEFAULT '{}';
ALTER TABLE companies ADD COLUMN merged_into_id BIGINT;
CREATE INDEX companies_by_external_id ON companies (workspace_id, external_id);
CREATE INDEX companies_by_city ON companies (workspace_id, city, company_id);

ALTER TABLE people ADD COLUMN external_id TEXT;
ALTER TABLE people ADD COLUMN custom TEXT NOT NULL DEFAULT '{}';
ALTER TABLE people ADD COLUMN merged_into_id BIGINT;
ALTER TABLE people ADD COLUMN erased_at BIGINT;
CREATE INDEX people_by_external_id ON people (workspace_id, external_id);
CREATE INDEX people_by_city_last_name ON people (workspace_id, city, last_name, person_id);

-- entity_type is 'company' or 'person' in the tables below.
CREATE TABLE tags (
    workspace_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (workspace_id, entity_type, entity_id, tag)
);
CREATE INDEX tags_by_tag ON tags (workspace_id, entity_type, tag);

-- Where each field's current value came from, and which kind of data it is.
CREATE TABLE field_provenance (
    workspace_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    field TEXT NOT NULL,
    source_kind TEXT NOT NULL CHECK (source_kind IN ('manual', 'import', 'api', 'connector', 'merge', 'system')),
    source_ref TEXT NOT NULL,
    data_kind TEXT NOT NULL CHECK (data_kind IN ('zero_party', 'first_party', 'second_party', 'third_party')),
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, entity_type, entity_id, field)
);

-- Who changed which field from what to what, when, through which source.
CREATE TABLE field_history (
    workspace_id BIGINT NOT NULL,
    history_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    changed_at BIGINT NOT NULL,
    actor_user_id BIGINT,
    actor_label TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    source_ref TEXT NOT NULL,
    PRIMARY KEY (workspace_id, history_id)
);
CREATE INDEX field_history_by_entity ON field_history (workspace_id, entity_type, entity_id, history_id);

CREATE TABLE custom_field_defs (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    entity_type TEXT NOT NULL CHECK (entity_type IN ('company', 'person')),
    field_key TEXT NOT NULL,
    label TEXT NOT NULL,
    field_type TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '[]',
    currency TEXT,
    required BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, entity_type, field_key)
);

CREATE TABLE interactions (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    interaction_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('note', 'call', 'meeting', 'email', 'task')),
    person_id BIGINT,
    company_id BIGINT,
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    channel TEXT CHECK (channel IN ('email', 'phone', 'chat', 'in_person', 'web', 'social', 'letter')),
    direction TEXT CHECK (direction IN ('inbound', 'outbound')),
    relationship_type TEXT CHECK (relationship_type IN ('personal_assistance', 'dedicated_assistance',
                                                        'self_service', 'automated', 'community', 'co_creation')),
    minutes_spent BIGINT NOT NULL DEFAULT 0,
    occurred_at BIGINT NOT NULL,
    due_at BIGINT,
    assignee_user_id BIGINT,
    completed_at BIGINT,
    owner_user_id BIGINT,
    team_id BIGINT,
    created_by_user_id BIGINT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, interaction_id)
);
CREATE INDEX interactions_by_person ON interactions (workspace_id, person_id, occurred_at);
CREATE INDEX interactions_by_company ON interactions (workspace_id, company_id, occurred_at);
