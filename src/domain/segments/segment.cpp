#include "domain/segments/segment.hpp"

#include "domain/filters/dates.hpp"

namespace rapport::domain::segments {

std::string_view to_string(SegmentKind kind) {
    switch (kind) {
        case SegmentKind::B2b: return "b2b";
        case SegmentKind::B2c: return "b2c";
        case SegmentKind::Mixed: return "mixed";
    }
    return "mixed";
}

std::optional<SegmentKind> parse_segment_kind(std::string_view text) {
    if (text == "b2b") return SegmentKind::B2b;
    if (text == "b2c") return SegmentKind::B2c;
    if (text == "mixed") return SegmentKind::Mixed;
    return std::nullopt;
}

std::string_view to_string(SegmentType type) {
    return type == SegmentType::Dynamic ? "dynamic" : "static";
}

std::optional<SegmentType> parse_segment_type(std::string_view text) {
    if (text == "dynamic") return SegmentType::Dynamic;
    if (text == "static") return SegmentType::Static;
    return std::nullopt;
}

std::string utc_day(UnixMillis ms) {
    return filters::format_iso_date(filters::date_of(ms));
}

}  // namespace rapport::domain::segments
