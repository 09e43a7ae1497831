#include "domain/servicedesk/assignment_rule.hpp"

#include <gtest/gtest.h>

namespace rapport::domain::servicedesk {

TEST(AssignmentRule, ManualOrNobodyAssignsNoOne) {
    EXPECT_EQ(choose_assignee(AssignmentMode::Manual, {{1, 0}, {2, 0}}, std::nullopt), std::nullopt);
    EXPECT_EQ(choose_assignee(AssignmentMode::RoundRobin, {}, std::nullopt), std::nullopt);
    EXPECT_EQ(choose_assignee(AssignmentMode::LoadBased, {}, Id{3}), std::nullopt);
}

TEST(AssignmentRule, RoundRobinTakesTheMemberAfterTheLastAndWraps) {
    std::vector<MemberLoad> members = {{30, 0}, {10, 5}, {20, 0}};  // any order: rotation by user id
    EXPECT_EQ(choose_assignee(AssignmentMode::RoundRobin, members, std::nullopt), Id{10});
    EXPECT_EQ(choose_assignee(AssignmentMode::RoundRobin, members, Id{10}), Id{20});
    EXPECT_EQ(choose_assignee(AssignmentMode::RoundRobin, members, Id{20}), Id{30});
    EXPECT_EQ(choose_assignee(AssignmentMode::RoundRobin, members, Id{30}), Id{10});
    // The last one left the team: continue with the next id after theirs.
    EXPECT_EQ(choose_assignee(AssignmentMode::RoundRobin, members, Id{25}), Id{30});
    EXPECT_EQ(choose_assignee(AssignmentMode::RoundRobin, members, Id{99}), Id{10});
}

TEST(AssignmentRule, LoadBasedTakesTheLeastBusyTiesGoRoundRobin) {
    std::vector<MemberLoad> members = {{10, 4}, {20, 1}, {30, 2}};
    EXPECT_EQ(choose_assignee(AssignmentMode::LoadBased, members, std::nullopt), Id{20});
    EXPECT_EQ(choose_assignee(AssignmentMode::LoadBased, members, Id{20}), Id{20});
    std::vector<MemberLoad> tied = {{10, 1}, {20, 1}, {30, 1}};
    EXPECT_EQ(choose_assignee(AssignmentMode::LoadBased, tied, Id{10}), Id{20});
    EXPECT_EQ(choose_assignee(AssignmentMode::LoadBased, tied, Id{30}), Id{10});
}

TEST(AssignmentRule, ModesReadAndWrite) {
    for (auto mode : {AssignmentMode::Manual, AssignmentMode::RoundRobin, AssignmentMode::LoadBased}) {
        EXPECT_EQ(parse_assignment_mode(to_string(mode)), mode);
    }
    EXPECT_EQ(parse_assignment_mode("random"), std::nullopt);
}

}  // namespace rapport::domain::servicedesk
