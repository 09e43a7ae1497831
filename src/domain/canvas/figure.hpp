#pragma once
// A figure of the canvases: a number, or no number and the reason why (never a missing
// measure reported as zero), with the link to what it counts.
//
// Reason codes (stable, for clients to translate):
// - "no_customers": a share or a rate whose denominator is zero (an empty segment);
// - "no_data": a median, percentile or average of no values;
// - "no_snapshot": the segment had no daily snapshot before the period began (retention);
// - "not_visible": the figure counts records beyond what the reader may read;
// - "not_yet_measured": the data that would give it does not exist yet (revenue, costs, consent);
// - "period_too_long": costs are computed for periods of at most ten years;
// - "stale_filter": the segment's stored filter names a custom field since removed.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace rapport::domain::canvas {

// Where the web opens what a figure counts: a route of the app ("/people", "/segments/12",
// "/inbox") and, for the lists of people and companies, a filter in the list filter language
// (null: the route alone).
struct Link {
    std::string route;
    nlohmann::json filter = nullptr;
};

struct Figure {
    std::optional<double> value;
    std::string reason;  // set exactly when value is absent
    bool whole = true;   // a count (serialised as an integer) rather than a share or a mean
    Link link = {};

    static Figure count(std::int64_t n, Link link = {}) {
        return Figure{static_cast<double>(n), "", true, std::move(link)};
    }
    static Figure number(std::optional<double> v, std::string reason_if_absent, Link link = {}) {
        if (!v) return Figure{std::nullopt, std::move(reason_if_absent), false, std::move(link)};
        return Figure{v, "", false, std::move(link)};
    }
    static Figure missing(std::string reason, Link link = {}) {
        return Figure{std::nullopt, std::move(reason), false, std::move(link)};
    }
};

}  // namespace rapport::domain::canvas
