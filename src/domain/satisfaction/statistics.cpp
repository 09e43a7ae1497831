#include "domain/satisfaction/statistics.hpp"

#include <algorithm>
#include <cmath>

namespace rapport::domain::satisfaction {

std::optional<std::int64_t> percentile(std::vector<std::int64_t> values, double p) {
    if (values.empty() || !(p > 0) || p > 100) return std::nullopt;
    const auto n = static_cast<double>(values.size());
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * n - 1e-9));
    rank = std::clamp<std::size_t>(rank, 1, values.size());
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank - 1), values.end());
    return values[rank - 1];
}

DurationSummary summarize_durations(const std::vector<std::int64_t>& values) {
    return {static_cast<std::int64_t>(values.size()), percentile(values, 50), percentile(values, 90)};
}

void add_rating(RatingSummary& summary, int rating) {
    if (rating < 1 || rating > 5) return;
    ++summary.count;
    ++summary.distribution[static_cast<std::size_t>(rating - 1)];
}

void finish(RatingSummary& summary) {
    if (summary.count == 0) {
        summary.average.reset();
        return;
    }
    std::int64_t total = 0;
    for (std::size_t k = 0; k < summary.distribution.size(); ++k) {
        total += summary.distribution[k] * static_cast<std::int64_t>(k + 1);
    }
    summary.average = static_cast<double>(total) / static_cast<double>(summary.count);
}

void add_score(NpsSummary& summary, int score) {
    if (score < 0 || score > 10) return;
    ++summary.count;
    if (score >= 9) {
        ++summary.promoters;
    } else if (score >= 7) {
        ++summary.passives;
    } else {
        ++summary.detractors;
    }
}

void finish(NpsSummary& summary) {
    if (summary.count == 0) {
        summary.score.reset();
        return;
    }
    const double diff = 100.0 * static_cast<double>(summary.promoters - summary.detractors);
    summary.score = static_cast<std::int64_t>(std::lround(diff / static_cast<double>(summary.count)));
}

}  // namespace rapport::domain::satisfaction
