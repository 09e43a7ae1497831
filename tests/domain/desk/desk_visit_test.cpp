// When "new since your last visit" begins: marks close together are one visit (a reload keeps
// the news), a mark after a gap starts the news at the end of the previous visit.
#include <gtest/gtest.h>

#include "domain/desk/desk_visit.hpp"
#include "domain/tasks/task.hpp"

namespace rapport::domain::desk {

TEST(DeskVisit, AFirstVisitShowsTheLastWeek) {
    const UnixMillis now = 1'800'000'000'000;
    auto v = next_visit(std::nullopt, 1, 2, now, false);
    EXPECT_EQ(v.since_at, now - kFirstVisitLookback);
    EXPECT_EQ(v.last_visit_at, now);
    EXPECT_EQ(news_since(std::nullopt, now), now - kFirstVisitLookback);
}

TEST(DeskVisit, AReloadWithinTheGapKeepsTheNews) {
    const UnixMillis t0 = 1'800'000'000'000;
    DeskVisit first{1, 2, t0 - 1000, t0};
    auto reload = next_visit(first, 1, 2, t0 + kVisitGap, false);
    EXPECT_EQ(reload.since_at, t0 - 1000);
    EXPECT_EQ(reload.last_visit_at, t0 + kVisitGap);
    EXPECT_EQ(news_since(reload, t0 + kVisitGap), t0 - 1000);
}

TEST(DeskVisit, AVisitAfterTheGapStartsWhereThePreviousEnded) {
    const UnixMillis t0 = 1'800'000'000'000;
    DeskVisit first{1, 2, t0 - 5000, t0};
    auto later = next_visit(first, 1, 2, t0 + kVisitGap + 1, false);
    EXPECT_EQ(later.since_at, t0);
}

TEST(DeskVisit, MarkAllSeenStartsNow) {
    const UnixMillis t0 = 1'800'000'000'000;
    DeskVisit first{1, 2, t0 - 5000, t0};
    EXPECT_EQ(next_visit(first, 1, 2, t0 + 10, true).since_at, t0 + 10);
    EXPECT_EQ(next_visit(std::nullopt, 1, 2, t0, true).since_at, t0);
}

}  // namespace rapport::domain::desk

namespace rapport::domain::tasks {

TEST(TaskCursor, RoundTripsDatedAndUndatedPositions) {
    TaskCursor dated{1'800'000'000'000, 42};
    auto back = parse_task_cursor(format_cursor(dated));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->due_at, dated.due_at);
    EXPECT_EQ(back->interaction_id, 42);
    TaskCursor undated{std::nullopt, 7};
    back = parse_task_cursor(format_cursor(undated));
    ASSERT_TRUE(back);
    EXPECT_FALSE(back->due_at);
    EXPECT_EQ(back->interaction_id, 7);
    for (const char* bad : {"", "x", "d12", "d.5", "dx.5", "n", "nq", "d5.x"})
        EXPECT_FALSE(parse_task_cursor(bad)) << bad;
}

TEST(TaskStatus, ParsesTheFourNames) {
    EXPECT_EQ(parse_task_status("open"), TaskStatus::Open);
    EXPECT_EQ(parse_task_status("done"), TaskStatus::Done);
    EXPECT_EQ(parse_task_status("overdue"), TaskStatus::Overdue);
    EXPECT_EQ(parse_task_status("all"), TaskStatus::Any);
    EXPECT_FALSE(parse_task_status("later"));
}

}  // namespace rapport::domain::tasks
