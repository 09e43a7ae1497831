-- A record's other emails and phones (0024) are words of its search document, so a person is
-- found by a secondary email or phone as by the primary one. The lists are new, so no stored
-- document lacks them.
CREATE FUNCTION rapport_contact_values(list TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(e ->> 'value', ' ') FROM jsonb_array_elements(CAST(list AS jsonb)) AS e
$$;

CREATE OR REPLACE FUNCTION rapport_index_company() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE workspace_id = OLD.workspace_id AND entity_id = OLD.company_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (workspace_id, entity_id, entity_type, title, body, owner_user_id, team_id)
        VALUES (NEW.workspace_id, NEW.company_id, 'company', NEW.legal_name || ' ' || coalesce(NEW.trade_name, ''),
                concat_ws(' ', NEW.vat_id, NEW.email, NEW.pec, NEW.phone, NEW.city, NEW.external_id,
                          rapport_contact_values(NEW.other_emails), rapport_contact_values(NEW.other_phones)),
                NEW.owner_user_id, NEW.team_id);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION rapport_index_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE workspace_id = OLD.workspace_id AND entity_id = OLD.person_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (workspace_id, entity_id, entity_type, title, body, owner_user_id, team_id,
                                  buyer_company_id)
        VALUES (NEW.workspace_id, NEW.person_id, 'person', NEW.first_name || ' ' || NEW.last_name,
                concat_ws(' ', NEW.email, NEW.phone, NEW.city, NEW.external_id,
                          rapport_contact_values(NEW.other_emails), rapport_contact_values(NEW.other_phones)),
                NEW.owner_user_id, NEW.team_id, NEW.buyer_company_id);
    END IF;
    RETURN NULL;
END $$;
