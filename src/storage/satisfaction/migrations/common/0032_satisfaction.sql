-- Satisfaction and feedback: CSAT requests (one per resolution of a conversation) and NPS
-- surveys sent to a segment, each answered once through a signed link. The links are signed
-- with a random key per workspace, kept here (the server has no secret of its own).

CREATE TABLE satisfaction_keys (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    survey_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id)
);

CREATE TABLE csat_requests (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    survey_id BIGINT NOT NULL,
    conversation_id BIGINT NOT NULL,
    resolved_at BIGINT NOT NULL,
    person_id BIGINT,
    email TEXT,
    person_name TEXT NOT NULL DEFAULT '',
    agent_user_id BIGINT,
    team_id BIGINT,
    mailbox_id BIGINT,
    topic TEXT,
    conversation_number BIGINT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    comment TEXT NOT NULL DEFAULT '',
    answered_at BIGINT,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    -- The invitation mail: due while next_attempt_at is set.
    next_attempt_at BIGINT,
    send_attempts BIGINT NOT NULL DEFAULT 0,
    send_error TEXT,
    sent_at BIGINT,
    PRIMARY KEY (workspace_id, survey_id),
    UNIQUE (workspace_id, conversation_id, resolved_at)
);
CREATE INDEX csat_requests_answered ON csat_requests (workspace_id, answered_at) WHERE answered_at IS NOT NULL;
CREATE INDEX csat_requests_due ON csat_requests (next_attempt_at) WHERE next_attempt_at IS NOT NULL;

CREATE TABLE nps_surveys (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    nps_survey_id BIGINT NOT NULL,
    segment_id BIGINT NOT NULL,
    segment_name TEXT NOT NULL,
    question TEXT NOT NULL,
    created_by_user_id BIGINT,
    recipients BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, nps_survey_id)
);
CREATE INDEX nps_surveys_by_segment ON nps_surveys (workspace_id, segment_id, created_at);

CREATE TABLE nps_responses (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    response_id BIGINT NOT NULL,
    nps_survey_id BIGINT NOT NULL,
    segment_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    email TEXT NOT NULL,
    person_name TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    score INTEGER CHECK (score BETWEEN 0 AND 10),
    comment TEXT NOT NULL DEFAULT '',
    answered_at BIGINT,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    next_attempt_at BIGINT,
    send_attempts BIGINT NOT NULL DEFAULT 0,
    send_error TEXT,
    sent_at BIGINT,
    PRIMARY KEY (workspace_id, response_id),
    FOREIGN KEY (workspace_id, nps_survey_id) REFERENCES nps_surveys (workspace_id, nps_survey_id)
);
CREATE INDEX nps_responses_by_survey ON nps_responses (workspace_id, nps_survey_id);
CREATE INDEX nps_responses_due ON nps_responses (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
