-- The desk (issue 14): each user's visits, and the indexes its cards read through.

-- When "new since your last visit" begins for a user: since_at. A visit (POST /desk/visit)
-- that comes more than a gap after the last one moves since_at to the end of the last one.
CREATE TABLE desk_visits (
    workspace_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    since_at BIGINT NOT NULL,
    last_visit_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, user_id),
    FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, user_id) ON DELETE CASCADE
);

-- A user's portfolio (owner = the user), most recently changed first: the quiet customers
-- card reads the portfolio, the new-since card its changes since the last visit.
CREATE INDEX people_by_owner_updated ON people (workspace_id, owner_user_id, updated_at);
CREATE INDEX companies_by_owner_updated ON companies (workspace_id, owner_user_id, updated_at);

-- The records a user changed by hand or through the API, newest first. Imports are left out
-- of the index (and of the card): they write most of the history rows and are not "touched".
CREATE INDEX field_history_by_actor ON field_history (workspace_id, actor_user_id, history_id)
    WHERE source_kind <> 'import';
