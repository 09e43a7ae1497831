-- Global search on PostgreSQL: one row per record or interaction with a full-text document
-- (word prefixes via to_tsquery ':*') and a trigram index (pg_trgm: substrings and typo
-- tolerance), kept in step by triggers so every write path indexes in its own transaction.
-- pg_trgm is a trusted extension: the database owner may create it.

CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE TABLE search_index (
    workspace_id BIGINT NOT NULL,
    entity_id BIGINT NOT NULL,
    entity_type TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    owner_user_id BIGINT,
    team_id BIGINT,
    document tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || body)) STORED,
    PRIMARY KEY (workspace_id, entity_id)
);
CREATE INDEX search_index_document ON search_index USING GIN (document);
CREATE INDEX search_index_trigrams ON search_index USING GIN ((lower(title || ' ' || body)) gin_trgm_ops);

CREATE FUNCTION rapport_index_company() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE workspace_id = OLD.workspace_id AND entity_id = OLD.company_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (workspace_id, entity_id, entity_type, title, body, owner_user_id, team_id)
        VALUES (NEW.workspace_id, NEW.company_id, 'company', NEW.legal_name || ' ' || coalesce(NEW.trade_name, ''),
                concat_ws(' ', NEW.vat_id, NEW.email, NEW.pec, NEW.phone, NEW.city, NEW.external_id),
                NEW.owner_user_id, NEW.team_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER companies_search AFTER INSERT OR UPDATE OR DELETE ON companies
    FOR EACH ROW EXECUTE FUNCTION rapport_index_company();

CREATE FUNCTION rapport_index_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE workspace_id = OLD.workspace_id AND entity_id = OLD.person_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (workspace_id, entity_id, entity_type, title, body, owner_user_id, team_id)
        VALUES (NEW.workspace_id, NEW.person_id, 'person', NEW.first_name || ' ' || NEW.last_name,
                concat_ws(' ', NEW.email, NEW.phone, NEW.city, NEW.external_id), NEW.owner_user_id, NEW.team_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER people_search AFTER INSERT OR UPDATE OR DELETE ON people
    FOR EACH ROW EXECUTE FUNCTION rapport_index_person();

CREATE FUNCTION rapport_index_interaction() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE workspace_id = OLD.workspace_id AND entity_id = OLD.interaction_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (workspace_id, entity_id, entity_type, title, body)
        VALUES (NEW.workspace_id, NEW.interaction_id, 'interaction', NEW.subject, NEW.body);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER interactions_search AFTER INSERT OR UPDATE OR DELETE ON interactions
    FOR EACH ROW EXECUTE FUNCTION rapport_index_interaction();

INSERT INTO search_index (workspace_id, entity_id, entity_type, title, body, owner_user_id, team_id)
    SELECT workspace_id, company_id, 'company', legal_name || ' ' || coalesce(trade_name, ''),
           concat_ws(' ', vat_id, email, pec, phone, city, external_id), owner_user_id, team_id FROM companies;
INSERT INTO search_index (workspace_id, entity_id, entity_type, title, body, owner_user_id, team_id)
    SELECT workspace_id, person_id, 'person', first_name || ' ' || last_name,
           concat_ws(' ', email, phone, city, external_id), owner_user_id, team_id FROM people;
INSERT INTO search_index (workspace_id, entity_id, entity_type, title, body)
    SELECT workspace_id, interaction_id, 'interaction', subject, body FROM interactions;
