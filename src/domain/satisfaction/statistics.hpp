#pragma once
// The arithmetic of the satisfaction and service reports, kept pure so it is tested alone.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace rapport::domain::satisfaction {

// The nearest-rank percentile (0 < p <= 100) of `values`: the smallest value with at least p%
// of the values at or below it. nullopt for no values. `values` need not be sorted.
std::optional<std::int64_t> percentile(std::vector<std::int64_t> values, double p);

// Median and 90th percentile of durations, and how many there were.
struct DurationSummary {
    std::int64_t count = 0;
    std::optional<std::int64_t> median;
    std::optional<std::int64_t> p90;
};
DurationSummary summarize_durations(const std::vector<std::int64_t>& values);

// CSAT: ratings 1..5 (others ignored): count, average, and how many of each rating.
struct RatingSummary {
    std::int64_t count = 0;
    std::optional<double> average;
    std::array<std::int64_t, 5> distribution{};  // [0] = ratings of 1 ... [4] = ratings of 5
};
void add_rating(RatingSummary& summary, int rating);
void finish(RatingSummary& summary);

// NPS: scores 0..10; promoters score 9-10, detractors 0-6; the score is the percentage of
// promoters minus that of detractors, from -100 to 100, rounded to a whole number.
struct NpsSummary {
    std::int64_t count = 0;
    std::int64_t promoters = 0;
    std::int64_t passives = 0;
    std::int64_t detractors = 0;
    std::optional<std::int64_t> score;
};
void add_score(NpsSummary& summary, int score);
void finish(NpsSummary& summary);

}  // namespace rapport::domain::satisfaction
