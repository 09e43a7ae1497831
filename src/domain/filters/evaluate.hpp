#pragma once
// Evaluates a parsed filter against one record in memory. This is the reference semantics:
// the SQL that storage/filter_sql.hpp generates must select exactly the records for which
// `matches` is true (tests/storage/filter_sql_test.cpp proves it on both engines), and
// automation uses it on single records.
//
// Semantics:
// - Two-valued logic throughout: every condition is true or false, so Not is plain negation.
// - Null: a condition on a field without a value is false, except is_empty (true) and the
//   negative operators neq, not_in and not_contains, which are true ("the city is not Milano"
//   holds for a record without a city). Not{...} of a positive condition is therefore also
//   true for nulls.
// - "No value" means: std::monostate, an empty string (Text, Enum, Date), an empty TagSet,
//   or a value whose alternative does not fit the field type (a string in a number field).
// - Text: eq/neq/in/not_in/contains/not_contains/starts_with ignore ASCII case only: SQLite's
//   lower() and PostgreSQL's lower() under the C locale fold nothing else, so folding more
//   here would disagree with SQL. Accents are significant ("Forlì" does not contain "forli").
// - Enum: exact comparison (parse_filter canonicalises operands to the catalog's spelling).
// - Tags: membership, ignoring ASCII case.
// - Date/DateTime compared with a calendar date (absolute or relative) compare UTC days:
//   created_at eq "2026-11-23" holds all day long; lte includes the whole day. A DateTime
//   compared with an Instant compares exactly. Relative dates resolve against `now`.
//
// Record values by field type (FieldValue alternatives accepted):
//   Text, Enum  std::string          Number, Money  double or std::int64_t
//   Date        CalendarDate or an ISO "YYYY-MM-DD" string
//   DateTime    std::int64_t Unix ms (or double)   Bool  bool
//   Tags        TagSet                Reference  std::int64_t or a decimal id string
//
// Thread-safety: matches is pure; a MapRecord may be read from several threads at once.
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/clock.hpp"
#include "domain/filters/filter.hpp"

namespace rapport::domain::filters {

using TagSet = std::vector<std::string>;
using FieldValue = std::variant<std::monostate, std::string, double, std::int64_t, bool, CalendarDate, TagSet>;

// A read-only view of one record: the value of a field by its catalog name.
class Record {
public:
    virtual ~Record() = default;
    virtual FieldValue get(std::string_view field) const = 0;
};

// A record held in a map; fields not set are null.
class MapRecord final : public Record {
public:
    MapRecord() = default;
    MapRecord(std::initializer_list<std::pair<const std::string, FieldValue>> values) : values_(values) {}

    void set(std::string field, FieldValue value) { values_[std::move(field)] = std::move(value); }
    FieldValue get(std::string_view field) const override;

private:
    std::map<std::string, FieldValue, std::less<>> values_;
};

bool matches(const FilterNode& filter, const Record& record, UnixMillis now);

}  // namespace rapport::domain::filters
