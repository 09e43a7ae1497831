-- SQLite-only change (its FTS5 word index rebuilt without the workspace token, with a
-- four-letter prefix index and without column sizes); PostgreSQL's search_index is a table
-- with its own indexes. Kept so both engines share version numbers.
SELECT 1;
