-- SQLite-only change (a vocabulary of names for typo-tolerant search); PostgreSQL compares
-- titles with pg_trgm's similarity directly. Kept so both engines share version numbers.
SELECT 1;
