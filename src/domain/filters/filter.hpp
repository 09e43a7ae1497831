#pragma once
// The filter language of lists and dynamic segments: one AST over customer records, built
// by parse_filter (parse.hpp), evaluated in memory by matches (evaluate.hpp) and turned into
// SQL by storage/filter_sql.hpp. The three must agree; tests/storage/filter_sql_test.cpp
// checks that they do on both engines.
//
// Contract:
// - A FilterNode is And{children} | Or{children} | Not{child} | Condition. And{} with no
//   children is "everything" (what an empty filter document parses to); Or{} is "nothing".
// - A Condition names a field of the caller's FieldCatalog and carries the field's type,
//   resolved at parse time, so consumers never look the catalog up again.
// - Operands are typed by the field: Text/Enum/Tags → string, Number/Money → double,
//   Bool → bool, Reference → Id, Date → CalendarDate | RelativeDate,
//   DateTime → CalendarDate | RelativeDate | Instant. Relative dates stay unresolved until
//   evaluation, which supplies `now`.
// - `values` holds no operand for is_empty/is_not_empty, two for between (low, high), one or
//   more for in/not_in/has_any_tag/has_all_tags, and exactly one otherwise.
//
// Thread-safety: value types and pure functions; a FieldCatalog is safe to share between
// threads once built (only add() mutates it).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/ids.hpp"
#include "domain/filters/dates.hpp"

namespace rapport::domain::filters {

enum class FieldType {
    Text,      // case-insensitive comparisons; "" counts as no value
    Number,    // double
    Money,     // a number in the stored unit; compared like Number
    Date,      // calendar date, stored as ISO text "YYYY-MM-DD"
    DateTime,  // instant, stored as Unix milliseconds
    Bool,
    Enum,       // one of FieldInfo::enum_values, compared exactly (values are canonical)
    Tags,       // a set of strings, compared case-insensitively
    Reference,  // the id of another record
};

enum class Op {
    Eq,
    Neq,
    In,
    NotIn,
    Contains,
    NotContains,
    StartsWith,
    Gt,
    Gte,
    Lt,
    Lte,
    Between,
    IsEmpty,
    IsNotEmpty,
    HasTag,
    HasAnyTag,
    HasAllTags,
};

std::string_view to_string(FieldType type);
std::string_view to_string(Op op);
std::optional<Op> parse_op(std::string_view text);

// The operators that make sense for a field type, in the order messages list them.
const std::vector<Op>& ops_for(FieldType type);
bool op_applies(Op op, FieldType type);

// What a condition compares with. The alternative in use is fixed by the field type (above).
using Operand = std::variant<std::string, double, Id, bool, CalendarDate, RelativeDate, Instant>;

struct Condition {
    std::string field;
    FieldType type = FieldType::Text;
    Op op = Op::Eq;
    std::vector<Operand> values;
};

struct FilterNode;

struct And {
    std::vector<FilterNode> children;
};

struct Or {
    std::vector<FilterNode> children;
};

// Owns exactly one child; copies deeply so FilterNode stays a plain value type.
class Not {
public:
    explicit Not(FilterNode child);
    Not(const Not& other);
    Not& operator=(const Not& other);
    Not(Not&&) noexcept = default;
    Not& operator=(Not&&) noexcept = default;
    ~Not();

    const FilterNode& child() const { return *child_; }

private:
    std::unique_ptr<FilterNode> child_;
};

struct FilterNode {
    std::variant<And, Or, Not, Condition> node;
};

// Everything: the filter an empty document means.
FilterNode match_all();

// The distinct field names a filter reads, sorted (e.g. to know which changes can move a
// record in or out of a segment).
std::vector<std::string> referenced_fields(const FilterNode& filter);

struct FieldInfo {
    std::string name;  // built-in API name ("city") or "custom.<key>"
    FieldType type = FieldType::Text;
    std::vector<std::string> enum_values;  // Enum only
};

// What can be filtered, supplied by the caller (the built-in fields of an entity plus the
// workspace's custom fields).
class FieldCatalog {
public:
    FieldCatalog() = default;
    explicit FieldCatalog(std::vector<FieldInfo> fields);

    // Adds a field, replacing one of the same name.
    void add(FieldInfo field);
    const FieldInfo* find(std::string_view name) const;
    const std::vector<FieldInfo>& fields() const { return fields_; }

private:
    std::vector<FieldInfo> fields_;
    std::map<std::string, std::size_t, std::less<>> index_;
};

}  // namespace rapport::domain::filters
