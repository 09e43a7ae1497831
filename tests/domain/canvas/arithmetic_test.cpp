// The canvases' arithmetic: shares and activity per 100 customers (absent, never zero, without
// customers), nearest-rank medians and p90, the retention rule, and first-response SLA outcomes.
#include <gtest/gtest.h>

#include "domain/canvas/arithmetic.hpp"

namespace rapport::domain::canvas {
namespace {

TEST(CanvasShareTest, ShareAndActivityAreAbsentWithoutCustomers) {
    EXPECT_DOUBLE_EQ(*share(37, 120), 37.0 / 120.0);
    EXPECT_DOUBLE_EQ(*share(0, 5), 0.0);
    EXPECT_FALSE(share(0, 0).has_value());
    EXPECT_DOUBLE_EQ(*per_100(3, 12), 25.0);
    EXPECT_FALSE(per_100(3, 0).has_value());
}

TEST(CanvasPercentileTest, MedianAndP90AreNearestRank) {
    const auto d = summarize({50, 10, 40, 20, 30});
    EXPECT_EQ(d.count, 5);
    EXPECT_EQ(d.median, 30);
    EXPECT_EQ(d.p90, 50);
    const auto even = summarize({4, 1, 3, 2});
    EXPECT_EQ(even.median, 2);  // nearest rank: the 2nd of 4
    EXPECT_EQ(even.p90, 4);
    const auto none = summarize({});
    EXPECT_EQ(none.count, 0);
    EXPECT_FALSE(none.median.has_value());
    EXPECT_FALSE(none.p90.has_value());
    std::vector<std::int64_t> ten;
    for (int k = 10; k >= 1; --k) ten.push_back(k);
    EXPECT_EQ(percentile(ten, 90), 9);
    EXPECT_EQ(percentile(ten, 100), 10);
    EXPECT_FALSE(percentile(ten, 0).has_value());
}

TEST(CanvasRetentionTest, RetainedAreTheEndMinusTheNew) {
    // 100 at the start, 110 at the end, 30 new: 80 retained, 20 lost.
    auto r = retention(100, 110, 30);
    EXPECT_EQ(r.retained, 80);
    EXPECT_EQ(r.lost, 20);
    EXPECT_DOUBLE_EQ(*r.rate, 0.8);
    // More joined than left: retained is capped at the start size, nobody lost.
    r = retention(10, 25, 5);
    EXPECT_EQ(r.retained, 10);
    EXPECT_EQ(r.lost, 0);
    EXPECT_DOUBLE_EQ(*r.rate, 1.0);
    // Everyone replaced: the new outnumber the end.
    r = retention(10, 3, 5);
    EXPECT_EQ(r.retained, 0);
    EXPECT_EQ(r.lost, 10);
    EXPECT_DOUBLE_EQ(*r.rate, 0.0);
    // An empty segment at the start has no rate.
    r = retention(0, 4, 4);
    EXPECT_EQ(r.lost, 0);
    EXPECT_FALSE(r.rate.has_value());
}

TEST(CanvasSlaTest, MetBreachedAndPending) {
    SlaOutcome o;
    add_sla(o, 100, 90, 1000);             // answered early
    add_sla(o, 100, 100, 1000);            // answered exactly on time
    add_sla(o, 100, 101, 1000);            // answered late
    add_sla(o, 100, std::nullopt, 1000);   // unanswered, overdue
    add_sla(o, 5000, std::nullopt, 1000);  // unanswered, not due yet
    add_sla(o, std::nullopt, 50, 1000);    // no service level: ignored
    EXPECT_EQ(o.met, 2);
    EXPECT_EQ(o.breached, 2);
    EXPECT_EQ(o.pending, 1);
    EXPECT_DOUBLE_EQ(*share(o.met, o.met + o.breached), 0.5);
}

}  // namespace
}  // namespace rapport::domain::canvas
