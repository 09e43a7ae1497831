-- Assignment within a team (issue 15): each team's mode for new conversations and the record
-- of its last automatic assignment, where round robin continues.

CREATE TABLE team_assignment (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    team_id BIGINT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('manual', 'round_robin', 'load_based')),
    last_assigned_user_id BIGINT,
    last_conversation_id BIGINT,
    last_assigned_at BIGINT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, team_id),
    FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, team_id) ON DELETE CASCADE
);
