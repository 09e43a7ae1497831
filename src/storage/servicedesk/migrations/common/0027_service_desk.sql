-- The service desk (issue 15): mailboxes, conversations, their messages, attachments and
-- sources, quarantined mail, and agents replying now. Every key begins with workspace_id.

CREATE TABLE mailboxes (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    mailbox_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    team_id BIGINT,
    imap_host TEXT NOT NULL,
    imap_port BIGINT NOT NULL,
    imap_security TEXT NOT NULL CHECK (imap_security IN ('tls', 'starttls', 'none')),
    imap_username TEXT NOT NULL,
    imap_password TEXT NOT NULL,
    imap_verify BOOLEAN NOT NULL DEFAULT TRUE,
    folder TEXT NOT NULL DEFAULT 'INBOX',
    smtp_host TEXT NOT NULL,
    smtp_port BIGINT NOT NULL,
    smtp_security TEXT NOT NULL CHECK (smtp_security IN ('tls', 'starttls', 'none')),
    smtp_username TEXT NOT NULL,
    smtp_password TEXT NOT NULL,
    smtp_verify BOOLEAN NOT NULL DEFAULT TRUE,
    poll_seconds BIGINT NOT NULL DEFAULT 60,
    use_idle BOOLEAN NOT NULL DEFAULT TRUE,
    after_fetch TEXT NOT NULL DEFAULT 'mark_seen' CHECK (after_fetch IN ('mark_seen', 'move', 'leave')),
    move_to_folder TEXT NOT NULL DEFAULT '',
    max_attachment_bytes BIGINT NOT NULL DEFAULT 26214400,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    uid_validity BIGINT NOT NULL DEFAULT 0,
    last_uid BIGINT NOT NULL DEFAULT 0,
    last_checked_at BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, mailbox_id)
);

-- Each workspace's next ticket number ([#n] in reply subjects).
CREATE TABLE conversation_numbers (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    next_number BIGINT NOT NULL,
    PRIMARY KEY (workspace_id)
);

CREATE TABLE conversations (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    conversation_id BIGINT NOT NULL,
    number BIGINT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL,
    mailbox_id BIGINT,
    status TEXT NOT NULL CHECK (status IN ('new', 'open', 'pending', 'resolved', 'closed')),
    active BOOLEAN NOT NULL,  -- new, open or pending, and not merged: in the working views
    priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    topic TEXT CHECK (topic IN ('product', 'service', 'process', 'billing', 'other')),
    team_id BIGINT,
    assignee_user_id BIGINT,
    person_id BIGINT,
    company_id BIGINT,
    tags TEXT NOT NULL DEFAULT '',  -- "|a|b|": sorted, each between bars
    awaiting_since BIGINT,
    last_inbound_at BIGINT,
    last_reply_at BIGINT,
    last_message_at BIGINT NOT NULL,
    first_response_at BIGINT,
    sla_policy_id BIGINT,
    first_response_due_at BIGINT,
    next_response_due_at BIGINT,
    resolution_due_at BIGINT,
    sla_due_at BIGINT,
    sla_warn_minutes BIGINT NOT NULL DEFAULT 0,
    sla_escalated_at BIGINT,  -- when the breach of the current sla_due_at was escalated
    waiting_since BIGINT,
    resolved_at BIGINT,
    merged_into_id BIGINT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, conversation_id),
    UNIQUE (workspace_id, number)
);
-- One index per view, each in the view's order, so a page is an index range at any size.
CREATE INDEX conversations_unanswered ON conversations (workspace_id, awaiting_since, conversation_id)
    WHERE awaiting_since IS NOT NULL;
CREATE INDEX conversations_unanswered_by_team ON conversations (workspace_id, team_id, awaiting_since, conversation_id)
    WHERE awaiting_since IS NOT NULL;
CREATE INDEX conversations_active ON conversations (workspace_id, active, assignee_user_id, last_message_at, conversation_id);
CREATE INDEX conversations_by_state ON conversations (workspace_id, active, last_message_at, conversation_id);
CREATE INDEX conversations_active_by_team ON conversations (workspace_id, team_id, active, assignee_user_id, last_message_at, conversation_id);
CREATE INDEX conversations_by_status ON conversations (workspace_id, status, last_message_at, conversation_id);
CREATE INDEX conversations_by_activity ON conversations (workspace_id, last_message_at, conversation_id);
CREATE INDEX conversations_sla_due ON conversations (workspace_id, sla_due_at, conversation_id)
    WHERE sla_due_at IS NOT NULL;
-- The breaches not yet escalated, across workspaces (the SLA watcher's work list).
CREATE INDEX conversations_to_escalate ON conversations (sla_due_at)
    WHERE sla_due_at IS NOT NULL AND sla_escalated_at IS NULL;
CREATE INDEX conversations_by_person ON conversations (workspace_id, person_id, last_message_at);

CREATE TABLE conversation_messages (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    message_id BIGINT NOT NULL,
    conversation_id BIGINT,
    kind TEXT NOT NULL CHECK (kind IN ('inbound', 'reply', 'note', 'auto')),
    channel TEXT NOT NULL,
    external_id TEXT,
    mailbox_id BIGINT,
    from_name TEXT NOT NULL DEFAULT '',
    from_address TEXT,
    to_addresses TEXT NOT NULL DEFAULT '[]',
    cc_addresses TEXT NOT NULL DEFAULT '[]',
    subject TEXT NOT NULL DEFAULT '',
    body_text TEXT NOT NULL DEFAULT '',
    body_html TEXT NOT NULL DEFAULT '',
    author_user_id BIGINT,
    person_id BIGINT,
    auto_kind TEXT CHECK (auto_kind IN ('auto_reply', 'delivery_report')),
    answered_at BIGINT,
    no_reply_reason TEXT,
    delivery_status TEXT CHECK (delivery_status IN ('queued', 'sent', 'failed')),
    delivery_error TEXT,
    send_attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,
    sent_at BIGINT,
    in_reply_to TEXT NOT NULL DEFAULT '[]',
    references_ids TEXT NOT NULL DEFAULT '[]',
    interaction_id BIGINT,
    minutes_spent BIGINT NOT NULL DEFAULT 0,
    occurred_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, message_id)
);
-- A Message-ID (or a channel's own id) is stored once per workspace: the exactly-once key.
CREATE UNIQUE INDEX conversation_messages_by_external_id ON conversation_messages (workspace_id, external_id)
    WHERE external_id IS NOT NULL;
CREATE INDEX conversation_messages_by_conversation ON conversation_messages (workspace_id, conversation_id, message_id);
-- The replies waiting to be sent, across workspaces (the sender's work list).
CREATE INDEX conversation_messages_outbox ON conversation_messages (next_attempt_at)
    WHERE delivery_status = 'queued';

CREATE TABLE message_sources (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    message_id BIGINT NOT NULL,
    encoding TEXT NOT NULL CHECK (encoding IN ('text', 'base64')),
    source TEXT NOT NULL,
    PRIMARY KEY (workspace_id, message_id)
);

CREATE TABLE message_attachments (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    attachment_id BIGINT NOT NULL,
    message_id BIGINT NOT NULL,
    conversation_id BIGINT,
    filename TEXT NOT NULL DEFAULT '',
    content_type TEXT NOT NULL DEFAULT 'application/octet-stream',
    content_id TEXT NOT NULL DEFAULT '',
    is_inline BOOLEAN NOT NULL DEFAULT FALSE,
    size BIGINT NOT NULL DEFAULT 0,
    data_base64 TEXT NOT NULL DEFAULT '',
    rejected_reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (workspace_id, attachment_id)
);
CREATE INDEX message_attachments_by_message ON message_attachments (workspace_id, message_id);

CREATE TABLE mail_quarantine (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    quarantine_id BIGINT NOT NULL,
    mailbox_id BIGINT,
    uid BIGINT NOT NULL DEFAULT 0,
    reason TEXT NOT NULL,
    encoding TEXT NOT NULL CHECK (encoding IN ('text', 'base64')),
    source TEXT NOT NULL,
    size BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    resolved_at BIGINT,
    resolved_message_id BIGINT,
    PRIMARY KEY (workspace_id, quarantine_id)
);

CREATE TABLE conversation_replying (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    conversation_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    since BIGINT NOT NULL,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, conversation_id, user_id)
);

-- A timeline entry made by a conversation's message links back to it.
ALTER TABLE interactions ADD COLUMN conversation_id BIGINT;
