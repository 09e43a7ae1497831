-- Each conversation keeps what its inbox row shows (issue 15): the text of its latest customer
-- or agent message (the preview) and how many messages it holds. A page of 50 rows then reads
-- 50 conversation rows, not 100 correlated lookups into the messages and their bodies. Kept by
-- every write that adds or moves messages (intake, replies, notes, merge, split).
ALTER TABLE conversations ADD COLUMN preview TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN message_count BIGINT NOT NULL DEFAULT 0;

UPDATE conversations SET
    message_count = (SELECT COUNT(*) FROM conversation_messages m
                     WHERE m.workspace_id = conversations.workspace_id
                       AND m.conversation_id = conversations.conversation_id),
    preview = COALESCE((SELECT SUBSTR(m.body_text, 1, 400) FROM conversation_messages m
                        WHERE m.workspace_id = conversations.workspace_id
                          AND m.conversation_id = conversations.conversation_id
                          AND m.kind IN ('inbound', 'reply')
                        ORDER BY m.message_id DESC LIMIT 1), '');
