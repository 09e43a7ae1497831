-- The cost model (domain/costs/cost_model.hpp): one row per version, effective from a UTC day
-- until the next version's. `model` holds the version's rates and fixed costs as a JSON object
-- (team_rates, role_rates, fixed_costs, channel_rates), read and written whole.
CREATE TABLE cost_model_versions (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    version_id BIGINT NOT NULL,
    effective_from TEXT NOT NULL,
    currency TEXT NOT NULL,
    model TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    created_by_user_id BIGINT,
    PRIMARY KEY (workspace_id, version_id),
    UNIQUE (workspace_id, effective_from)
);

-- The cost computation groups a period's interactions and conversation messages in SQL; these
-- indexes let it read only the period's rows of one workspace.
CREATE INDEX interactions_by_time ON interactions (workspace_id, occurred_at);
CREATE INDEX conversation_messages_by_time ON conversation_messages (workspace_id, occurred_at);
