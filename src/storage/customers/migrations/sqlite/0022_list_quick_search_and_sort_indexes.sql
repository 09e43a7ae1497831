-- Lists (issue 14). The quick search (?q=, domain/customers/quick_search.hpp) asks whether a
-- word begins a name or the email, as a range of lower(column): one index per column keeps
-- it an index range on a workspace of 1,000,000 people instead of a scan.
CREATE INDEX people_by_lower_first_name ON people (workspace_id, lower(first_name));
CREATE INDEX people_by_lower_last_name ON people (workspace_id, lower(last_name));
CREATE INDEX people_by_lower_email ON people (workspace_id, lower(email));
CREATE INDEX companies_by_lower_legal_name ON companies (workspace_id, lower(legal_name));
CREATE INDEX companies_by_lower_trade_name ON companies (workspace_id, lower(trade_name));
CREATE INDEX companies_by_lower_email ON companies (workspace_id, lower(email));
-- A click on a column header sorts the list on it (keyset paging on "COALESCE(column, ''),
-- id", sql_customer_repository.cpp): the columns shown by default get an index in that
-- order, so the first page of a sort reads a page, not every record of the workspace.
CREATE INDEX people_sorted_by_email ON people (workspace_id, COALESCE(email, ''), person_id);
CREATE INDEX people_sorted_by_city ON people (workspace_id, COALESCE(city, ''), person_id);
CREATE INDEX people_sorted_by_country ON people (workspace_id, COALESCE(country, ''), person_id);
CREATE INDEX people_sorted_by_updated_at ON people (workspace_id, updated_at, person_id);
CREATE INDEX companies_sorted_by_city ON companies (workspace_id, COALESCE(city, ''), company_id);
CREATE INDEX companies_sorted_by_market ON companies (workspace_id, COALESCE(market, ''), company_id);
CREATE INDEX companies_sorted_by_updated_at ON companies (workspace_id, updated_at, company_id);
CREATE INDEX companies_sorted_by_country ON companies (workspace_id, country, company_id);
