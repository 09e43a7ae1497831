-- The records' trigram index (0004) keeps phone numbers and tax ids only. It held names and
-- emails too: about 55 trigrams for every person written, an eighth of an import's time at
-- 200,000 rows (bench/README.md), for substrings of names that the vocabulary of names
-- (0013) finds among thousands of words instead of a million records; a word inside an
-- email is found by step 1, which the word index tokenizes into words. A term with a digit
-- is still looked up here (inside a phone number or a tax id).
DROP TRIGGER companies_search_insert;
DROP TRIGGER companies_search_update;
DROP TRIGGER people_search_insert;
DROP TRIGGER people_search_update;

CREATE TRIGGER companies_search_insert AFTER INSERT ON companies BEGIN
    INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id) VALUES (
        new.company_id, 'w' || new.workspace_id, new.legal_name || ' ' || coalesce(new.trade_name, ''),
        coalesce(new.vat_id, '') || ' ' || coalesce(new.email, '') || ' ' || coalesce(new.pec, '') || ' ' ||
        coalesce(new.phone, '') || ' ' || coalesce(new.city, '') || ' ' || coalesce(new.external_id, ''),
        'company', new.owner_user_id, new.team_id);
    INSERT INTO search_trigrams (rowid, ws, text)
        SELECT new.company_id, new.workspace_id, coalesce(new.vat_id, '') || ' ' || coalesce(new.phone, '')
        WHERE new.vat_id IS NOT NULL OR new.phone IS NOT NULL;
END;
CREATE TRIGGER companies_search_update AFTER UPDATE ON companies BEGIN
    DELETE FROM search_index WHERE rowid = old.company_id;
    DELETE FROM search_trigrams WHERE rowid = old.company_id;
    INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id) VALUES (
        new.company_id, 'w' || new.workspace_id, new.legal_name || ' ' || coalesce(new.trade_name, ''),
        coalesce(new.vat_id, '') || ' ' || coalesce(new.email, '') || ' ' || coalesce(new.pec, '') || ' ' ||
        coalesce(new.phone, '') || ' ' || coalesce(new.city, '') || ' ' || coalesce(new.external_id, ''),
        'company', new.owner_user_id, new.team_id);
    INSERT INTO search_trigrams (rowid, ws, text)
        SELECT new.company_id, new.workspace_id, coalesce(new.vat_id, '') || ' ' || coalesce(new.phone, '')
        WHERE new.vat_id IS NOT NULL OR new.phone IS NOT NULL;
END;
CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id) VALUES (
        new.person_id, 'w' || new.workspace_id, new.first_name || ' ' || new.last_name,
        coalesce(new.email, '') || ' ' || coalesce(new.phone, '') || ' ' || coalesce(new.city, '') || ' ' ||
        coalesce(new.external_id, ''),
        'person', new.owner_user_id, new.team_id);
    INSERT INTO search_trigrams (rowid, ws, text)
        SELECT new.person_id, new.workspace_id, new.phone WHERE new.phone IS NOT NULL;
END;
CREATE TRIGGER people_search_update AFTER UPDATE ON people BEGIN
    DELETE FROM search_index WHERE rowid = old.person_id;
    DELETE FROM search_trigrams WHERE rowid = old.person_id;
    INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id) VALUES (
        new.person_id, 'w' || new.workspace_id, new.first_name || ' ' || new.last_name,
        coalesce(new.email, '') || ' ' || coalesce(new.phone, '') || ' ' || coalesce(new.city, '') || ' ' ||
        coalesce(new.external_id, ''),
        'person', new.owner_user_id, new.team_id);
    INSERT INTO search_trigrams (rowid, ws, text)
        SELECT new.person_id, new.workspace_id, new.phone WHERE new.phone IS NOT NULL;
END;

DROP TABLE search_trigrams;
CREATE VIRTUAL TABLE search_trigrams USING fts5(ws UNINDEXED, text, tokenize = 'trigram');
INSERT INTO search_trigrams (rowid, ws, text)
    SELECT company_id, workspace_id, coalesce(vat_id, '') || ' ' || coalesce(phone, '') FROM companies
    WHERE vat_id IS NOT NULL OR phone IS NOT NULL;
INSERT INTO search_trigrams (rowid, ws, text)
    SELECT person_id, workspace_id, phone FROM people WHERE phone IS NOT NULL;
