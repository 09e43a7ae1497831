-- Global search on SQLite: an FTS5 index (word prefixes, accents folded, bm25 ranking) and a
-- trigram index (substrings of names, emails, phones and tax ids, and typo tolerance), kept in
-- step with the records by triggers, so every write path (API, import, demo, merge) indexes in
-- its own transaction. The row id is the record's id: ids are unique across tables.
-- `ws` holds "w<workspace_id>" as an indexed token so a query matches one workspace only.

CREATE VIRTUAL TABLE search_index USING fts5(
    ws, title, body,
    entity_type UNINDEXED, owner_user_id UNINDEXED, team_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE VIRTUAL TABLE search_trigrams USING fts5(ws UNINDEXED, text, tokenize = 'trigram');

CREATE TRIGGER companies_search_insert AFTER INSERT ON companies BEGIN
    INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id) VALUES (
        new.company_id, 'w' || new.workspace_id, new.legal_name || ' ' || coalesce(new.trade_name, ''),
        coalesce(new.vat_id, '') || ' ' || coalesce(new.email, '') || ' ' || coalesce(new.pec, '') || ' ' ||
        coalesce(new.phone, '') || ' ' || coalesce(new.city, '') || ' ' || coalesce(new.external_id, ''),
        'company', new.owner_user_id, new.team_id);
    INSERT INTO search_trigrams (rowid, ws, text) VALUES (
        new.company_id, new.workspace_id, new.legal_name || ' ' || coalesce(new.trade_name, '') || ' ' ||
        coalesce(new.vat_id, '') || ' ' || coalesce(new.email, '') || ' ' || coalesce(new.phone, ''));
END;
CREATE TRIGGER companies_search_delete AFTER DELETE ON companies BEGIN
    DELETE FROM search_index WHERE rowid = old.company_id;
    DELETE FROM search_trigrams WHERE rowid = old.company_id;
END;
CREATE TRIGGER companies_search_update AFTER UPDATE ON companies BEGIN
    DELETE FROM search_index WHERE rowid = old.company_id;
    DELETE FROM search_trigrams WHERE rowid = old.company_id;
    INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id) VALUES (
        new.company_id, 'w' || new.workspace_id, new.legal_name || ' ' || coalesce(new.trade_name, ''),
        coalesce(new.vat_id, '') || ' ' || coalesce(new.email, '') || ' ' || coalesce(new.pec, '') || ' ' ||
        coalesce(new.phone, '') || ' ' || coalesce(new.city, '') || ' ' || coalesce(new.external_id, ''),
        'company', new.owner_user_id, new.team_id);
    INSERT INTO search_trigrams (rowid, ws, text) VALUES (
        new.company_id, new.workspace_id, new.legal_name || ' ' || coalesce(new.trade_name, '') || ' ' ||
        coalesce(new.vat_id, '') || ' ' || coalesce(new.email, '') || ' ' || coalesce(new.phone, ''));
END;

CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id) VALUES (
        new.person_id, 'w' || new.workspace_id, new.first_name || ' ' || new.last_name,
        coalesce(new.email, '') || ' ' || coalesce(new.phone, '') || ' ' || coalesce(new.city, '') || ' ' ||
        coalesce(new.external_id, ''),
        'person', new.owner_user_id, new.team_id);
    INSERT INTO search_trigrams (rowid, ws, text) VALUES (
        new.person_id, new.workspace_id, new.first_name || ' ' || new.last_name || ' ' || coalesce(new.email, '') ||
        ' ' || coalesce(new.phone, ''));
END;
CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN
    DELETE FROM search_index WHERE rowid = old.person_id;
    DELETE FROM search_trigrams WHERE rowid = old.person_id;
END;
CREATE TRIGGER people_search_update AFTER UPDATE ON people BEGIN
    DELETE FROM search_index WHERE rowid = old.person_id;
    DELETE FROM search_trigrams WHERE rowid = old.person_id;
    INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id) VALUES (
        new.person_id, 'w' || new.workspace_id, new.first_name || ' ' || new.last_name,
        coalesce(new.email, '') || ' ' || coalesce(new.phone, '') || ' ' || coalesce(new.city, '') || ' ' ||
        coalesce(new.external_id, ''),
        'person', new.owner_user_id, new.team_id);
    INSERT INTO search_trigrams (rowid, ws, text) VALUES (
        new.person_id, new.workspace_id, new.first_name || ' ' || new.last_name || ' ' || coalesce(new.email, '') ||
        ' ' || coalesce(new.phone, ''));
END;

-- Notes and other interactions are found by their text; a hit leads to its person or company.
CREATE TRIGGER interactions_search_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id) VALUES (
        new.interaction_id, 'w' || new.workspace_id, new.subject, new.body, 'interaction', NULL, NULL);
END;
CREATE TRIGGER interactions_search_delete AFTER DELETE ON interactions BEGIN
    DELETE FROM search_index WHERE rowid = old.interaction_id;
END;
CREATE TRIGGER interactions_search_update AFTER UPDATE OF subject, body ON interactions BEGIN
    DELETE FROM search_index WHERE rowid = old.interaction_id;
    INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id) VALUES (
        new.interaction_id, 'w' || new.workspace_id, new.subject, new.body, 'interaction', NULL, NULL);
END;

-- Records that exist already (the demo, earlier versions) enter the index now.
INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id)
    SELECT company_id, 'w' || workspace_id, legal_name || ' ' || coalesce(trade_name, ''),
           coalesce(vat_id, '') || ' ' || coalesce(email, '') || ' ' || coalesce(pec, '') || ' ' ||
           coalesce(phone, '') || ' ' || coalesce(city, '') || ' ' || coalesce(external_id, ''),
           'company', owner_user_id, team_id FROM companies;
INSERT INTO search_trigrams (rowid, ws, text)
    SELECT company_id, workspace_id, legal_name || ' ' || coalesce(trade_name, '') || ' ' || coalesce(vat_id, '') ||
           ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') FROM companies;
INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id)
    SELECT person_id, 'w' || workspace_id, first_name || ' ' || last_name,
           coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(city, '') || ' ' ||
           coalesce(external_id, ''), 'person', owner_user_id, team_id FROM people;
INSERT INTO search_trigrams (rowid, ws, text)
    SELECT person_id, workspace_id, first_name || ' ' || last_name || ' ' || coalesce(email, '') || ' ' ||
           coalesce(phone, '') FROM people;
INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id)
    SELECT interaction_id, 'w' || workspace_id, subject, body, 'interaction', NULL, NULL FROM interactions;
