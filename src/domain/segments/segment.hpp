#pragma once
// Customer segments: the groups the relationship canvas plans relationships for.
//
// A segment groups companies or people (one entity type per segment) and says which market
// it is (b2b, b2c or mixed). It is either
// - dynamic: a filter in the JSON filter language (domain/filters), evaluated live through
//   the same filter → SQL path as lists, so its members are always the records that match
//   now; or
// - static: an explicit list of members, added and removed by id.
// Either way, what a person sees of a segment (members, counts, exports) is limited to the
// records they may read. Daily snapshots record each segment's size for its history.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/customers/fields.hpp"

namespace rapport::domain::segments {

enum class SegmentKind { B2b, B2c, Mixed };
std::string_view to_string(SegmentKind kind);
std::optional<SegmentKind> parse_segment_kind(std::string_view text);

enum class SegmentType { Dynamic, Static };
std::string_view to_string(SegmentType type);
std::optional<SegmentType> parse_segment_type(std::string_view text);

inline constexpr std::size_t kMaxNameLength = 200;
inline constexpr std::size_t kMaxDescriptionLength = 2000;
// Members added by one request; larger lists are sent in several requests.
inline constexpr std::size_t kMaxMembersPerRequest = 500;

struct Segment {
    Id workspace_id = 0;
    Id segment_id = 0;
    std::string name;
    std::string description;
    SegmentKind kind = SegmentKind::Mixed;
    customers::EntityType entity_type = customers::EntityType::Company;
    SegmentType type = SegmentType::Dynamic;
    nlohmann::json filter;  // dynamic: the filter document as given (validated); static: null
    std::optional<Id> owner_user_id;
    UnixMillis created_at = 0;
    UnixMillis updated_at = 0;
};

// What a create or update asks for; absent members are left alone by an update.
struct SegmentInput {
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<SegmentKind> kind;
    std::optional<customers::EntityType> entity_type;
    std::optional<SegmentType> type;
    std::optional<nlohmann::json> filter;            // present (possibly null) or absent
    std::optional<std::optional<Id>> owner_user_id;  // outer: given or not; inner: null clears
    std::vector<FieldError> request_errors;          // found while reading the request
};

// A segment's member count on one UTC day.
struct Snapshot {
    std::string day;  // "YYYY-MM-DD"
    std::int64_t member_count = 0;
    UnixMillis taken_at = 0;
};

// The UTC day containing `ms`, as "YYYY-MM-DD".
std::string utc_day(UnixMillis ms);

}  // namespace rapport::domain::segments
