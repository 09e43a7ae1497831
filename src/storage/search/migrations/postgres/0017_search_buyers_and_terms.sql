-- Two changes to PostgreSQL's search, measured on 1M people (bench/README.md).
--
-- 1. search_index keeps the buyer whose consumer a person is (B2B2C partitions). A search
--    by anyone without a grant for every partition read it per candidate row from people
--    (a correlated subquery): 70 ms for a one-word search, most of it those look-ups.
ALTER TABLE search_index ADD COLUMN buyer_company_id BIGINT;
UPDATE search_index s SET buyer_company_id = p.buyer_company_id FROM people p
WHERE s.workspace_id = p.workspace_id AND s.entity_id = p.person_id AND s.entity_type = 'person'
  AND p.buyer_company_id IS NOT NULL;

CREATE OR REPLACE FUNCTION rapport_index_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE workspace_id = OLD.workspace_id AND entity_id = OLD.person_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (workspace_id, entity_id, entity_type, title, body, owner_user_id, team_id,
                                  buyer_company_id)
        VALUES (NEW.workspace_id, NEW.person_id, 'person', NEW.first_name || ' ' || NEW.last_name,
                concat_ws(' ', NEW.email, NEW.phone, NEW.city, NEW.external_id), NEW.owner_user_id, NEW.team_id,
                NEW.buyer_company_id);
    END IF;
    RETURN NULL;
END $$;

-- 2. A vocabulary of name words for typo-tolerant search, as SQLite has had since 0013: a typo
--    is looked up among the workspace's distinct name words (thousands where records are a
--    million), and the records are then searched for the words it resembles. Comparing the
--    whole query with every title (pg_trgm's % on lower(title), migration 0010) read tens of
--    thousands of rows for a short typo: 385 ms for "rosi" on 1M people.
--
--    `folded` is the word with the accented Latin-1 letters of core/latin_fold replaced by
--    their base letter, so that "gonzales" finds "gonzález" (pg_trgm in the C locale takes
--    only ASCII letters for word characters). translate() maps one letter to one: æ and ß
--    keep a letter less than fold_latin gives them; the search compares fold_latin's forms
--    afterwards, so this only decides which words are proposed.
CREATE TABLE search_terms (
    workspace_id BIGINT NOT NULL,
    term TEXT COLLATE "C" NOT NULL,  -- "C": a prefix (^@) is a range of the primary key
    folded TEXT GENERATED ALWAYS AS (translate(term,
        'àáâãäåæçèéêëìíîïðñòóôõöøùúûüýÿßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝ',
        'aaaaaaaceeeeiiiidnoooooouuuuyysaaaaaaaceeeeiiiidnoooooouuuuy')) STORED,
    PRIMARY KEY (workspace_id, term)
);
CREATE INDEX search_terms_folded ON search_terms USING GIN (folded gin_trgm_ops);

-- The words of a name that the vocabulary keeps: lower-cased, split on spaces, three
-- letters or more (as SQLite's triggers of 0013).
CREATE FUNCTION rapport_name_words(name TEXT) RETURNS SETOF TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT DISTINCT w FROM regexp_split_to_table(lower(name), '\s+') AS w WHERE length(w) >= 3
$$;

-- New records: once per statement, so an import's batch adds its words in one INSERT.
CREATE FUNCTION rapport_terms_of_new_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_terms (workspace_id, term)
    SELECT DISTINCT n.workspace_id, w FROM added n, rapport_name_words(n.first_name || ' ' || n.last_name) AS w
    WHERE n.erased_at IS NULL
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER people_terms_insert AFTER INSERT ON people REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION rapport_terms_of_new_people();

CREATE FUNCTION rapport_terms_of_new_companies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_terms (workspace_id, term)
    SELECT DISTINCT n.workspace_id, w FROM added n,
        rapport_name_words(n.legal_name || ' ' || coalesce(n.trade_name, '')) AS w
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER companies_terms_insert AFTER INSERT ON companies REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION rapport_terms_of_new_companies();

-- A renamed person adds the new words; an erased one takes away the words of the old name
-- that no other record of the workspace still has.
CREATE FUNCTION rapport_terms_of_changed_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.erased_at IS NOT NULL AND OLD.erased_at IS NULL THEN
        DELETE FROM search_terms t
        WHERE t.workspace_id = OLD.workspace_id
          AND t.term IN (SELECT rapport_name_words(OLD.first_name || ' ' || OLD.last_name))
          AND NOT EXISTS (SELECT 1 FROM search_index i
                          WHERE i.workspace_id = OLD.workspace_id AND i.entity_id <> OLD.person_id
                            AND i.document @@ phraseto_tsquery('simple', t.term));
    ELSIF NEW.erased_at IS NULL THEN
        INSERT INTO search_terms (workspace_id, term)
        SELECT NEW.workspace_id, w FROM rapport_name_words(NEW.first_name || ' ' || NEW.last_name) AS w
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER people_terms_update AFTER UPDATE OF first_name, last_name, erased_at ON people
    FOR EACH ROW EXECUTE FUNCTION rapport_terms_of_changed_person();

CREATE FUNCTION rapport_terms_of_changed_company() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_terms (workspace_id, term)
    SELECT NEW.workspace_id, w FROM rapport_name_words(NEW.legal_name || ' ' || coalesce(NEW.trade_name, '')) AS w
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER companies_terms_update AFTER UPDATE OF legal_name, trade_name ON companies
    FOR EACH ROW EXECUTE FUNCTION rapport_terms_of_changed_company();

INSERT INTO search_terms (workspace_id, term)
SELECT DISTINCT workspace_id, w FROM people, rapport_name_words(first_name || ' ' || last_name) AS w
WHERE erased_at IS NULL
ON CONFLICT DO NOTHING;
INSERT INTO search_terms (workspace_id, term)
SELECT DISTINCT workspace_id, w FROM companies, rapport_name_words(legal_name || ' ' || coalesce(trade_name, '')) AS w
ON CONFLICT DO NOTHING;
