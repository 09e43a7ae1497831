-- Filters compare text case-insensitively (lower(column) = lower($n), storage/filter_sql.cpp),
-- so the city indexes of 0003, on the bare column, never served a filter: a list of people
-- filtered by city and sorted by last name walked people_by_last_name testing every row's
-- city (250 ms for a small city among 1,000,000 people on SQLite; 1 ms with this index, which
-- also gives the sort order). The same for companies, in their default (id) order.
CREATE INDEX people_by_lower_city_last_name ON people (workspace_id, lower(city), last_name, person_id);
CREATE INDEX companies_by_lower_city ON companies (workspace_id, lower(city), company_id);
DROP INDEX people_by_city_last_name;
DROP INDEX companies_by_city;
