-- Generated conversations for bench/servicedesk_inbox.sh (SQLite and PostgreSQL). The script
-- replaces :SERIES (a CTE `series(i)` of 1..N), :WS (workspace id), :USER (an agent's user id)
-- and :NOW (epoch ms). One message every 0.6 s going back from now; status by i % 20: 4 new,
-- 4 open, 4 pending, 7 resolved, 1 closed; a third of the active ones assigned to :USER; half
-- of the new and open ones awaiting an answer; the active ones due 4 h after their last message
-- (so most are breaching); one inbound message each (its preview and count kept on the conversation, migration 0037).
:SERIES
INSERT INTO conversations (workspace_id, conversation_id, number, subject, channel, status, active, priority,
                           assignee_user_id, awaiting_since, last_inbound_at, last_message_at, sla_due_at,
                           created_at, updated_at, preview, message_count)
SELECT :WS, 1000000000000 + i, i, 'Order ' || i || ': where is my parcel?', 'email',
       CASE WHEN i % 20 < 4 THEN 'new' WHEN i % 20 < 8 THEN 'open' WHEN i % 20 < 12 THEN 'pending'
            WHEN i % 20 < 19 THEN 'resolved' ELSE 'closed' END,
       (i % 20 < 12),
       CASE WHEN i % 7 = 0 THEN 'high' ELSE 'normal' END,
       CASE WHEN i % 20 < 12 AND i % 3 = 0 THEN :USER END,
       CASE WHEN i % 20 < 8 AND i % 2 = 0 THEN :NOW - i * 600 END,
       :NOW - i * 600, :NOW - i * 600,
       CASE WHEN i % 20 < 12 THEN :NOW - i * 600 + 14400000 END,
       :NOW - i * 600, :NOW - i * 600,
       'Hello, my order ' || i || ' has not arrived yet. Could you tell me where it is? Thank you.', 1
FROM series;
:SERIES
INSERT INTO conversation_messages (workspace_id, message_id, conversation_id, kind, channel, external_id, from_name,
                                   from_address, subject, body_text, occurred_at, created_at)
SELECT :WS, 2000000000000 + i, 1000000000000 + i, 'inbound', 'email', 'gen' || i || '@bench.test',
       'Customer ' || (i % 5000), 'customer' || (i % 5000) || '@example.test', 'Order ' || i || ': where is my parcel?',
       'Hello, my order ' || i || ' has not arrived yet. Could you tell me where it is? Thank you.',
       :NOW - i * 600, :NOW - i * 600
FROM series;
DELETE FROM conversation_numbers WHERE workspace_id = :WS;
INSERT INTO conversation_numbers (workspace_id, next_number) VALUES (:WS, :N + 1);
ANALYZE conversations;
ANALYZE conversation_messages;
