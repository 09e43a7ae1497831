-- PostgreSQL-only change (its search_index keeps the buyer of a consumer, and the vocabulary
-- of name words that SQLite has had since 0013; SQLite searches within its target without them).
-- Kept so both engines share version numbers.
SELECT 1;
