#pragma once
// Turns a parsed filter (domain/filters) into a SQL condition for a WHERE clause, with its
// values appended to `params` as bound parameters ($N numbering continues after the
// parameters already present). The SQL selects exactly the rows for which
// domain::filters::matches is true; see domain/filters/evaluate.hpp for the semantics
// (two-valued logic, nulls, case, day granularity), which this file mirrors:
// - every generated condition is TRUE or FALSE, never NULL, so NOT is plain negation;
// - text compares lower(column) with lower(value); LIKE patterns escape %, _ and \ and use
//   ESCAPE '\'; "" counts as no value (operands are never "", so only is_empty/is_not_empty
//   and Date comparisons need to say so; text comparisons keep the bare column, which lets an
//   expression index on lower(column) serve them);
// - Date fields are ISO text 'YYYY-MM-DD' compared as text (COLLATE "C" on PostgreSQL, so a
//   locale cannot reorder them); DateTime fields are BIGINT Unix ms, compared with a day as
//   the half-open range [start of day, start of next day);
// - custom fields live in a TEXT column holding a JSON object; a value of the wrong JSON type
//   counts as no value (a string in a number field), so casts never fail. The column must
//   hold valid JSON or NULL. A Tags-typed custom field is a JSON array of strings.
//
// Values never enter the SQL text: only bound parameters carry them. Identifiers and
// expressions come only from the SqlFieldMap, which the repository writes; JSON keys are
// checked to be [A-Za-z0-9_]+ because they are embedded in a path literal.
//
// Errors: Error::internal when the filter names a field the map lacks or the map's entry
// does not fit the field type (a bug: the catalog and the map disagree). On error `params`
// is left as it was.
//
// Thread-safety: pure functions; a SqlFieldMap is safe to share once built.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/filters/filter.hpp"
#include "storage/database.hpp"
#include "storage/value.hpp"

namespace rapport::storage {

// How to reach one filterable field from the row of the query the condition goes into.
struct SqlField {
    enum class Kind {
        Column,      // `expression` is a SQL expression of the row, e.g. "p.city"
        CustomJson,  // `expression` is the TEXT column holding a JSON object; the value is at `json_key`
        TagSet,      // rows of `tag_table` (workspace_id, entity_type, entity_id, tag) → EXISTS subquery,
                     // or, when `tag_list_expression` is set, a string search in that column
    };
    // How a Column's text is stored. Mixed: as written, compared as lower(column). Upper or
    // Lower: always in that ASCII case (country and language codes, normalised on write), so
    // equality and IN compare the bare column with the operand in that case: the same rows
    // (filters ignore ASCII case only), without a lower() per row, and index-friendly.
    enum class StoredCase { Mixed, Upper, Lower };

    std::string name;  // the catalog name: "city", "custom.segment", "tags"
    Kind kind = Kind::Column;
    StoredCase stored_case = StoredCase::Mixed;
    std::string expression;
    std::string json_key;              // CustomJson
    std::string tag_table;             // TagSet, e.g. "tags"
    std::string tag_entity_type;       // TagSet, e.g. "person" (bound as a parameter)
    std::string workspace_expression;  // TagSet, e.g. "p.workspace_id"
    std::string entity_id_expression;  // TagSet, e.g. "p.person_id"
    // TagSet, optional: the row's tags in one text column, in ASCII lower case, each between
    // U+001F separators ("" without tags), e.g. "p.tag_list". Tests on it need no subquery.
    std::string tag_list_expression;
    std::string tag_column = "tag";  // TagSet: the column holding the set's items

    static SqlField column(std::string name, std::string expression, StoredCase stored_case = StoredCase::Mixed);
    static SqlField custom_json(std::string name, std::string json_column, std::string key);
    static SqlField tag_set(std::string name, std::string tag_table, std::string entity_type,
                            std::string workspace_expression, std::string entity_id_expression,
                            std::string tag_list_expression = {}, std::string tag_column = "tag");
};

class SqlFieldMap {
public:
    SqlFieldMap() = default;
    explicit SqlFieldMap(std::vector<SqlField> fields);

    // Adds a field, replacing one of the same name.
    void add(SqlField field);
    const SqlField* find(std::string_view name) const;

private:
    std::map<std::string, SqlField, std::less<>> fields_;
};

// Returns e.g. "((p.city) IS NOT NULL AND lower((p.city)) = lower(CAST($3 AS TEXT)))".
// "1=1" for a filter that matches everything, "1=0" for one that matches nothing.
Result<std::string> filter_condition(const domain::filters::FilterNode& filter, const SqlFieldMap& fields,
                                     Dialect dialect, UnixMillis now, Params& params);

}  // namespace rapport::storage
