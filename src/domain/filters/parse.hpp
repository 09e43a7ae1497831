#pragma once
// Parses and validates a filter document (JSON) against a field catalog.
//
// Grammar (every object is one node):
//   filter     := null | {} | group | not | condition        null and {} mean "everything"
//   group      := {"and": [filter, ...]} | {"or": [filter, ...]}   ({"and": []} = everything,
//                                                                   {"or": []} = nothing)
//   not        := {"not": filter}
//   condition  := {"field": NAME, "op": OP, "value": VALUE}       ("value" absent or null for
//                                                                   is_empty / is_not_empty)
//   VALUE      := scalar | [scalar, ...] (in, not_in, has_any_tag, has_all_tags: 1..1000 values)
//                        | [low, high]   (between, inclusive)
//   scalar     := "text" | number | true | false | "YYYY-MM-DD"
//               | "YYYY-MM-DDTHH:MM[:SS[.fff]]Z" (or ±HH:MM; date-time fields only)
//               | {"relative": "-30d" | "+7d" | "-2w" | "-6m" | "-1y" | "today" | "start_of_month" ...}
//               | "123" (a record id, for reference fields; a JSON integer is accepted too)
//   null is allowed only for the whole document; {} is allowed anywhere and means "everything".
//
// Which operators apply to which field type (see ops_for in filter.hpp):
//   text        eq neq in not_in contains not_contains starts_with is_empty is_not_empty
//   number/money eq neq in not_in gt gte lt lte between is_empty is_not_empty
//   date/date-time eq neq gt gte lt lte between is_empty is_not_empty
//   boolean     eq neq is_empty is_not_empty
//   choice/reference eq neq in not_in is_empty is_not_empty
//   tags        has_tag has_any_tag has_all_tags is_empty is_not_empty
//
// Limits: nesting depth ≤ 8 (a bare condition is depth 1), ≤ 100 conditions, ≤ 1000 values
// per list and ≤ 10000 values in all (so the SQL stays within both engines' parameter
// limits), texts ≤ 1000 bytes.
//
// On failure returns Error::validation listing every problem found (at most 100) at once,
// each with an RFC 6901 pointer into the document, prefixed by `pointer_prefix` (pass e.g.
// "/filter" when the filter is a member of a request body).
//
// Thread-safety: pure function; safe from any thread.
#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "domain/filters/filter.hpp"

namespace rapport::domain::filters {

inline constexpr int kMaxDepth = 8;
inline constexpr int kMaxConditions = 100;
inline constexpr std::size_t kMaxListValues = 1000;
inline constexpr std::size_t kMaxTotalValues = 10000;
inline constexpr std::size_t kMaxTextBytes = 1000;

Result<FilterNode> parse_filter(const nlohmann::json& doc, const FieldCatalog& catalog,
                                std::string_view pointer_prefix = "");

}  // namespace rapport::domain::filters
