#include "domain/canvas/arithmetic.hpp"

#include <algorithm>
#include <cmath>

namespace rapport::domain::canvas {

std::optional<double> share(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return std::nullopt;
    return static_cast<double>(part) / static_cast<double>(whole);
}

std::optional<double> per_100(std::int64_t n, std::int64_t customers) {
    if (customers <= 0) return std::nullopt;
    return static_cast<double>(n) * 100.0 / static_cast<double>(customers);
}

std::optional<std::int64_t> percentile(std::vector<std::int64_t> values, double p) {
    if (values.empty() || p <= 0 || p > 100) return std::nullopt;
    std::sort(values.begin(), values.end());
    const auto n = static_cast<double>(values.size());
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * n));
    rank = std::clamp<std::size_t>(rank, 1, values.size());
    return values[rank - 1];
}

Durations summarize(const std::vector<std::int64_t>& values) {
    Durations d;
    d.count = static_cast<std::int64_t>(values.size());
    d.median = percentile(values, 50);
    d.p90 = percentile(values, 90);
    return d;
}

Retention retention(std::int64_t start_size, std::int64_t end_size, std::int64_t new_customers) {
    Retention r;
    r.retained = std::clamp<std::int64_t>(end_size - new_customers, 0, std::max<std::int64_t>(start_size, 0));
    r.lost = std::max<std::int64_t>(start_size, 0) - r.retained;
    r.rate = share(r.retained, start_size);
    return r;
}

void add_sla(SlaOutcome& outcome, std::optional<std::int64_t> due, std::optional<std::int64_t> answered,
             std::int64_t now) {
    if (!due) return;
    if (answered) {
        (*answered <= *due ? outcome.met : outcome.breached) += 1;
    } else if (now > *due) {
        outcome.breached += 1;
    } else {
        outcome.pending += 1;
    }
}

}  // namespace rapport::domain::canvas
