#pragma once
// The arithmetic of the canvases, pure so it is tested alone (tests/domain/canvas).
//
// Definitions (docs/architecture.md, "Canvas"):
// - share(part, whole) = part / whole, a number in [0, 1]; absent when whole is 0.
// - per_100(n, customers) = n * 100 / customers; absent when there are no customers. The
//   "activity" of a relationship type is its interactions per 100 customers of the segment
//   in the period; a plan's threshold compares against it.
// - Percentiles are nearest-rank: the smallest value with at least p% of the values at or
//   below it (the median is p = 50).
// - Retention (the customer retention rate, CRR): with S the segment's size when the period
//   began (its daily snapshot of the last day up to `from`'s day, UTC), E its size at the end
//   (the live count for a period that has not ended, else the snapshot of the last day up to
//   `to`'s day) and N the new
//   customers (members created in the period), the retained customers are E - N, kept within
//   [0, S]; lost = S - retained; retention = retained / S. A customer "left" when they stopped
//   matching the segment (a filter change, a moved record), were deleted, merged away or were
//   erased out of it; customers who joined the segment without being new count as retained.
#include <cstdint>
#include <optional>
#include <vector>

namespace rapport::domain::canvas {

std::optional<double> share(std::int64_t part, std::int64_t whole);
std::optional<double> per_100(std::int64_t n, std::int64_t customers);

// Nearest-rank percentile, 0 < p <= 100; absent for no values. `values` need not be sorted.
std::optional<std::int64_t> percentile(std::vector<std::int64_t> values, double p);

struct Durations {
    std::int64_t count = 0;
    std::optional<std::int64_t> median;
    std::optional<std::int64_t> p90;
};
Durations summarize(const std::vector<std::int64_t>& values);

struct Retention {
    std::int64_t retained = 0;
    std::int64_t lost = 0;
    std::optional<double> rate;  // absent when S is 0
};
Retention retention(std::int64_t start_size, std::int64_t end_size, std::int64_t new_customers);

// A conversation's first-response service level, as the canvas counts it.
struct SlaOutcome {
    std::int64_t met = 0;       // answered at or before its due time
    std::int64_t breached = 0;  // answered late, or unanswered past its due time
    std::int64_t pending = 0;   // unanswered, due time not reached yet: not counted in the share
};
// Adds one conversation: `due` its first-response due time (none: no service level, ignored),
// `answered` its first response, `now` the end of what is known.
void add_sla(SlaOutcome& outcome, std::optional<std::int64_t> due, std::optional<std::int64_t> answered,
             std::int64_t now);

}  // namespace rapport::domain::canvas
