-- The canvases' rollups on SQLite (issue 16): small tables kept exact by row-level triggers on the
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
CREATE TRIGGER canvas_people_insert AFTER INSERT ON people BEGIN
    INSERT INTO canvas_customer_counts (workspace_id, entity_type, kind, owner_user_id, customers, filled)
    VALUES (new.workspace_id, 'person', CASE WHEN new.buyer_company_id IS NOT NULL THEN 'b2b2c' ELSE new.kind END, COALESCE(new.owner_user_id, 0), 1,
            (CASE WHEN new.email IS NOT NULL AND new.email <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.phone IS NOT NULL AND new.phone <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.city IS NOT NULL AND new.city <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.country IS NOT NULL AND new.country <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.language IS NOT NULL AND new.language <> '' THEN 1 ELSE 0 END))
    ON CONFLICT (workspace_id, entity_type, kind, owner_user_id)
    DO UPDATE SET customers = customers + 1, filled = filled + excluded.filled;
    INSERT INTO canvas_created_hours (workspace_id, entity_type, hour, customers)
    VALUES (new.workspace_id, 'person', new.created_at / 3600000, 1)
    ON CONFLICT (workspace_id, entity_type, hour) DO UPDATE SET customers = customers + 1;
END;
CREATE TRIGGER canvas_people_update AFTER UPDATE OF buyer_company_id, city, country, created_at, email, kind, language, owner_user_id, phone ON people BEGIN
    UPDATE canvas_customer_counts SET customers = customers - 1,
        filled = filled - ((CASE WHEN old.email IS NOT NULL AND old.email <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.phone IS NOT NULL AND old.phone <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.city IS NOT NULL AND old.city <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.country IS NOT NULL AND old.country <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.language IS NOT NULL AND old.language <> '' THEN 1 ELSE 0 END))
    WHERE workspace_id = old.workspace_id AND entity_type = 'person' AND kind = CASE WHEN old.buyer_company_id IS NOT NULL THEN 'b2b2c' ELSE old.kind END
      AND owner_user_id = COALESCE(old.owner_user_id, 0);
    INSERT INTO canvas_customer_counts (workspace_id, entity_type, kind, owner_user_id, customers, filled)
    VALUES (new.workspace_id, 'person', CASE WHEN new.buyer_company_id IS NOT NULL THEN 'b2b2c' ELSE new.kind END, COALESCE(new.owner_user_id, 0), 1,
            (CASE WHEN new.email IS NOT NULL AND new.email <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.phone IS NOT NULL AND new.phone <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.city IS NOT NULL AND new.city <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.country IS NOT NULL AND new.country <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.language IS NOT NULL AND new.language <> '' THEN 1 ELSE 0 END))
    ON CONFLICT (workspace_id, entity_type, kind, owner_user_id)
    DO UPDATE SET customers = customers + 1, filled = filled + excluded.filled;
    UPDATE canvas_created_hours SET customers = customers - 1
    WHERE workspace_id = old.workspace_id AND entity_type = 'person' AND hour = old.created_at / 3600000;
    INSERT INTO canvas_created_hours (workspace_id, entity_type, hour, customers)
    VALUES (new.workspace_id, 'person', new.created_at / 3600000, 1)
    ON CONFLICT (workspace_id, entity_type, hour) DO UPDATE SET customers = customers + 1;
END;
CREATE TRIGGER canvas_people_delete AFTER DELETE ON people BEGIN
    UPDATE canvas_customer_counts SET customers = customers - 1,
        filled = filled - ((CASE WHEN old.email IS NOT NULL AND old.email <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.phone IS NOT NULL AND old.phone <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.city IS NOT NULL AND old.city <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.country IS NOT NULL AND old.country <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.language IS NOT NULL AND old.language <> '' THEN 1 ELSE 0 END))
    WHERE workspace_id = old.workspace_id AND entity_type = 'person' AND kind = CASE WHEN old.buyer_company_id IS NOT NULL THEN 'b2b2c' ELSE old.kind END
      AND owner_user_id = COALESCE(old.owner_user_id, 0);
    UPDATE canvas_created_hours SET customers = customers - 1
    WHERE workspace_id = old.workspace_id AND entity_type = 'person' AND hour = old.created_at / 3600000;
    UPDATE canvas_interaction_hours SET
        interactions = interactions - (SELECT COUNT(*) FROM interactions i WHERE i.workspace_id = old.workspace_id
            AND i.person_id = old.person_id AND i.kind <> 'task' AND i.occurred_at / 3600000 = canvas_interaction_hours.hour
            AND COALESCE(i.relationship_type, '') = canvas_interaction_hours.relationship_type),
        minutes = minutes - (SELECT COALESCE(SUM(i.minutes_spent), 0) FROM interactions i WHERE i.workspace_id = old.workspace_id
            AND i.person_id = old.person_id AND i.kind <> 'task' AND i.occurred_at / 3600000 = canvas_interaction_hours.hour
            AND COALESCE(i.relationship_type, '') = canvas_interaction_hours.relationship_type)
    WHERE workspace_id = old.workspace_id AND entity_type = 'person' AND (hour, relationship_type) IN
        (SELECT i.occurred_at / 3600000, COALESCE(i.relationship_type, '') FROM interactions i
         WHERE i.workspace_id = old.workspace_id AND i.person_id = old.person_id AND i.kind <> 'task');
    DELETE FROM canvas_customer_activity WHERE workspace_id = old.workspace_id AND entity_type = 'person'
        AND customer_id = old.person_id;
END;
CREATE TRIGGER canvas_companies_insert AFTER INSERT ON companies BEGIN
    INSERT INTO canvas_customer_counts (workspace_id, entity_type, kind, owner_user_id, customers, filled)
    VALUES (new.workspace_id, 'company', new.market, COALESCE(new.owner_user_id, 0), 1,
            (CASE WHEN new.vat_id IS NOT NULL AND new.vat_id <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.email IS NOT NULL AND new.email <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.phone IS NOT NULL AND new.phone <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.website IS NOT NULL AND new.website <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.industry IS NOT NULL AND new.industry <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.city IS NOT NULL AND new.city <> '' THEN 1 ELSE 0 END))
    ON CONFLICT (workspace_id, entity_type, kind, owner_user_id)
    DO UPDATE SET customers = customers + 1, filled = filled + excluded.filled;
    INSERT INTO canvas_created_hours (workspace_id, entity_type, hour, customers)
    VALUES (new.workspace_id, 'company', new.created_at / 3600000, 1)
    ON CONFLICT (workspace_id, entity_type, hour) DO UPDATE SET customers = customers + 1;
END;
CREATE TRIGGER canvas_companies_update AFTER UPDATE OF city, created_at, email, industry, market, owner_user_id, phone, vat_id, website ON companies BEGIN
    UPDATE canvas_customer_counts SET customers = customers - 1,
        filled = filled - ((CASE WHEN old.vat_id IS NOT NULL AND old.vat_id <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.email IS NOT NULL AND old.email <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.phone IS NOT NULL AND old.phone <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.website IS NOT NULL AND old.website <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.industry IS NOT NULL AND old.industry <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.city IS NOT NULL AND old.city <> '' THEN 1 ELSE 0 END))
    WHERE workspace_id = old.workspace_id AND entity_type = 'company' AND kind = old.market
      AND owner_user_id = COALESCE(old.owner_user_id, 0);
    INSERT INTO canvas_customer_counts (workspace_id, entity_type, kind, owner_user_id, customers, filled)
    VALUES (new.workspace_id, 'company', new.market, COALESCE(new.owner_user_id, 0), 1,
            (CASE WHEN new.vat_id IS NOT NULL AND new.vat_id <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.email IS NOT NULL AND new.email <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.phone IS NOT NULL AND new.phone <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.website IS NOT NULL AND new.website <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.industry IS NOT NULL AND new.industry <> '' THEN 1 ELSE 0 END) + (CASE WHEN new.city IS NOT NULL AND new.city <> '' THEN 1 ELSE 0 END))
    ON CONFLICT (workspace_id, entity_type, kind, owner_user_id)
    DO UPDATE SET customers = customers + 1, filled = filled + excluded.filled;
    UPDATE canvas_created_hours SET customers = customers - 1
    WHERE workspace_id = old.workspace_id AND entity_type = 'company' AND hour = old.created_at / 3600000;
    INSERT INTO canvas_created_hours (workspace_id, entity_type, hour, customers)
    VALUES (new.workspace_id, 'company', new.created_at / 3600000, 1)
    ON CONFLICT (workspace_id, entity_type, hour) DO UPDATE SET customers = customers + 1;
END;
CREATE TRIGGER canvas_companies_delete AFTER DELETE ON companies BEGIN
    UPDATE canvas_customer_counts SET customers = customers - 1,
        filled = filled - ((CASE WHEN old.vat_id IS NOT NULL AND old.vat_id <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.email IS NOT NULL AND old.email <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.phone IS NOT NULL AND old.phone <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.website IS NOT NULL AND old.website <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.industry IS NOT NULL AND old.industry <> '' THEN 1 ELSE 0 END) + (CASE WHEN old.city IS NOT NULL AND old.city <> '' THEN 1 ELSE 0 END))
    WHERE workspace_id = old.workspace_id AND entity_type = 'company' AND kind = old.market
      AND owner_user_id = COALESCE(old.owner_user_id, 0);
    UPDATE canvas_created_hours SET customers = customers - 1
    WHERE workspace_id = old.workspace_id AND entity_type = 'company' AND hour = old.created_at / 3600000;
    UPDATE canvas_interaction_hours SET
        interactions = interactions - (SELECT COUNT(*) FROM interactions i WHERE i.workspace_id = old.workspace_id
            AND i.company_id = old.company_id AND i.kind <> 'task' AND i.occurred_at / 3600000 = canvas_interaction_hours.hour
            AND COALESCE(i.relationship_type, '') = canvas_interaction_hours.relationship_type),
        minutes = minutes - (SELECT COALESCE(SUM(i.minutes_spent), 0) FROM interactions i WHERE i.workspace_id = old.workspace_id
            AND i.company_id = old.company_id AND i.kind <> 'task' AND i.occurred_at / 3600000 = canvas_interaction_hours.hour
            AND COALESCE(i.relationship_type, '') = canvas_interaction_hours.relationship_type)
    WHERE workspace_id = old.workspace_id AND entity_type = 'company' AND (hour, relationship_type) IN
        (SELECT i.occurred_at / 3600000, COALESCE(i.relationship_type, '') FROM interactions i
         WHERE i.workspace_id = old.workspace_id AND i.company_id = old.company_id AND i.kind <> 'task');
    DELETE FROM canvas_customer_activity WHERE workspace_id = old.workspace_id AND entity_type = 'company'
        AND customer_id = old.company_id;
END;

-- The timeline: an entry counts while its customer exists and it is not a task.
CREATE TRIGGER canvas_interactions_insert_person AFTER INSERT ON interactions WHEN new.kind <> 'task' AND new.person_id IS NOT NULL AND EXISTS (SELECT 1 FROM people x WHERE x.workspace_id = new.workspace_id AND x.person_id = new.person_id) BEGIN
    INSERT INTO canvas_interaction_hours (workspace_id, entity_type, hour, relationship_type, interactions, minutes)
    VALUES (new.workspace_id, 'person', new.occurred_at / 3600000, COALESCE(new.relationship_type, ''), 1, new.minutes_spent)
    ON CONFLICT (workspace_id, entity_type, hour, relationship_type)
    DO UPDATE SET interactions = interactions + 1, minutes = minutes + excluded.minutes;
    INSERT INTO canvas_customer_activity (workspace_id, entity_type, customer_id, relationship_type, last_at)
    VALUES (new.workspace_id, 'person', new.person_id, COALESCE(new.relationship_type, ''), new.occurred_at)
    ON CONFLICT (workspace_id, entity_type, customer_id, relationship_type)
    DO UPDATE SET last_at = MAX(COALESCE(last_at, excluded.last_at), excluded.last_at);
    INSERT INTO canvas_customer_activity (workspace_id, entity_type, customer_id, relationship_type, last_at)
    VALUES (new.workspace_id, 'person', new.person_id, '*', new.occurred_at)
    ON CONFLICT (workspace_id, entity_type, customer_id, relationship_type)
    DO UPDATE SET last_at = MAX(COALESCE(last_at, excluded.last_at), excluded.last_at);
END;
CREATE TRIGGER canvas_interactions_delete_person AFTER DELETE ON interactions WHEN old.kind <> 'task' AND old.person_id IS NOT NULL AND EXISTS (SELECT 1 FROM people x WHERE x.workspace_id = old.workspace_id AND x.person_id = old.person_id) BEGIN
    UPDATE canvas_interaction_hours SET interactions = interactions - 1, minutes = minutes - old.minutes_spent
    WHERE workspace_id = old.workspace_id AND entity_type = 'person' AND hour = old.occurred_at / 3600000
      AND relationship_type = COALESCE(old.relationship_type, '');
    UPDATE canvas_customer_activity SET last_at = (SELECT MAX(i.occurred_at) FROM interactions i
        WHERE i.workspace_id = old.workspace_id AND i.person_id = old.person_id AND i.kind <> 'task' AND COALESCE(i.relationship_type, '') = COALESCE(old.relationship_type, ''))
    WHERE workspace_id = old.workspace_id AND entity_type = 'person' AND customer_id = old.person_id
      AND relationship_type = COALESCE(old.relationship_type, '') AND last_at <= old.occurred_at;
    UPDATE canvas_customer_activity SET last_at = (SELECT MAX(i.occurred_at) FROM interactions i
        WHERE i.workspace_id = old.workspace_id AND i.person_id = old.person_id AND i.kind <> 'task' )
    WHERE workspace_id = old.workspace_id AND entity_type = 'person' AND customer_id = old.person_id
      AND relationship_type = '*' AND last_at <= old.occurred_at;
    DELETE FROM canvas_customer_activity WHERE workspace_id = old.workspace_id AND entity_type = 'person'
        AND customer_id = old.person_id AND last_at IS NULL;
END;
CREATE TRIGGER canvas_interactions_update_old_person AFTER UPDATE OF kind, person_id, company_id, relationship_type, minutes_spent, occurred_at ON interactions WHEN old.kind <> 'task' AND old.person_id IS NOT NULL AND EXISTS (SELECT 1 FROM people x WHERE x.workspace_id = old.workspace_id AND x.person_id = old.person_id) BEGIN
    UPDATE canvas_interaction_hours SET interactions = interactions - 1, minutes = minutes - old.minutes_spent
    WHERE workspace_id = old.workspace_id AND entity_type = 'person' AND hour = old.occurred_at / 3600000
      AND relationship_type = COALESCE(old.relationship_type, '');
    UPDATE canvas_customer_activity SET last_at = (SELECT MAX(i.occurred_at) FROM interactions i
        WHERE i.workspace_id = old.workspace_id AND i.person_id = old.person_id AND i.kind <> 'task' AND COALESCE(i.relationship_type, '') = COALESCE(old.relationship_type, ''))
    WHERE workspace_id = old.workspace_id AND entity_type = 'person' AND customer_id = old.person_id
      AND relationship_type = COALESCE(old.relationship_type, '') AND last_at <= old.occurred_at;
    UPDATE canvas_customer_activity SET last_at = (SELECT MAX(i.occurred_at) FROM interactions i
        WHERE i.workspace_id = old.workspace_id AND i.person_id = old.person_id AND i.kind <> 'task' )
    WHERE workspace_id = old.workspace_id AND entity_type = 'person' AND customer_id = old.person_id
      AND relationship_type = '*' AND last_at <= old.occurred_at;
    DELETE FROM canvas_customer_activity WHERE workspace_id = old.workspace_id AND entity_type = 'person'
        AND customer_id = old.person_id AND last_at IS NULL;
END;
CREATE TRIGGER canvas_interactions_update_new_person AFTER UPDATE OF kind, person_id, company_id, relationship_type, minutes_spent, occurred_at ON interactions WHEN new.kind <> 'task' AND new.person_id IS NOT NULL AND EXISTS (SELECT 1 FROM people x WHERE x.workspace_id = new.workspace_id AND x.person_id = new.person_id) BEGIN
    INSERT INTO canvas_interaction_hours (workspace_id, entity_type, hour, relationship_type, interactions, minutes)
    VALUES (new.workspace_id, 'person', new.occurred_at / 3600000, COALESCE(new.relationship_type, ''), 1, new.minutes_spent)
    ON CONFLICT (workspace_id, entity_type, hour, relationship_type)
    DO UPDATE SET interactions = interactions + 1, minutes = minutes + excluded.minutes;
    INSERT INTO canvas_customer_activity (workspace_id, entity_type, customer_id, relationship_type, last_at)
    VALUES (new.workspace_id, 'person', new.person_id, COALESCE(new.relationship_type, ''), new.occurred_at)
    ON CONFLICT (workspace_id, entity_type, customer_id, relationship_type)
    DO UPDATE SET last_at = MAX(COALESCE(last_at, excluded.last_at), excluded.last_at);
    INSERT INTO canvas_customer_activity (workspace_id, entity_type, customer_id, relationship_type, last_at)
    VALUES (new.workspace_id, 'person', new.person_id, '*', new.occurred_at)
    ON CONFLICT (workspace_id, entity_type, customer_id, relationship_type)
    DO UPDATE SET last_at = MAX(COALESCE(last_at, excluded.last_at), excluded.last_at);
END;
CREATE TRIGGER canvas_interactions_insert_company AFTER INSERT ON interactions WHEN new.kind <> 'task' AND new.company_id IS NOT NULL AND EXISTS (SELECT 1 FROM companies x WHERE x.workspace_id = new.workspace_id AND x.company_id = new.company_id) BEGIN
    INSERT INTO canvas_interaction_hours (workspace_id, entity_type, hour, relationship_type, interactions, minutes)
    VALUES (new.workspace_id, 'company', new.occurred_at / 3600000, COALESCE(new.relationship_type, ''), 1, new.minutes_spent)
    ON CONFLICT (workspace_id, entity_type, hour, relationship_type)
    DO UPDATE SET interactions = interactions + 1, minutes = minutes + excluded.minutes;
    INSERT INTO canvas_customer_activity (workspace_id, entity_type, customer_id, relationship_type, last_at)
    VALUES (new.workspace_id, 'company', new.company_id, COALESCE(new.relationship_type, ''), new.occurred_at)
    ON CONFLICT (workspace_id, entity_type, customer_id, relationship_type)
    DO UPDATE SET last_at = MAX(COALESCE(last_at, excluded.last_at), excluded.last_at);
    INSERT INTO canvas_customer_activity (workspace_id, entity_type, customer_id, relationship_type, last_at)
    VALUES (new.workspace_id, 'company', new.company_id, '*', new.occurred_at)
    ON CONFLICT (workspace_id, entity_type, customer_id, relationship_type)
    DO UPDATE SET last_at = MAX(COALESCE(last_at, excluded.last_at), excluded.last_at);
END;
CREATE TRIGGER canvas_interactions_delete_company AFTER DELETE ON interactions WHEN old.kind <> 'task' AND old.company_id IS NOT NULL AND EXISTS (SELECT 1 FROM companies x WHERE x.workspace_id = old.workspace_id AND x.company_id = old.company_id) BEGIN
    UPDATE canvas_interaction_hours SET interactions = interactions - 1, minutes = minutes - old.minutes_spent
    WHERE workspace_id = old.workspace_id AND entity_type = 'company' AND hour = old.occurred_at / 3600000
      AND relationship_type = COALESCE(old.relationship_type, '');
    UPDATE canvas_customer_activity SET last_at = (SELECT MAX(i.occurred_at) FROM interactions i
        WHERE i.workspace_id = old.workspace_id AND i.company_id = old.company_id AND i.kind <> 'task' AND COALESCE(i.relationship_type, '') = COALESCE(old.relationship_type, ''))
    WHERE workspace_id = old.workspace_id AND entity_type = 'company' AND customer_id = old.company_id
      AND relationship_type = COALESCE(old.relationship_type, '') AND last_at <= old.occurred_at;
    UPDATE canvas_customer_activity SET last_at = (SELECT MAX(i.occurred_at) FROM interactions i
        WHERE i.workspace_id = old.workspace_id AND i.company_id = old.company_id AND i.kind <> 'task' )
    WHERE workspace_id = old.workspace_id AND entity_type = 'company' AND customer_id = old.company_id
      AND relationship_type = '*' AND last_at <= old.occurred_at;
    DELETE FROM canvas_customer_activity WHERE workspace_id = old.workspace_id AND entity_type = 'company'
        AND customer_id = old.company_id AND last_at IS NULL;
END;
CREATE TRIGGER canvas_interactions_update_old_company AFTER UPDATE OF kind, person_id, company_id, relationship_type, minutes_spent, occurred_at ON interactions WHEN old.kind <> 'task' AND old.company_id IS NOT NULL AND EXISTS (SELECT 1 FROM companies x WHERE x.workspace_id = old.workspace_id AND x.company_id = old.company_id) BEGIN
    UPDATE canvas_interaction_hours SET interactions = interactions - 1, minutes = minutes - old.minutes_spent
    WHERE workspace_id = old.workspace_id AND entity_type = 'company' AND hour = old.occurred_at / 3600000
      AND relationship_type = COALESCE(old.relationship_type, '');
    UPDATE canvas_customer_activity SET last_at = (SELECT MAX(i.occurred_at) FROM interactions i
        WHERE i.workspace_id = old.workspace_id AND i.company_id = old.company_id AND i.kind <> 'task' AND COALESCE(i.relationship_type, '') = COALESCE(old.relationship_type, ''))
    WHERE workspace_id = old.workspace_id AND entity_type = 'company' AND customer_id = old.company_id
      AND relationship_type = COALESCE(old.relationship_type, '') AND last_at <= old.occurred_at;
    UPDATE canvas_customer_activity SET last_at = (SELECT MAX(i.occurred_at) FROM interactions i
        WHERE i.workspace_id = old.workspace_id AND i.company_id = old.company_id AND i.kind <> 'task' )
    WHERE workspace_id = old.workspace_id AND entity_type = 'company' AND customer_id = old.company_id
      AND relationship_type = '*' AND last_at <= old.occurred_at;
    DELETE FROM canvas_customer_activity WHERE workspace_id = old.workspace_id AND entity_type = 'company'
        AND customer_id = old.company_id AND last_at IS NULL;
END;
CREATE TRIGGER canvas_interactions_update_new_company AFTER UPDATE OF kind, person_id, company_id, relationship_type, minutes_spent, occurred_at ON interactions WHEN new.kind <> 'task' AND new.company_id IS NOT NULL AND EXISTS (SELECT 1 FROM companies x WHERE x.workspace_id = new.workspace_id AND x.company_id = new.company_id) BEGIN
    INSERT INTO canvas_interaction_hours (workspace_id, entity_type, hour, relationship_type, interactions, minutes)
    VALUES (new.workspace_id, 'company', new.occurred_at / 3600000, COALESCE(new.relationship_type, ''), 1, new.minutes_spent)
    ON CONFLICT (workspace_id, entity_type, hour, relationship_type)
    DO UPDATE SET interactions = interactions + 1, minutes = minutes + excluded.minutes;
    INSERT INTO canvas_customer_activity (workspace_id, entity_type, customer_id, relationship_type, last_at)
    VALUES (new.workspace_id, 'company', new.company_id, COALESCE(new.relationship_type, ''), new.occurred_at)
    ON CONFLICT (workspace_id, entity_type, customer_id, relationship_type)
    DO UPDATE SET last_at = MAX(COALESCE(last_at, excluded.last_at), excluded.last_at);
    INSERT INTO canvas_customer_activity (workspace_id, entity_type, customer_id, relationship_type, last_at)
    VALUES (new.workspace_id, 'company', new.company_id, '*', new.occurred_at)
    ON CONFLICT (workspace_id, entity_type, customer_id, relationship_type)
    DO UPDATE SET last_at = MAX(COALESCE(last_at, excluded.last_at), excluded.last_at);
END;

-- The hour histogram of the latest entries follows the activity rows.
CREATE TRIGGER canvas_activity_insert AFTER INSERT ON canvas_customer_activity WHEN new.last_at IS NOT NULL BEGIN
    INSERT INTO canvas_activity_hours (workspace_id, entity_type, relationship_type, hour, customers)
    VALUES (new.workspace_id, new.entity_type, new.relationship_type, new.last_at / 3600000, 1)
    ON CONFLICT (workspace_id, entity_type, relationship_type, hour) DO UPDATE SET customers = customers + 1;
END;
CREATE TRIGGER canvas_activity_update AFTER UPDATE OF last_at ON canvas_customer_activity
WHEN old.last_at IS NOT new.last_at BEGIN
    UPDATE canvas_activity_hours SET customers = customers - 1
    WHERE workspace_id = old.workspace_id AND entity_type = old.entity_type
      AND relationship_type = old.relationship_type AND hour = old.last_at / 3600000;
    INSERT INTO canvas_activity_hours (workspace_id, entity_type, relationship_type, hour, customers)
    SELECT new.workspace_id, new.entity_type, new.relationship_type, new.last_at / 3600000, 1
    WHERE new.last_at IS NOT NULL
    ON CONFLICT (workspace_id, entity_type, relationship_type, hour) DO UPDATE SET customers = customers + 1;
END;
CREATE TRIGGER canvas_activity_delete AFTER DELETE ON canvas_customer_activity WHEN old.last_at IS NOT NULL BEGIN
    UPDATE canvas_activity_hours SET customers = customers - 1
    WHERE workspace_id = old.workspace_id AND entity_type = old.entity_type
      AND relationship_type = old.relationship_type AND hour = old.last_at / 3600000;
END;

-- Field provenance of people and companies.
CREATE TRIGGER canvas_provenance_insert AFTER INSERT ON field_provenance WHEN new.entity_type IN ('person', 'company') BEGIN
    INSERT INTO canvas_value_counts (workspace_id, data_kind, source_kind, field_values)
    VALUES (new.workspace_id, new.data_kind, new.source_kind, 1)
    ON CONFLICT (workspace_id, data_kind, source_kind) DO UPDATE SET field_values = field_values + 1;
    INSERT INTO canvas_record_sources (workspace_id, source_kind, entity_id, field_values)
    VALUES (new.workspace_id, new.source_kind, new.entity_id, 1)
    ON CONFLICT (workspace_id, source_kind, entity_id) DO UPDATE SET field_values = field_values + 1;
    INSERT INTO canvas_source_records (workspace_id, source_kind, records)
    SELECT new.workspace_id, new.source_kind, 1 FROM canvas_record_sources s WHERE s.workspace_id = new.workspace_id
        AND s.source_kind = new.source_kind AND s.entity_id = new.entity_id AND s.field_values = 1
    ON CONFLICT (workspace_id, source_kind) DO UPDATE SET records = records + 1;
END;
CREATE TRIGGER canvas_provenance_delete AFTER DELETE ON field_provenance WHEN old.entity_type IN ('person', 'company') BEGIN
    UPDATE canvas_value_counts SET field_values = field_values - 1
    WHERE workspace_id = old.workspace_id AND data_kind = old.data_kind AND source_kind = old.source_kind;
    UPDATE canvas_record_sources SET field_values = field_values - 1
    WHERE workspace_id = old.workspace_id AND source_kind = old.source_kind AND entity_id = old.entity_id;
    UPDATE canvas_source_records SET records = records - 1 WHERE workspace_id = old.workspace_id
        AND source_kind = old.source_kind AND EXISTS (SELECT 1 FROM canvas_record_sources s
        WHERE s.workspace_id = old.workspace_id AND s.source_kind = old.source_kind AND s.entity_id = old.entity_id
        AND s.field_values = 0);
    DELETE FROM canvas_record_sources WHERE workspace_id = old.workspace_id AND source_kind = old.source_kind
        AND entity_id = old.entity_id AND field_values = 0;
END;
CREATE TRIGGER canvas_provenance_update_old AFTER UPDATE OF entity_type, entity_id, source_kind, data_kind ON field_provenance WHEN old.entity_type IN ('person', 'company') BEGIN
    UPDATE canvas_value_counts SET field_values = field_values - 1
    WHERE workspace_id = old.workspace_id AND data_kind = old.data_kind AND source_kind = old.source_kind;
    UPDATE canvas_record_sources SET field_values = field_values - 1
    WHERE workspace_id = old.workspace_id AND source_kind = old.source_kind AND entity_id = old.entity_id;
    UPDATE canvas_source_records SET records = records - 1 WHERE workspace_id = old.workspace_id
        AND source_kind = old.source_kind AND EXISTS (SELECT 1 FROM canvas_record_sources s
        WHERE s.workspace_id = old.workspace_id AND s.source_kind = old.source_kind AND s.entity_id = old.entity_id
        AND s.field_values = 0);
    DELETE FROM canvas_record_sources WHERE workspace_id = old.workspace_id AND source_kind = old.source_kind
        AND entity_id = old.entity_id AND field_values = 0;
END;
CREATE TRIGGER canvas_provenance_update_new AFTER UPDATE OF entity_type, entity_id, source_kind, data_kind ON field_provenance WHEN new.entity_type IN ('person', 'company') BEGIN
    INSERT INTO canvas_value_counts (workspace_id, data_kind, source_kind, field_values)
    VALUES (new.workspace_id, new.data_kind, new.source_kind, 1)
    ON CONFLICT (workspace_id, data_kind, source_kind) DO UPDATE SET field_values = field_values + 1;
    INSERT INTO canvas_record_sources (workspace_id, source_kind, entity_id, field_values)
    VALUES (new.workspace_id, new.source_kind, new.entity_id, 1)
    ON CONFLICT (workspace_id, source_kind, entity_id) DO UPDATE SET field_values = field_values + 1;
    INSERT INTO canvas_source_records (workspace_id, source_kind, records)
    SELECT new.workspace_id, new.source_kind, 1 FROM canvas_record_sources s WHERE s.workspace_id = new.workspace_id
        AND s.source_kind = new.source_kind AND s.entity_id = new.entity_id AND s.field_values = 1
    ON CONFLICT (workspace_id, source_kind) DO UPDATE SET records = records + 1;
END;
