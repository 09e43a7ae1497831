-- Canned replies (issue 15): a workspace's reply templates, one row per name and language;
-- the rows sharing a name are the versions of one reply in several languages.

CREATE TABLE canned_replies (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    canned_reply_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('en', 'it', 'es', 'pt')),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, canned_reply_id),
    UNIQUE (workspace_id, name, language)
);
