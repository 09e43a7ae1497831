-- The first shape of the customer records (companies, people, affiliations), enough for
-- the demo data set; the customers module extends it with later migrations.
-- Every record carries owner_user_id and team_id for record-level permissions.

CREATE TABLE companies (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    company_id BIGINT NOT NULL,
    legal_name TEXT NOT NULL,
    trade_name TEXT,
    country TEXT NOT NULL,
    vat_id TEXT,
    pec TEXT,
    email TEXT,
    phone TEXT,
    website TEXT,
    industry TEXT,
    size TEXT,
    market TEXT NOT NULL DEFAULT 'b2b' CHECK (market IN ('b2b', 'b2c')),
    address_line TEXT,
    postal_code TEXT,
    city TEXT,
    region TEXT,
    buyer_kind TEXT CHECK (buyer_kind IN ('reseller', 'distributor', 'retailer')),
    owner_user_id BIGINT,
    team_id BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, company_id)
);
CREATE INDEX companies_by_vat ON companies (workspace_id, vat_id);
CREATE INDEX companies_by_name ON companies (workspace_id, legal_name);

CREATE TABLE people (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    person_id BIGINT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    language TEXT,
    birthday TEXT,
    city TEXT,
    country TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('b2b_contact', 'b2c_consumer')),
    -- B2B2C: the buyer (reseller/retailer) whose consumer this person is.
    buyer_company_id BIGINT,
    owner_user_id BIGINT,
    team_id BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, person_id),
    FOREIGN KEY (workspace_id, buyer_company_id) REFERENCES companies (workspace_id, company_id)
);
CREATE INDEX people_by_email ON people (workspace_id, email);
CREATE INDEX people_by_last_name ON people (workspace_id, last_name, person_id);
CREATE INDEX people_by_buyer ON people (workspace_id, buyer_company_id);

CREATE TABLE affiliations (
    workspace_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    company_id BIGINT NOT NULL,
    job_title TEXT,
    is_primary BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (workspace_id, person_id, company_id),
    FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, person_id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, company_id) ON DELETE CASCADE
);
CREATE INDEX affiliations_by_company ON affiliations (workspace_id, company_id);
