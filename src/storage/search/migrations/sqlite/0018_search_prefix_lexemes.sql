-- PostgreSQL-only change (short prefixes as words of their own in its search documents;
-- SQLite's FTS5 index has had prefix indexes since 0004). Kept so both engines share
-- version numbers.
SELECT 1;
