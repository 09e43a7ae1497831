-- The word index of search again, with what a million people showed (bench/README.md):
--   - `ws` UNINDEXED: every query names its columns ({title body}) and compares ws on the
--     candidates, so the workspace token every row carried was never read, while each of
--     FTS5's segment merges rewrote its posting list of the whole workspace.
--   - prefix '2 3 4': a four-letter prefix of a common surname ("ferr*", "gonz*") had no
--     prefix index, so FTS5 merged the posting lists of every word it begins into memory
--     before returning the first row (the slowest searches at 1M people).
--   - columnsize = 0: the per-row column sizes are only for bm25, which search no longer uses
--     (it ranks candidates in C++), and cost one more row per record.
-- The triggers of 0004 name the same columns and write to the new table unchanged.
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5(
    ws UNINDEXED, title, body,
    entity_type UNINDEXED, owner_user_id UNINDEXED, team_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4', columnsize = 0);

INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id)
    SELECT company_id, 'w' || workspace_id, legal_name || ' ' || coalesce(trade_name, ''),
           coalesce(vat_id, '') || ' ' || coalesce(email, '') || ' ' || coalesce(pec, '') || ' ' ||
           coalesce(phone, '') || ' ' || coalesce(city, '') || ' ' || coalesce(external_id, ''),
           'company', owner_user_id, team_id FROM companies;
INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id)
    SELECT person_id, 'w' || workspace_id, first_name || ' ' || last_name,
           coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(city, '') || ' ' ||
           coalesce(external_id, ''), 'person', owner_user_id, team_id FROM people;
INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id)
    SELECT interaction_id, 'w' || workspace_id, subject, body, 'interaction', NULL, NULL FROM interactions;
