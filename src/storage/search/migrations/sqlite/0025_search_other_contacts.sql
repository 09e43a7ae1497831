-- A record's other emails and phones (0024) are words of its search document, so a person is
-- found by a secondary email or phone as by the primary one. The triggers of 0019 again, with
-- the values of both lists (json_each over the stored JSON) at the end of the body. The lists
-- are new (0024), so no stored document lacks them.
DROP TRIGGER companies_search_insert;
DROP TRIGGER companies_search_update;
DROP TRIGGER people_search_insert;
DROP TRIGGER people_search_update;

CREATE TRIGGER companies_search_insert AFTER INSERT ON companies BEGIN
    INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id) VALUES (
        new.company_id, 'w' || new.workspace_id, new.legal_name || ' ' || coalesce(new.trade_name, ''),
        coalesce(new.vat_id, '') || ' ' || coalesce(new.email, '') || ' ' || coalesce(new.pec, '') || ' ' ||
        coalesce(new.phone, '') || ' ' || coalesce(new.city, '') || ' ' || coalesce(new.external_id, '') || ' ' ||
        coalesce((SELECT group_concat(json_extract(e.value, '$.value'), ' ') FROM json_each(new.other_emails) AS e), '') || ' ' ||
        coalesce((SELECT group_concat(json_extract(e.value, '$.value'), ' ') FROM json_each(new.other_phones) AS e), ''),
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
        coalesce(new.phone, '') || ' ' || coalesce(new.city, '') || ' ' || coalesce(new.external_id, '') || ' ' ||
        coalesce((SELECT group_concat(json_extract(e.value, '$.value'), ' ') FROM json_each(new.other_emails) AS e), '') || ' ' ||
        coalesce((SELECT group_concat(json_extract(e.value, '$.value'), ' ') FROM json_each(new.other_phones) AS e), ''),
        'company', new.owner_user_id, new.team_id);
    INSERT INTO search_trigrams (rowid, ws, text)
        SELECT new.company_id, new.workspace_id, coalesce(new.vat_id, '') || ' ' || coalesce(new.phone, '')
        WHERE new.vat_id IS NOT NULL OR new.phone IS NOT NULL;
END;
CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id) VALUES (
        new.person_id, 'w' || new.workspace_id, new.first_name || ' ' || new.last_name,
        coalesce(new.email, '') || ' ' || coalesce(new.phone, '') || ' ' || coalesce(new.city, '') || ' ' ||
        coalesce(new.external_id, '') || ' ' ||
        coalesce((SELECT group_concat(json_extract(e.value, '$.value'), ' ') FROM json_each(new.other_emails) AS e), '') || ' ' ||
        coalesce((SELECT group_concat(json_extract(e.value, '$.value'), ' ') FROM json_each(new.other_phones) AS e), ''),
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
        coalesce(new.external_id, '') || ' ' ||
        coalesce((SELECT group_concat(json_extract(e.value, '$.value'), ' ') FROM json_each(new.other_emails) AS e), '') || ' ' ||
        coalesce((SELECT group_concat(json_extract(e.value, '$.value'), ' ') FROM json_each(new.other_phones) AS e), ''),
        'person', new.owner_user_id, new.team_id);
    INSERT INTO search_trigrams (rowid, ws, text)
        SELECT new.person_id, new.workspace_id, new.phone WHERE new.phone IS NOT NULL;
END;


