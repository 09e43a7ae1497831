-- The duplicate check of new and imported people narrows a block of more than a few dozen
-- people (same city, same first three letters of the last name) to those whose first name has
-- the probe's initial (sql_duplicate_repository.cpp, neighbours). This index serves both the
-- block and its narrowed part, so it replaces migration 0014's.
DROP INDEX people_by_city_name_prefix;
CREATE INDEX people_by_city_name_initials ON people (
    workspace_id, lower(city), lower(substr(last_name, 1, 3)), lower(substr(first_name, 1, 1)));
