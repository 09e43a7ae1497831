-- PostgreSQL-only change (an index for search's typo branch); SQLite's search_trigrams
-- table already serves it. Kept so both engines share version numbers.
SELECT 1;
