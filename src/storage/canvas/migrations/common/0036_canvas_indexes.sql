-- The canvases read a period of the timeline and of the service desk for a set of customers:
-- these let both engines start from the period (a range of the workspace's entries) instead of
-- reading every entry of the workspace.
CREATE INDEX interactions_by_time ON interactions (workspace_id, occurred_at);
CREATE INDEX conversations_by_created ON conversations (workspace_id, created_at);
