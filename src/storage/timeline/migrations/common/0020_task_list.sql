-- Tasks as a list (issue 14): who gave a task its assignee and when, so an assignee's desk
-- can say what is new to them; and the indexes of the task list, the desk's task card and
-- the records a user touched by logging interactions (no scan of the workspace's interactions).
ALTER TABLE interactions ADD COLUMN assigned_at BIGINT;
ALTER TABLE interactions ADD COLUMN assigned_by_user_id BIGINT;
UPDATE interactions SET assigned_at = created_at, assigned_by_user_id = created_by_user_id
    WHERE assignee_user_id IS NOT NULL;

-- "my tasks", a team's tasks (one range per member), the desk's counts: by due date.
CREATE INDEX interactions_tasks_by_assignee ON interactions (workspace_id, assignee_user_id, due_at, interaction_id)
    WHERE kind = 'task';
-- every task the reader may see, by due date.
CREATE INDEX interactions_tasks_by_due ON interactions (workspace_id, due_at, interaction_id) WHERE kind = 'task';
-- the interactions a user logged, newest first (the desk's recently touched records).
CREATE INDEX interactions_by_author ON interactions (workspace_id, created_by_user_id, interaction_id);
