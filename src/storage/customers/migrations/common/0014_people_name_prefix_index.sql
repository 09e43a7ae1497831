-- The duplicate check of new and imported people looks up the people of the same city whose
-- last name starts with the same three letters (sql_duplicate_repository.cpp, neighbours):
-- an index range per probe instead of every person of the city under an initial.
CREATE INDEX people_by_city_name_prefix ON people (workspace_id, lower(city), lower(substr(last_name, 1, 3)));
