-- The public contact form (issue 15): one per workspace, with the team its conversations go
-- to, the origins allowed to post from a browser (newline-separated) and the secret that
-- signs its form tokens.

CREATE TABLE contact_forms (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    enabled BOOLEAN NOT NULL DEFAULT FALSE,
    team_id BIGINT,
    allowed_origins TEXT NOT NULL DEFAULT '',
    success_message TEXT NOT NULL DEFAULT '',
    secret TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id)
);
