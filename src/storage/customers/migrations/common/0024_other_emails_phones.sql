-- Labelled emails and phones beside a record's primary ones (domain/customers/contact_list.hpp):
-- a JSON array of {"label", "value"} as text, NULL when there are none. The primary `email`
-- and `phone` stay the columns that duplicates, imports' matching and exports rely on.
ALTER TABLE companies ADD COLUMN other_emails TEXT;
ALTER TABLE companies ADD COLUMN other_phones TEXT;
ALTER TABLE people ADD COLUMN other_emails TEXT;
ALTER TABLE people ADD COLUMN other_phones TEXT;
