-- The canvases read a period of the timeline and of the service desk for a set of customers:
-- these let both engines start from the period (a range of the workspace's entries) instead of
-- reading every entry of the workspace. The timeline's (workspace_id, occurred_at) index,
-- interactions_by_time, comes with the costs (migration 0034).
CREATE INDEX conversations_by_created ON conversations (workspace_id, created_at);
