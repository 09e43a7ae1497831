// The portfolio's pure rules: days since contact, an owner's coverage, and the page cursor.
#include <gtest/gtest.h>

#include "domain/portfolios/portfolio.hpp"

namespace rapport::domain::portfolios {

TEST(PortfolioDaysSince, WholeDaysAndNeverContacted) {
    const UnixMillis now = 1'800'000'000'000;
    EXPECT_FALSE(days_since(std::nullopt, now).has_value());
    EXPECT_EQ(days_since(now, now), 0);
    EXPECT_EQ(days_since(now - kDay + 1, now), 0);
    EXPECT_EQ(days_since(now - kDay, now), 1);
    EXPECT_EQ(days_since(now - 90 * kDay - 1, now), 90);
    // A contact logged in the future (a planned meeting) is today's.
    EXPECT_EQ(days_since(now + kDay, now), 0);
}

TEST(PortfolioSummary, CoverageIsContactedOverSize) {
    auto s = summarize({7, 1, 3, 3});
    EXPECT_EQ(s.user_id, 7);
    EXPECT_EQ(s.not_contacted, 1);
    ASSERT_TRUE(s.coverage.has_value());
    EXPECT_DOUBLE_EQ(*s.coverage, 0.75);
    // An empty portfolio has no coverage rather than 0 % or 100 %.
    EXPECT_FALSE(summarize({8, 0, 0, 0}).coverage.has_value());
}

TEST(PortfolioCursor, RoundTripsAndRefusesOtherText) {
    for (const PortfolioCursor c : {PortfolioCursor{std::nullopt, EntityType::Company, 42},
                                    PortfolioCursor{1'795'439'864'282, EntityType::Person, 7535823139952918111}}) {
        const auto text = format_cursor(c);
        auto back = parse_portfolio_cursor(text);
        ASSERT_TRUE(back.has_value()) << text;
        EXPECT_EQ(back->last_contact_at, c.last_contact_at);
        EXPECT_EQ(back->type, c.type);
        EXPECT_EQ(back->id, c.id);
    }
    EXPECT_EQ(format_cursor({std::nullopt, EntityType::Company, 42}), "n.c.42");
    for (const char* bad : {"", "n", "n.c", "n.x.42", "abc.c.42", "n.c.", "n.c.x", "12.p.-1"}) {
        EXPECT_FALSE(parse_portfolio_cursor(bad).has_value()) << bad;
    }
}

}  // namespace rapport::domain::portfolios
