-- Each record's tags, lower-cased, also in one column of its row (see tag_list() in
-- sql_customer_repository.cpp): "" or each tag between U+001F separators. Filters on tags
-- become a string test during the scan a count or segment already does, instead of a
-- probe of the tags table per row.
ALTER TABLE people ADD COLUMN tag_list TEXT NOT NULL DEFAULT '';
ALTER TABLE companies ADD COLUMN tag_list TEXT NOT NULL DEFAULT '';

UPDATE people SET tag_list = l.list
FROM (SELECT workspace_id, entity_id, lower(chr(31) || string_agg(tag, chr(31) ORDER BY tag) || chr(31)) AS list
      FROM tags WHERE entity_type = 'person' GROUP BY workspace_id, entity_id) AS l
WHERE people.workspace_id = l.workspace_id AND people.person_id = l.entity_id;

UPDATE companies SET tag_list = l.list
FROM (SELECT workspace_id, entity_id, lower(chr(31) || string_agg(tag, chr(31) ORDER BY tag) || chr(31)) AS list
      FROM tags WHERE entity_type = 'company' GROUP BY workspace_id, entity_id) AS l
WHERE companies.workspace_id = l.workspace_id AND companies.company_id = l.entity_id;
