-- Portfolios (issue 16, dedicated personal assistance): the log of portfolio reassignments,
-- and the index that counts a company's open service desk conversations.

-- One row per reassignment: who moved how many customers from whom to whom, and when. Each
-- moved record also gets its own field_history row (owner_user_id), in the same transaction.
CREATE TABLE portfolio_reassignments (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    reassignment_id BIGINT NOT NULL,
    from_user_id BIGINT NOT NULL,
    to_user_id BIGINT NOT NULL,
    actor_user_id BIGINT,
    actor_label TEXT NOT NULL,
    companies BIGINT NOT NULL,
    people BIGINT NOT NULL,
    selected BOOLEAN NOT NULL,  -- chosen records rather than the whole portfolio
    reassigned_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, reassignment_id)
);

-- A portfolio page counts the open conversations of its companies (the people's are served by
-- conversations_by_person).
CREATE INDEX conversations_by_company ON conversations (workspace_id, company_id, last_message_at);
