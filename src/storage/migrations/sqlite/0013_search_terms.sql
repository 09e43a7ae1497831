-- The vocabulary of names for typo-tolerant search on SQLite: every first and last name of
-- people and every legal and trade name of companies, lower-cased, once per workspace, with a
-- trigram index. A query word that matches nothing is compared with the few vocabulary
-- entries sharing two neighbouring trigrams with it, and the words alike enough are searched
-- instead ("gonzales" -> "gonzalez", "perreira" -> "pereira"): thousands of names instead
-- of a million records' trigrams, and only names (an email or a street never proposes a
-- correction). Kept by triggers, so every write path feeds it; an erasure removes the
-- erased person's names unless another record still has them.
CREATE TABLE search_terms (
    term_id INTEGER PRIMARY KEY,
    workspace_id BIGINT NOT NULL,
    term TEXT NOT NULL,
    UNIQUE (workspace_id, term)
);
CREATE VIRTUAL TABLE search_term_trigrams USING fts5(
    term, content = 'search_terms', content_rowid = 'term_id', tokenize = 'trigram');

CREATE TRIGGER search_terms_insert AFTER INSERT ON search_terms BEGIN
    INSERT INTO search_term_trigrams (rowid, term) VALUES (new.term_id, new.term);
END;
CREATE TRIGGER search_terms_delete AFTER DELETE ON search_terms BEGIN
    INSERT INTO search_term_trigrams (search_term_trigrams, rowid, term) VALUES ('delete', old.term_id, old.term);
END;

CREATE TRIGGER people_terms_insert AFTER INSERT ON people BEGIN
    INSERT OR IGNORE INTO search_terms (workspace_id, term)
    VALUES (new.workspace_id, lower(new.first_name)), (new.workspace_id, lower(new.last_name));
END;
CREATE TRIGGER people_terms_update AFTER UPDATE OF first_name, last_name ON people
WHEN new.erased_at IS NULL BEGIN
    INSERT OR IGNORE INTO search_terms (workspace_id, term)
    VALUES (new.workspace_id, lower(new.first_name)), (new.workspace_id, lower(new.last_name));
END;
CREATE TRIGGER people_terms_erase AFTER UPDATE OF erased_at ON people
WHEN new.erased_at IS NOT NULL AND old.erased_at IS NULL BEGIN
    DELETE FROM search_terms WHERE workspace_id = old.workspace_id
        AND term IN (lower(old.first_name), lower(old.last_name))
        AND NOT EXISTS (SELECT 1 FROM people p WHERE p.workspace_id = old.workspace_id
                        AND (lower(p.first_name) = search_terms.term OR lower(p.last_name) = search_terms.term))
        AND NOT EXISTS (SELECT 1 FROM companies c WHERE c.workspace_id = old.workspace_id
                        AND (lower(c.legal_name) = search_terms.term OR lower(c.trade_name) = search_terms.term));
END;
CREATE TRIGGER companies_terms_insert AFTER INSERT ON companies BEGIN
    INSERT OR IGNORE INTO search_terms (workspace_id, term)
    SELECT new.workspace_id, lower(v) FROM (SELECT new.legal_name AS v UNION ALL SELECT new.trade_name)
    WHERE v IS NOT NULL AND v <> '';
END;
CREATE TRIGGER companies_terms_update AFTER UPDATE OF legal_name, trade_name ON companies BEGIN
    INSERT OR IGNORE INTO search_terms (workspace_id, term)
    SELECT new.workspace_id, lower(v) FROM (SELECT new.legal_name AS v UNION ALL SELECT new.trade_name)
    WHERE v IS NOT NULL AND v <> '';
END;

INSERT OR IGNORE INTO search_terms (workspace_id, term)
SELECT workspace_id, lower(first_name) FROM people WHERE erased_at IS NULL
UNION SELECT workspace_id, lower(last_name) FROM people WHERE erased_at IS NULL
UNION SELECT workspace_id, lower(legal_name) FROM companies
UNION SELECT workspace_id, lower(trade_name) FROM companies WHERE trade_name IS NOT NULL AND trade_name <> '';
