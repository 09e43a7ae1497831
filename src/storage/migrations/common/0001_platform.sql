-- Platform: workspaces, accounts, users (a role per workspace), sessions, API keys,
-- teams, record-level grants and the audit log.
--
-- Every domain table has workspace_id as the first column of its primary key so it can be
-- distributed by workspace on Citus (docs/architecture.md). `accounts` is the one table
-- without it: a login resolves an email before a workspace is known, so it would be a
-- Citus reference table. Times are BIGINT milliseconds since the Unix epoch in both engines.

CREATE TABLE workspaces (
    workspace_id BIGINT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    default_language TEXT NOT NULL DEFAULT 'en',
    created_at BIGINT NOT NULL
);

CREATE TABLE accounts (
    account_id BIGINT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    password_changed_at BIGINT NOT NULL
);

CREATE TABLE users (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    user_id BIGINT NOT NULL,
    account_id BIGINT NOT NULL REFERENCES accounts (account_id),
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'member', 'viewer')),
    language TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, user_id),
    UNIQUE (workspace_id, account_id)
);
CREATE INDEX users_by_account ON users (account_id);

CREATE TABLE sessions (
    workspace_id BIGINT NOT NULL,
    session_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    secret_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ip TEXT,
    user_agent TEXT,
    PRIMARY KEY (workspace_id, session_id),
    FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, user_id) ON DELETE CASCADE
);

CREATE TABLE api_keys (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    key_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'member', 'viewer')),
    secret_hash TEXT NOT NULL,
    created_by_user_id BIGINT,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT,
    PRIMARY KEY (workspace_id, key_id)
);

CREATE TABLE teams (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    team_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sales', 'marketing', 'service', 'it', 'interdisciplinary')),
    description TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, team_id),
    UNIQUE (workspace_id, name)
);

CREATE TABLE team_members (
    workspace_id BIGINT NOT NULL,
    team_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    sales_role TEXT CHECK (sales_role IN ('hunter', 'farmer')),
    PRIMARY KEY (workspace_id, team_id, user_id),
    FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, team_id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, user_id) ON DELETE CASCADE
);
CREATE INDEX team_members_by_user ON team_members (workspace_id, user_id);

-- Which records each role may read and write: none, own (owner is the user), team (the
-- record's team is one of the user's teams, or own), all. Seeded per workspace.
CREATE TABLE role_grants (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'member', 'viewer')),
    read_scope TEXT NOT NULL CHECK (read_scope IN ('none', 'own', 'team', 'all')),
    write_scope TEXT NOT NULL CHECK (write_scope IN ('none', 'own', 'team', 'all')),
    PRIMARY KEY (workspace_id, role)
);

CREATE TABLE audit_log (
    workspace_id BIGINT NOT NULL,
    audit_id BIGINT NOT NULL,
    occurred_at BIGINT NOT NULL,
    actor_user_id BIGINT,
    actor_api_key_id BIGINT,
    actor_label TEXT NOT NULL,
    action TEXT NOT NULL,
    target_type TEXT,
    target_id TEXT,
    ip TEXT,
    detail TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (workspace_id, audit_id)
);
