-- The canvases' rollups on PostgreSQL (issue 16): small tables kept exact by row-level triggers on the
-- records, the timeline and field provenance (sqlite/ and postgres/ 0038), so the figures of
-- a selection that reads every record come from index range counts instead of a pass over a
-- million customers. Every key starts with the workspace (Citus). entity_type is 'person' or
-- 'company'; relationship_type '' stands for "no type" and '*' for "any".

-- Records per kind (people: b2b_contact, b2c_consumer, or b2b2c when they have a buyer;
-- companies: their market) and owner (0: none), with the key profile fields they fill
-- (domain/canvas key_fields.cpp: keep both lists in step).
CREATE TABLE canvas_customer_counts (
    workspace_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner_user_id BIGINT NOT NULL,
    customers BIGINT NOT NULL,
    filled BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, entity_type, kind, owner_user_id)
);

-- Records created per hour (created_at / 3,600,000).
CREATE TABLE canvas_created_hours (
    workspace_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL,
    hour BIGINT NOT NULL,
    customers BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, entity_type, hour)
);
CREATE INDEX people_by_created ON people (workspace_id, created_at);
CREATE INDEX companies_by_created ON companies (workspace_id, created_at);

-- A period's entries read from the index alone (the partial edge hours of the rollups, and
-- the timeline pass of a large filtered selection): no row lookups.
CREATE INDEX canvas_interactions_by_time ON interactions
    (workspace_id, occurred_at, kind, relationship_type, minutes_spent, person_id, company_id);

-- Timeline entries (tasks excluded) of existing customers per hour of occurred_at and type.
CREATE TABLE canvas_interaction_hours (
    workspace_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL,
    hour BIGINT NOT NULL,
    relationship_type TEXT NOT NULL,
    interactions BIGINT NOT NULL,
    minutes BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, entity_type, hour, relationship_type)
);

-- Each existing customer's latest timeline entry (tasks excluded) per type and of any type.
CREATE TABLE canvas_customer_activity (
    workspace_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL,
    customer_id BIGINT NOT NULL,
    relationship_type TEXT NOT NULL,
    last_at BIGINT,
    PRIMARY KEY (workspace_id, entity_type, customer_id, relationship_type)
);
CREATE INDEX canvas_customer_activity_by_last ON canvas_customer_activity
    (workspace_id, entity_type, relationship_type, last_at);

-- How many customers' latest entry (per type, '*' any) falls in each hour: a count of the
-- customers active in a period sums the period's whole hours and reads only its two edges.
CREATE TABLE canvas_activity_hours (
    workspace_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL,
    relationship_type TEXT NOT NULL,
    hour BIGINT NOT NULL,
    customers BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, entity_type, relationship_type, hour)
);

-- Field values (people's and companies') per data kind and source kind, and per source kind
-- how many records hold at least one value from it.
CREATE TABLE canvas_value_counts (
    workspace_id BIGINT NOT NULL,
    data_kind TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    field_values BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, data_kind, source_kind)
);
CREATE TABLE canvas_record_sources (
    workspace_id BIGINT NOT NULL,
    source_kind TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    field_values BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, source_kind, entity_id)
);
CREATE TABLE canvas_source_records (
    workspace_id BIGINT NOT NULL,
    source_kind TEXT NOT NULL,
    records BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, source_kind)
);

-- The rollups of what exists already.
INSERT INTO canvas_customer_counts (workspace_id, entity_type, kind, owner_user_id, customers, filled)
SELECT workspace_id, 'person', CASE WHEN buyer_company_id IS NOT NULL THEN 'b2b2c' ELSE kind END,
       COALESCE(owner_user_id, 0), COUNT(*),
       SUM((CASE WHEN email IS NOT NULL AND email <> '' THEN 1 ELSE 0 END) +
           (CASE WHEN phone IS NOT NULL AND phone <> '' THEN 1 ELSE 0 END) +
           (CASE WHEN city IS NOT NULL AND city <> '' THEN 1 ELSE 0 END) +
           (CASE WHEN country IS NOT NULL AND country <> '' THEN 1 ELSE 0 END) +
           (CASE WHEN language IS NOT NULL AND language <> '' THEN 1 ELSE 0 END))
FROM people
GROUP BY workspace_id, CASE WHEN buyer_company_id IS NOT NULL THEN 'b2b2c' ELSE kind END, COALESCE(owner_user_id, 0);
INSERT INTO canvas_customer_counts (workspace_id, entity_type, kind, owner_user_id, customers, filled)
SELECT workspace_id, 'company', market, COALESCE(owner_user_id, 0), COUNT(*),
       SUM((CASE WHEN vat_id IS NOT NULL AND vat_id <> '' THEN 1 ELSE 0 END) +
           (CASE WHEN email IS NOT NULL AND email <> '' THEN 1 ELSE 0 END) +
           (CASE WHEN phone IS NOT NULL AND phone <> '' THEN 1 ELSE 0 END) +
           (CASE WHEN website IS NOT NULL AND website <> '' THEN 1 ELSE 0 END) +
           (CASE WHEN industry IS NOT NULL AND industry <> '' THEN 1 ELSE 0 END) +
           (CASE WHEN city IS NOT NULL AND city <> '' THEN 1 ELSE 0 END))
FROM companies
GROUP BY workspace_id, market, COALESCE(owner_user_id, 0);

INSERT INTO canvas_created_hours (workspace_id, entity_type, hour, customers)
SELECT workspace_id, 'person', created_at / 3600000, COUNT(*) FROM people GROUP BY workspace_id, created_at / 3600000;
INSERT INTO canvas_created_hours (workspace_id, entity_type, hour, customers)
SELECT workspace_id, 'company', created_at / 3600000, COUNT(*) FROM companies
GROUP BY workspace_id, created_at / 3600000;

INSERT INTO canvas_interaction_hours (workspace_id, entity_type, hour, relationship_type, interactions, minutes)
SELECT i.workspace_id, 'person', i.occurred_at / 3600000, COALESCE(i.relationship_type, ''), COUNT(*),
       SUM(i.minutes_spent)
FROM interactions i JOIN people p ON p.workspace_id = i.workspace_id AND p.person_id = i.person_id
WHERE i.kind <> 'task'
GROUP BY i.workspace_id, i.occurred_at / 3600000, COALESCE(i.relationship_type, '');
INSERT INTO canvas_interaction_hours (workspace_id, entity_type, hour, relationship_type, interactions, minutes)
SELECT i.workspace_id, 'company', i.occurred_at / 3600000, COALESCE(i.relationship_type, ''), COUNT(*),
       SUM(i.minutes_spent)
FROM interactions i JOIN companies c ON c.workspace_id = i.workspace_id AND c.company_id = i.company_id
WHERE i.kind <> 'task'
GROUP BY i.workspace_id, i.occurred_at / 3600000, COALESCE(i.relationship_type, '');

INSERT INTO canvas_customer_activity (workspace_id, entity_type, customer_id, relationship_type, last_at)
SELECT i.workspace_id, 'person', i.person_id, COALESCE(i.relationship_type, ''), MAX(i.occurred_at)
FROM interactions i JOIN people p ON p.workspace_id = i.workspace_id AND p.person_id = i.person_id
WHERE i.kind <> 'task'
GROUP BY i.workspace_id, i.person_id, COALESCE(i.relationship_type, '');
INSERT INTO canvas_customer_activity (workspace_id, entity_type, customer_id, relationship_type, last_at)
SELECT i.workspace_id, 'person', i.person_id, '*', MAX(i.occurred_at)
FROM interactions i JOIN people p ON p.workspace_id = i.workspace_id AND p.person_id = i.person_id
WHERE i.kind <> 'task'
GROUP BY i.workspace_id, i.person_id;
INSERT INTO canvas_customer_activity (workspace_id, entity_type, customer_id, relationship_type, last_at)
SELECT i.workspace_id, 'company', i.company_id, COALESCE(i.relationship_type, ''), MAX(i.occurred_at)
FROM interactions i JOIN companies c ON c.workspace_id = i.workspace_id AND c.company_id = i.company_id
WHERE i.kind <> 'task'
GROUP BY i.workspace_id, i.company_id, COALESCE(i.relationship_type, '');
INSERT INTO canvas_customer_activity (workspace_id, entity_type, customer_id, relationship_type, last_at)
SELECT i.workspace_id, 'company', i.company_id, '*', MAX(i.occurred_at)
FROM interactions i JOIN companies c ON c.workspace_id = i.workspace_id AND c.company_id = i.company_id
WHERE i.kind <> 'task'
GROUP BY i.workspace_id, i.company_id;
INSERT INTO canvas_activity_hours (workspace_id, entity_type, relationship_type, hour, customers)
SELECT workspace_id, entity_type, relationship_type, last_at / 3600000, COUNT(*) FROM canvas_customer_activity
WHERE last_at IS NOT NULL
GROUP BY workspace_id, entity_type, relationship_type, last_at / 3600000;

INSERT INTO canvas_value_counts (workspace_id, data_kind, source_kind, field_values)
SELECT workspace_id, data_kind, source_kind, COUNT(*) FROM field_provenance
WHERE entity_type IN ('person', 'company')
GROUP BY workspace_id, data_kind, source_kind;
INSERT INTO canvas_record_sources (workspace_id, source_kind, entity_id, field_values)
SELECT workspace_id, source_kind, entity_id, COUNT(*) FROM field_provenance
WHERE entity_type IN ('person', 'company')
GROUP BY workspace_id, source_kind, entity_id;
INSERT INTO canvas_source_records (workspace_id, source_kind, records)
SELECT workspace_id, source_kind, COUNT(*) FROM canvas_record_sources GROUP BY workspace_id, source_kind;

-- Records: counts by kind and owner, filled key fields, creation hours. A deleted record takes
-- its timeline out of the timeline rollups (its entries stay, unattached).
CREATE FUNCTION rapport_canvas_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE canvas_customer_counts SET customers = customers - 1, filled = filled - ((CASE WHEN OLD.email IS NOT NULL AND OLD.email <> '' THEN 1 ELSE 0 END) + (CASE WHEN OLD.phone IS NOT NULL AND OLD.phone <> '' THEN 1 ELSE 0 END) + (CASE WHEN OLD.city IS NOT NULL AND OLD.city <> '' THEN 1 ELSE 0 END) + (CASE WHEN OLD.country IS NOT NULL AND OLD.country <> '' THEN 1 ELSE 0 END) + (CASE WHEN OLD.language IS NOT NULL AND OLD.language <> '' THEN 1 ELSE 0 END))
        WHERE workspace_id = OLD.workspace_id AND entity_type = 'person' AND kind = CASE WHEN OLD.buyer_company_id IS NOT NULL THEN 'b2b2c' ELSE OLD.kind END
          AND owner_user_id = COALESCE(OLD.owner_user_id, 0);
        UPDATE canvas_created_hours SET customers = customers - 1
        WHERE workspace_id = OLD.workspace_id AND entity_type = 'person' AND hour = OLD.created_at / 3600000;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO canvas_customer_counts AS c (workspace_id, entity_type, kind, owner_user_id, customers, filled)
        VALUES (NEW.workspace_id, 'person', CASE WHEN NEW.buyer_company_id IS NOT NULL THEN 'b2b2c' ELSE NEW.kind END, COALESCE(NEW.owner_user_id, 0), 1, (CASE WHEN NEW.email IS NOT NULL AND NEW.email <> '' THEN 1 ELSE 0 END) + (CASE WHEN NEW.phone IS NOT NULL AND NEW.phone <> '' THEN 1 ELSE 0 END) + (CASE WHEN NEW.city IS NOT NULL AND NEW.city <> '' THEN 1 ELSE 0 END) + (CASE WHEN NEW.country IS NOT NULL AND NEW.country <> '' THEN 1 ELSE 0 END) + (CASE WHEN NEW.language IS NOT NULL AND NEW.language <> '' THEN 1 ELSE 0 END))
        ON CONFLICT (workspace_id, entity_type, kind, owner_user_id)
        DO UPDATE SET customers = c.customers + 1, filled = c.filled + EXCLUDED.filled;
        INSERT INTO canvas_created_hours AS c (workspace_id, entity_type, hour, customers)
        VALUES (NEW.workspace_id, 'person', NEW.created_at / 3600000, 1)
        ON CONFLICT (workspace_id, entity_type, hour) DO UPDATE SET customers = c.customers + 1;
    END IF;
    IF TG_OP = 'DELETE' THEN
        UPDATE canvas_interaction_hours h SET interactions = h.interactions - d.n, minutes = h.minutes - d.m
        FROM (SELECT i.occurred_at / 3600000 AS hour, COALESCE(i.relationship_type, '') AS t, COUNT(*) AS n,
                     SUM(i.minutes_spent) AS m
              FROM interactions i WHERE i.workspace_id = OLD.workspace_id AND i.person_id = OLD.person_id AND i.kind <> 'task'
              GROUP BY 1, 2) d
        WHERE h.workspace_id = OLD.workspace_id AND h.entity_type = 'person' AND h.hour = d.hour AND h.relationship_type = d.t;
        DELETE FROM canvas_customer_activity WHERE workspace_id = OLD.workspace_id AND entity_type = 'person'
            AND customer_id = OLD.person_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER canvas_people AFTER INSERT OR DELETE OR UPDATE OF buyer_company_id, city, country, created_at, email, kind, language, owner_user_id, phone ON people
    FOR EACH ROW EXECUTE FUNCTION rapport_canvas_people();
CREATE FUNCTION rapport_canvas_companies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE canvas_customer_counts SET customers = customers - 1, filled = filled - ((CASE WHEN OLD.vat_id IS NOT NULL AND OLD.vat_id <> '' THEN 1 ELSE 0 END) + (CASE WHEN OLD.email IS NOT NULL AND OLD.email <> '' THEN 1 ELSE 0 END) + (CASE WHEN OLD.phone IS NOT NULL AND OLD.phone <> '' THEN 1 ELSE 0 END) + (CASE WHEN OLD.website IS NOT NULL AND OLD.website <> '' THEN 1 ELSE 0 END) + (CASE WHEN OLD.industry IS NOT NULL AND OLD.industry <> '' THEN 1 ELSE 0 END) + (CASE WHEN OLD.city IS NOT NULL AND OLD.city <> '' THEN 1 ELSE 0 END))
        WHERE workspace_id = OLD.workspace_id AND entity_type = 'company' AND kind = OLD.market
          AND owner_user_id = COALESCE(OLD.owner_user_id, 0);
        UPDATE canvas_created_hours SET customers = customers - 1
        WHERE workspace_id = OLD.workspace_id AND entity_type = 'company' AND hour = OLD.created_at / 3600000;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO canvas_customer_counts AS c (workspace_id, entity_type, kind, owner_user_id, customers, filled)
        VALUES (NEW.workspace_id, 'company', NEW.market, COALESCE(NEW.owner_user_id, 0), 1, (CASE WHEN NEW.vat_id IS NOT NULL AND NEW.vat_id <> '' THEN 1 ELSE 0 END) + (CASE WHEN NEW.email IS NOT NULL AND NEW.email <> '' THEN 1 ELSE 0 END) + (CASE WHEN NEW.phone IS NOT NULL AND NEW.phone <> '' THEN 1 ELSE 0 END) + (CASE WHEN NEW.website IS NOT NULL AND NEW.website <> '' THEN 1 ELSE 0 END) + (CASE WHEN NEW.industry IS NOT NULL AND NEW.industry <> '' THEN 1 ELSE 0 END) + (CASE WHEN NEW.city IS NOT NULL AND NEW.city <> '' THEN 1 ELSE 0 END))
        ON CONFLICT (workspace_id, entity_type, kind, owner_user_id)
        DO UPDATE SET customers = c.customers + 1, filled = c.filled + EXCLUDED.filled;
        INSERT INTO canvas_created_hours AS c (workspace_id, entity_type, hour, customers)
        VALUES (NEW.workspace_id, 'company', NEW.created_at / 3600000, 1)
        ON CONFLICT (workspace_id, entity_type, hour) DO UPDATE SET customers = c.customers + 1;
    END IF;
    IF TG_OP = 'DELETE' THEN
        UPDATE canvas_interaction_hours h SET interactions = h.interactions - d.n, minutes = h.minutes - d.m
        FROM (SELECT i.occurred_at / 3600000 AS hour, COALESCE(i.relationship_type, '') AS t, COUNT(*) AS n,
                     SUM(i.minutes_spent) AS m
              FROM interactions i WHERE i.workspace_id = OLD.workspace_id AND i.company_id = OLD.company_id AND i.kind <> 'task'
              GROUP BY 1, 2) d
        WHERE h.workspace_id = OLD.workspace_id AND h.entity_type = 'company' AND h.hour = d.hour AND h.relationship_type = d.t;
        DELETE FROM canvas_customer_activity WHERE workspace_id = OLD.workspace_id AND entity_type = 'company'
            AND customer_id = OLD.company_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER canvas_companies AFTER INSERT OR DELETE OR UPDATE OF city, created_at, email, industry, market, owner_user_id, phone, vat_id, website ON companies
    FOR EACH ROW EXECUTE FUNCTION rapport_canvas_companies();

-- The timeline: an entry counts while its customer exists and it is not a task. Locking the
-- customer (key share) orders this against the customer's deletion; locking the activity row
-- before recomputing a latest entry makes the recomputation see the writes committed before.
CREATE FUNCTION rapport_canvas_interactions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.kind <> 'task' AND OLD.person_id IS NOT NULL THEN
        PERFORM 1 FROM people x WHERE x.workspace_id = OLD.workspace_id AND x.person_id = OLD.person_id FOR KEY SHARE;
        IF FOUND THEN
            UPDATE canvas_interaction_hours SET interactions = interactions - 1, minutes = minutes - OLD.minutes_spent
            WHERE workspace_id = OLD.workspace_id AND entity_type = 'person' AND hour = OLD.occurred_at / 3600000
              AND relationship_type = COALESCE(OLD.relationship_type, '');
            PERFORM 1 FROM canvas_customer_activity WHERE workspace_id = OLD.workspace_id AND entity_type = 'person'
                AND customer_id = OLD.person_id FOR UPDATE;
            UPDATE canvas_customer_activity SET last_at = (SELECT MAX(i.occurred_at) FROM interactions i
                WHERE i.workspace_id = OLD.workspace_id AND i.person_id = OLD.person_id AND i.kind <> 'task' AND COALESCE(i.relationship_type, '') = COALESCE(OLD.relationship_type, ''))
            WHERE workspace_id = OLD.workspace_id AND entity_type = 'person' AND customer_id = OLD.person_id
              AND relationship_type = COALESCE(OLD.relationship_type, '') AND last_at <= OLD.occurred_at;
            UPDATE canvas_customer_activity SET last_at = (SELECT MAX(i.occurred_at) FROM interactions i
                WHERE i.workspace_id = OLD.workspace_id AND i.person_id = OLD.person_id AND i.kind <> 'task')
            WHERE workspace_id = OLD.workspace_id AND entity_type = 'person' AND customer_id = OLD.person_id
              AND relationship_type = '*' AND last_at <= OLD.occurred_at;
            DELETE FROM canvas_customer_activity WHERE workspace_id = OLD.workspace_id AND entity_type = 'person'
                AND customer_id = OLD.person_id AND last_at IS NULL;
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.kind <> 'task' AND NEW.person_id IS NOT NULL THEN
        PERFORM 1 FROM people x WHERE x.workspace_id = NEW.workspace_id AND x.person_id = NEW.person_id FOR KEY SHARE;
        IF FOUND THEN
            INSERT INTO canvas_interaction_hours AS h (workspace_id, entity_type, hour, relationship_type, interactions, minutes)
            VALUES (NEW.workspace_id, 'person', NEW.occurred_at / 3600000, COALESCE(NEW.relationship_type, ''), 1, NEW.minutes_spent)
            ON CONFLICT (workspace_id, entity_type, hour, relationship_type)
            DO UPDATE SET interactions = h.interactions + 1, minutes = h.minutes + EXCLUDED.minutes;
            INSERT INTO canvas_customer_activity AS a (workspace_id, entity_type, customer_id, relationship_type, last_at)
            VALUES (NEW.workspace_id, 'person', NEW.person_id, COALESCE(NEW.relationship_type, ''), NEW.occurred_at)
            ON CONFLICT (workspace_id, entity_type, customer_id, relationship_type)
            DO UPDATE SET last_at = GREATEST(COALESCE(a.last_at, EXCLUDED.last_at), EXCLUDED.last_at);
            INSERT INTO canvas_customer_activity AS a (workspace_id, entity_type, customer_id, relationship_type, last_at)
            VALUES (NEW.workspace_id, 'person', NEW.person_id, '*', NEW.occurred_at)
            ON CONFLICT (workspace_id, entity_type, customer_id, relationship_type)
            DO UPDATE SET last_at = GREATEST(COALESCE(a.last_at, EXCLUDED.last_at), EXCLUDED.last_at);
        END IF;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.kind <> 'task' AND OLD.company_id IS NOT NULL THEN
        PERFORM 1 FROM companies x WHERE x.workspace_id = OLD.workspace_id AND x.company_id = OLD.company_id FOR KEY SHARE;
        IF FOUND THEN
            UPDATE canvas_interaction_hours SET interactions = interactions - 1, minutes = minutes - OLD.minutes_spent
            WHERE workspace_id = OLD.workspace_id AND entity_type = 'company' AND hour = OLD.occurred_at / 3600000
              AND relationship_type = COALESCE(OLD.relationship_type, '');
            PERFORM 1 FROM canvas_customer_activity WHERE workspace_id = OLD.workspace_id AND entity_type = 'company'
                AND customer_id = OLD.company_id FOR UPDATE;
            UPDATE canvas_customer_activity SET last_at = (SELECT MAX(i.occurred_at) FROM interactions i
                WHERE i.workspace_id = OLD.workspace_id AND i.company_id = OLD.company_id AND i.kind <> 'task' AND COALESCE(i.relationship_type, '') = COALESCE(OLD.relationship_type, ''))
            WHERE workspace_id = OLD.workspace_id AND entity_type = 'company' AND customer_id = OLD.company_id
              AND relationship_type = COALESCE(OLD.relationship_type, '') AND last_at <= OLD.occurred_at;
            UPDATE canvas_customer_activity SET last_at = (SELECT MAX(i.occurred_at) FROM interactions i
                WHERE i.workspace_id = OLD.workspace_id AND i.company_id = OLD.company_id AND i.kind <> 'task')
            WHERE workspace_id = OLD.workspace_id AND entity_type = 'company' AND customer_id = OLD.company_id
              AND relationship_type = '*' AND last_at <= OLD.occurred_at;
            DELETE FROM canvas_customer_activity WHERE workspace_id = OLD.workspace_id AND entity_type = 'company'
                AND customer_id = OLD.company_id AND last_at IS NULL;
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.kind <> 'task' AND NEW.company_id IS NOT NULL THEN
        PERFORM 1 FROM companies x WHERE x.workspace_id = NEW.workspace_id AND x.company_id = NEW.company_id FOR KEY SHARE;
        IF FOUND THEN
            INSERT INTO canvas_interaction_hours AS h (workspace_id, entity_type, hour, relationship_type, interactions, minutes)
            VALUES (NEW.workspace_id, 'company', NEW.occurred_at / 3600000, COALESCE(NEW.relationship_type, ''), 1, NEW.minutes_spent)
            ON CONFLICT (workspace_id, entity_type, hour, relationship_type)
            DO UPDATE SET interactions = h.interactions + 1, minutes = h.minutes + EXCLUDED.minutes;
            INSERT INTO canvas_customer_activity AS a (workspace_id, entity_type, customer_id, relationship_type, last_at)
            VALUES (NEW.workspace_id, 'company', NEW.company_id, COALESCE(NEW.relationship_type, ''), NEW.occurred_at)
            ON CONFLICT (workspace_id, entity_type, customer_id, relationship_type)
            DO UPDATE SET last_at = GREATEST(COALESCE(a.last_at, EXCLUDED.last_at), EXCLUDED.last_at);
            INSERT INTO canvas_customer_activity AS a (workspace_id, entity_type, customer_id, relationship_type, last_at)
            VALUES (NEW.workspace_id, 'company', NEW.company_id, '*', NEW.occurred_at)
            ON CONFLICT (workspace_id, entity_type, customer_id, relationship_type)
            DO UPDATE SET last_at = GREATEST(COALESCE(a.last_at, EXCLUDED.last_at), EXCLUDED.last_at);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER canvas_interactions AFTER INSERT OR DELETE OR UPDATE OF kind, person_id, company_id, relationship_type,
    minutes_spent, occurred_at ON interactions FOR EACH ROW EXECUTE FUNCTION rapport_canvas_interactions();

-- The hour histogram of the latest entries follows the activity rows.
CREATE FUNCTION rapport_canvas_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.last_at IS NOT DISTINCT FROM NEW.last_at THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.last_at IS NOT NULL THEN
        UPDATE canvas_activity_hours SET customers = customers - 1
        WHERE workspace_id = OLD.workspace_id AND entity_type = OLD.entity_type
          AND relationship_type = OLD.relationship_type AND hour = OLD.last_at / 3600000;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.last_at IS NOT NULL THEN
        INSERT INTO canvas_activity_hours AS h (workspace_id, entity_type, relationship_type, hour, customers)
        VALUES (NEW.workspace_id, NEW.entity_type, NEW.relationship_type, NEW.last_at / 3600000, 1)
        ON CONFLICT (workspace_id, entity_type, relationship_type, hour) DO UPDATE SET customers = h.customers + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER canvas_activity AFTER INSERT OR DELETE OR UPDATE OF last_at ON canvas_customer_activity
    FOR EACH ROW EXECUTE FUNCTION rapport_canvas_activity();

-- Field provenance of people and companies.
CREATE FUNCTION rapport_canvas_provenance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n BIGINT;
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.entity_type IN ('person', 'company') THEN
        UPDATE canvas_value_counts SET field_values = field_values - 1
        WHERE workspace_id = OLD.workspace_id AND data_kind = OLD.data_kind AND source_kind = OLD.source_kind;
        UPDATE canvas_record_sources SET field_values = field_values - 1
        WHERE workspace_id = OLD.workspace_id AND source_kind = OLD.source_kind AND entity_id = OLD.entity_id
        RETURNING field_values INTO n;
        IF n = 0 THEN
            DELETE FROM canvas_record_sources WHERE workspace_id = OLD.workspace_id AND source_kind = OLD.source_kind
                AND entity_id = OLD.entity_id;
            UPDATE canvas_source_records SET records = records - 1
            WHERE workspace_id = OLD.workspace_id AND source_kind = OLD.source_kind;
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.entity_type IN ('person', 'company') THEN
        INSERT INTO canvas_value_counts AS v (workspace_id, data_kind, source_kind, field_values)
        VALUES (NEW.workspace_id, NEW.data_kind, NEW.source_kind, 1)
        ON CONFLICT (workspace_id, data_kind, source_kind) DO UPDATE SET field_values = v.field_values + 1;
        INSERT INTO canvas_record_sources AS r (workspace_id, source_kind, entity_id, field_values)
        VALUES (NEW.workspace_id, NEW.source_kind, NEW.entity_id, 1)
        ON CONFLICT (workspace_id, source_kind, entity_id) DO UPDATE SET field_values = r.field_values + 1
        RETURNING field_values INTO n;
        IF n = 1 THEN
            INSERT INTO canvas_source_records AS s (workspace_id, source_kind, records)
            VALUES (NEW.workspace_id, NEW.source_kind, 1)
            ON CONFLICT (workspace_id, source_kind) DO UPDATE SET records = s.records + 1;
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER canvas_provenance AFTER INSERT OR DELETE OR UPDATE OF entity_type, entity_id, source_kind, data_kind
    ON field_provenance FOR EACH ROW EXECUTE FUNCTION rapport_canvas_provenance();
