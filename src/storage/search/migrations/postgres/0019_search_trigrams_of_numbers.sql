-- SQLite-only change (its records' trigram index keeps phone numbers and tax ids only).
-- Kept so both engines share version numbers.
SELECT 1;
