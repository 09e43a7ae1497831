-- The vocabulary of names for typo-tolerant search on SQLite: every word (of three bytes or
-- more) of people's first and last names and of companies' legal and trade names, lower-cased,
-- once per workspace, with a trigram index. A query word that matches nothing is compared with the few vocabulary
-- entries sharing two neighbouring trigrams with it, and the words alike enough are searched
-- instead ("gonzales" -> "gonzalez", "perreira" -> "pereira"): thousands of names instead
-- of a million records' trigrams, and only names (an email or a street never proposes a
-- correction). Kept by triggers, so every write path feeds it; an erasure removes the
-- erased person's name words unless another record's name still has them.
--
-- Triggers cannot use WITH, so a name is split into words by json_each over the name written
-- as a JSON array (quotes and backslashes escaped, spaces turned into "," separators);
-- a name that still is not valid JSON (control characters) adds no words rather than fail
-- the write.
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
    SELECT new.workspace_id, w.value FROM json_each(
        (SELECT CASE WHEN json_valid(a) THEN a ELSE '[]' END FROM (SELECT '["' || replace(replace(replace(
            lower(new.first_name || ' ' || new.last_name), '\', '\\'), '"', '\"'), ' ', '","') || '"]' AS a))) AS w
    WHERE length(w.value) >= 3;
END;
CREATE TRIGGER people_terms_update AFTER UPDATE OF first_name, last_name ON people
WHEN new.erased_at IS NULL BEGIN
    INSERT OR IGNORE INTO search_terms (workspace_id, term)
    SELECT new.workspace_id, w.value FROM json_each(
        (SELECT CASE WHEN json_valid(a) THEN a ELSE '[]' END FROM (SELECT '["' || replace(replace(replace(
            lower(new.first_name || ' ' || new.last_name), '\', '\\'), '"', '\"'), ' ', '","') || '"]' AS a))) AS w
    WHERE length(w.value) >= 3;
END;
-- The erased person's own index row is left out: the search index trigger of the same
-- update may run before or after this one.
CREATE TRIGGER people_terms_erase AFTER UPDATE OF erased_at ON people
WHEN new.erased_at IS NOT NULL AND old.erased_at IS NULL BEGIN
    DELETE FROM search_terms WHERE workspace_id = old.workspace_id
        AND term IN (SELECT w.value FROM json_each(
            (SELECT CASE WHEN json_valid(a) THEN a ELSE '[]' END FROM (SELECT '["' || replace(replace(replace(
                lower(old.first_name || ' ' || old.last_name), '\', '\\'), '"', '\"'), ' ', '","') || '"]' AS a)))
            AS w)
        AND NOT EXISTS (SELECT 1 FROM search_index WHERE search_index MATCH
                        '{title}: "' || replace(search_terms.term, '"', '""') || '"'
                        AND ws = 'w' || old.workspace_id AND rowid <> old.person_id);
END;
CREATE TRIGGER companies_terms_insert AFTER INSERT ON companies BEGIN
    INSERT OR IGNORE INTO search_terms (workspace_id, term)
    SELECT new.workspace_id, w.value FROM json_each(
        (SELECT CASE WHEN json_valid(a) THEN a ELSE '[]' END FROM (SELECT '["' || replace(replace(replace(
            lower(new.legal_name || ' ' || coalesce(new.trade_name, '')), '\', '\\'), '"', '\"'), ' ', '","') ||
            '"]' AS a))) AS w
    WHERE length(w.value) >= 3;
END;
CREATE TRIGGER companies_terms_update AFTER UPDATE OF legal_name, trade_name ON companies BEGIN
    INSERT OR IGNORE INTO search_terms (workspace_id, term)
    SELECT new.workspace_id, w.value FROM json_each(
        (SELECT CASE WHEN json_valid(a) THEN a ELSE '[]' END FROM (SELECT '["' || replace(replace(replace(
            lower(new.legal_name || ' ' || coalesce(new.trade_name, '')), '\', '\\'), '"', '\"'), ' ', '","') ||
            '"]' AS a))) AS w
    WHERE length(w.value) >= 3;
END;

-- The names already held.
INSERT OR IGNORE INTO search_terms (workspace_id, term)
SELECT DISTINCT n.workspace_id, w.value FROM (
    SELECT workspace_id, lower(first_name || ' ' || last_name) AS name FROM people WHERE erased_at IS NULL
    UNION SELECT workspace_id, lower(legal_name || ' ' || coalesce(trade_name, '')) FROM companies) AS n,
    json_each(CASE WHEN json_valid('["' || replace(replace(replace(n.name, '\', '\\'), '"', '\"'), ' ', '","') || '"]')
                   THEN '["' || replace(replace(replace(n.name, '\', '\\'), '"', '\"'), ' ', '","') || '"]'
                   ELSE '[]' END) AS w
WHERE length(w.value) >= 3;
