-- B2B2C partitions (see domain/permissions/record_access.hpp): a buyer's consumers are
-- visible to the buyer's partner users and, inside the workspace, to the owner role and to
-- the users and teams granted that buyer's partition.

-- A partner user works for one buyer company of the workspace.
CREATE TABLE partner_users (
    workspace_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    buyer_company_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, user_id),
    FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, buyer_company_id) REFERENCES companies (workspace_id, company_id) ON DELETE CASCADE
);
CREATE INDEX partner_users_by_buyer ON partner_users (workspace_id, buyer_company_id);

-- A grant opens one buyer's consumers to a user or to every member of a team.
CREATE TABLE partition_grants (
    workspace_id BIGINT NOT NULL,
    buyer_company_id BIGINT NOT NULL,
    grantee_kind TEXT NOT NULL CHECK (grantee_kind IN ('user', 'team')),
    grantee_id BIGINT NOT NULL,
    granted_by_user_id BIGINT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, buyer_company_id, grantee_kind, grantee_id),
    FOREIGN KEY (workspace_id, buyer_company_id) REFERENCES companies (workspace_id, company_id) ON DELETE CASCADE
);
CREATE INDEX partition_grants_by_grantee ON partition_grants (workspace_id, grantee_kind, grantee_id);
