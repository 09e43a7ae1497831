// The join of a plan with measured figures, alone: statuses, an empty segment, service times in
// business hours, NPS and the reasons that replace missing figures, and the gaps' ranking.
#include <gtest/gtest.h>

#include "domain/canvas/relationships_block.hpp"
#include "domain/servicelevels/business_calendar.hpp"

namespace rapport::domain::canvas {
namespace {

using relationships::Comparator;
using relationships::MetricKey;
using relationships::PlanEntry;
using relationships::PlanVersion;
using relationships::Target;

constexpr std::int64_t kHour = 60LL * 60 * 1000;

// A measured segment: `members` members, the personal assistance section with `touched`
// customers and `interactions` interactions.
SegmentEstablished measured(std::int64_t members, std::int64_t interactions, std::int64_t touched) {
    SegmentEstablished m;
    m.segment = {7, "Retail", "b2c", "person"};
    m.period = {0, 30 * 24 * kHour};
    const Link everyone{"/people", nullptr};
    for (const auto& name : relationship_types()) {
        Section s;
        s.name = name;
        const bool pa = name == "personal_assistance";
        const std::int64_t n = pa ? interactions : 0, c = pa ? touched : 0;
        s.figures = {{"interactions", Figure::count(n, everyone)},
                     {"customers_touched", Figure::count(c, everyone)},
                     {"activity_per_100", Figure::number(members ? std::optional(n * 100.0 / members) : std::nullopt,
                                                         "no_customers", everyone)},
                     {"touched_share", Figure::number(members ? std::optional(double(c) / members) : std::nullopt,
                                                      "no_customers", everyone)},
                     {"minutes", Figure::count(0, everyone)}};
        m.types.push_back(std::move(s));
    }
    m.metrics.name = "metrics";
    m.metrics.figures = {{"size", Figure::count(members, everyone)},
                         {"csat_average", Figure::missing("no_data", everyone)}};
    m.facts.interactions = interactions;
    return m;
}

PlanVersion plan_with(PlanEntry entry) {
    PlanVersion p;
    p.segment_id = 7;
    p.version = 2;
    p.entries.push_back(std::move(entry));
    return p;
}

TEST(RelationshipsJoin, AnEmptySegmentEstablishesNothingAndSaysWhy) {
    PlanEntry e;
    e.relationship_type = RelationshipType::PersonalAssistance;
    const auto plan = plan_with(e);
    JoinInputs in;
    in.plan = &plan;
    std::vector<Gap> gaps;
    const auto j = join_segment(measured(0, 0, 0), in, gaps);
    ASSERT_EQ(j.types.size(), 6u);
    EXPECT_FALSE(j.types[0].established.has_value());
    EXPECT_EQ(j.types[0].status, TypeStatus::ExpectedNotEstablished);
    EXPECT_EQ(j.types[0].threshold_measured.reason, "no_customers");
    EXPECT_EQ(j.cost.total.reason, "not_yet_measured");
    EXPECT_TRUE(gaps.empty());  // no members: nobody is touched by any gap
}

TEST(RelationshipsJoin, TargetsUseTheirUnitsAndMissingMeasuresAreNotMisses) {
    PlanEntry e;
    e.relationship_type = RelationshipType::PersonalAssistance;
    e.targets = {Target{MetricKey::FirstResponseBusinessHours, Comparator::AtMost, 4, "business_hours"},
                 Target{MetricKey::Nps, Comparator::AtLeast, 30, "nps"},
                 Target{MetricKey::CsatAverage, Comparator::AtLeast, 4.5, "score_1_5"},
                 Target{MetricKey::ContactIntervalDays, Comparator::AtMost, 20, "days"}};
    const auto plan = plan_with(e);
    JoinInputs in;
    in.plan = &plan;
    in.service.first_response_hours = 6.5;
    in.nps = {40.0, ""};
    in.costs = SegmentCosts{};
    std::vector<Gap> gaps;
    // 10 members, 5 interactions over 30 days: one contact every 60 days per member.
    const auto j = join_segment(measured(10, 5, 3), in, gaps);
    const auto& pa = j.types[0];
    EXPECT_EQ(pa.status, TypeStatus::ExpectedEstablished);  // 50 per 100 >= 10
    ASSERT_EQ(pa.targets.size(), 4u);
    EXPECT_EQ(pa.targets[0].met, false);
    EXPECT_DOUBLE_EQ(*pa.targets[1].measured.value, 40.0);
    EXPECT_EQ(pa.targets[1].met, true);
    EXPECT_FALSE(pa.targets[2].met.has_value());  // no CSAT answers: not measured, not missed
    EXPECT_EQ(pa.targets[2].measured.reason, "no_data");
    EXPECT_DOUBLE_EQ(*pa.targets[3].measured.value, 60.0);
    EXPECT_EQ(pa.targets[3].met, false);
    EXPECT_EQ(*pa.cost.total.value, 0);
    ASSERT_EQ(gaps.size(), 2u);
    EXPECT_EQ(gaps[0].metric, MetricKey::FirstResponseBusinessHours);
    EXPECT_EQ(gaps[0].customers, 10);
    EXPECT_DOUBLE_EQ(*gaps[0].measured, 6.5);
}

TEST(RelationshipsJoin, ServiceTimesCountBusinessHoursOfEachConversationsCalendar) {
    servicelevels::Calendar nine_to_five;
    nine_to_five.name = "Office";
    for (int d = 0; d < 5; ++d) nine_to_five.hours[d] = {{9 * 60, 17 * 60}};
    auto office = servicelevels::BusinessCalendar::make(nine_to_five);
    ASSERT_TRUE(office);
    auto always = servicelevels::BusinessCalendar::always_open("UTC");
    ASSERT_TRUE(always);
    // 2026-01-02 is a Friday. 16:00 -> Monday 10:00 is 2 business hours in the office.
    const std::int64_t friday_16 = 1767312000000 + 16 * kHour;
    const std::int64_t monday_10 = friday_16 + 2 * 24 * kHour + 18 * kHour;
    std::vector<ConversationFact> cs = {
        {friday_16, monday_10, std::nullopt, std::nullopt, Id{1}},                              // office: 2 h
        {friday_16, friday_16 + 3 * kHour, friday_16 + 5 * kHour, std::nullopt, std::nullopt},  // 24/7: 3 h, 5 h
        {friday_16, friday_16 + 1 * kHour, std::nullopt, std::nullopt, Id{1}},                  // office: 1 h
    };
    const auto times = service_times(cs, [&](const ConversationFact& c, UnixMillis a, UnixMillis b) {
        return (c.sla_policy_id ? *office : *always).business_minutes_between(a, b);
    });
    EXPECT_DOUBLE_EQ(*times.first_response_hours, 2.0);  // median of 1, 2, 3
    EXPECT_DOUBLE_EQ(*times.resolution_hours, 5.0);
}

TEST(RelationshipsJoin, GapsRankByCustomersThenSegmentThenType) {
    std::vector<Gap> gaps = {
        {GapKind::NoPlan, {2, "B", "", ""}, std::nullopt, std::nullopt, 5, 5, {}, {}, {}},
        {GapKind::ExpectedNotEstablished,
         {1, "A", "", ""},
         RelationshipType::Community,
         std::nullopt,
         5,
         9,
         {},
         {},
         {}},
        {GapKind::EstablishedNotPlanned,
         {1, "A", "", ""},
         RelationshipType::SelfService,
         std::nullopt,
         5,
         9,
         {},
         {},
         {}},
        {GapKind::TargetMissed, {1, "A", "", ""}, RelationshipType::SelfService, MetricKey::Nps, 8, 9, {}, {}, {}},
    };
    rank_gaps(gaps);
    EXPECT_EQ(gaps[0].customers, 8);
    EXPECT_EQ(gaps[1].type, RelationshipType::SelfService);
    EXPECT_EQ(gaps[2].type, RelationshipType::Community);
    EXPECT_EQ(gaps[3].segment.name, "B");
}

}  // namespace
}  // namespace rapport::domain::canvas
