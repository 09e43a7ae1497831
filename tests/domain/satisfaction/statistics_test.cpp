// The report arithmetic: nearest-rank percentiles, CSAT averages and distributions, NPS.
#include <gtest/gtest.h>

#include "domain/satisfaction/statistics.hpp"

namespace rapport::domain::satisfaction {
namespace {

TEST(PercentileTest, NearestRankOnUnsortedValues) {
    const std::vector<std::int64_t> v{50, 10, 40, 20, 30};
    EXPECT_EQ(percentile(v, 50), 30);
    EXPECT_EQ(percentile(v, 90), 50);
    EXPECT_EQ(percentile(v, 20), 10);
    EXPECT_EQ(percentile(v, 21), 20);
    EXPECT_EQ(percentile(v, 100), 50);
}

TEST(PercentileTest, TenValuesGiveTheNinthForP90) {
    std::vector<std::int64_t> v;
    for (int k = 10; k >= 1; --k) v.push_back(k * 60'000);
    EXPECT_EQ(percentile(v, 90), 9 * 60'000);
    EXPECT_EQ(percentile(v, 50), 5 * 60'000);  // the lower middle: a value that happened
}

TEST(PercentileTest, NothingToMeasure) {
    EXPECT_FALSE(percentile({}, 50));
    EXPECT_FALSE(percentile({1, 2}, 0));
    EXPECT_FALSE(percentile({1, 2}, 101));
    const auto s = summarize_durations({});
    EXPECT_EQ(s.count, 0);
    EXPECT_FALSE(s.median);
    EXPECT_EQ(percentile({7}, 90), 7);
}

TEST(RatingSummaryTest, AverageAndDistribution) {
    RatingSummary s;
    for (int r : {5, 4, 4, 1, 0, 6}) add_rating(s, r);  // 0 and 6 are not ratings
    finish(s);
    EXPECT_EQ(s.count, 4);
    ASSERT_TRUE(s.average);
    EXPECT_DOUBLE_EQ(*s.average, 3.5);
    EXPECT_EQ(s.distribution, (std::array<std::int64_t, 5>{1, 0, 0, 2, 1}));
    RatingSummary empty;
    finish(empty);
    EXPECT_FALSE(empty.average);
}

TEST(NpsSummaryTest, PromotersMinusDetractors) {
    NpsSummary s;
    for (int v : {10, 9, 9, 8, 7, 6, 0, 3, 10, 10}) add_score(s, v);
    finish(s);
    EXPECT_EQ(s.count, 10);
    EXPECT_EQ(s.promoters, 5);
    EXPECT_EQ(s.passives, 2);
    EXPECT_EQ(s.detractors, 3);
    EXPECT_EQ(s.score, 20);
}

TEST(NpsSummaryTest, BoundsAndRounding) {
    NpsSummary all_detractors;
    for (int v : {0, 6, 5}) add_score(all_detractors, v);
    finish(all_detractors);
    EXPECT_EQ(all_detractors.score, -100);
    NpsSummary third;
    for (int v : {9, 7, 8}) add_score(third, v);  // 1 promoter of 3: 33.3 -> 33
    add_score(third, 11);                         // not a score
    finish(third);
    EXPECT_EQ(third.count, 3);
    EXPECT_EQ(third.score, 33);
    NpsSummary none;
    finish(none);
    EXPECT_FALSE(none.score);
}

}  // namespace
}  // namespace rapport::domain::satisfaction
