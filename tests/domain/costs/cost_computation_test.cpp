// The cost computation with known answers to the cent: hourly rates (team over role, highest
// team), per-message costs, fixed costs pro-rated by day and allocated to types then to
// customers by minutes, and the largest-remainder rounding that makes every total add up.
#include <gtest/gtest.h>

#include "domain/costs/calendar.hpp"
#include "domain/costs/cost_computation.hpp"
#include "domain/costs/money_split.hpp"

namespace rapport::domain::costs {
namespace {

using timeline::RelationshipType;
constexpr auto kPa = RelationshipType::PersonalAssistance;
constexpr auto kDa = RelationshipType::DedicatedAssistance;

CustomerKey person(Id id) {
    return {customers::EntityType::Person, id};
}

Day day(const char* text) {
    return *parse_day(text);
}

TEST(CostCalendar, ParsesRealDatesOnly) {
    EXPECT_EQ(day("1970-01-01"), 0);
    EXPECT_EQ(format_day(day("2026-02-28") + 1), "2026-03-01");
    EXPECT_EQ(format_day(day("2024-02-28") + 1), "2024-02-29");
    EXPECT_FALSE(parse_day("2026-02-29"));
    EXPECT_FALSE(parse_day("2026-04-31"));
    EXPECT_FALSE(parse_day("2026-4-01"));
    EXPECT_FALSE(parse_day("yesterday"));
    EXPECT_EQ(format_day(month_start(day("2026-12-17"))), "2026-12-01");
    EXPECT_EQ(format_day(next_month_start(day("2026-12-17"))), "2027-01-01");
    EXPECT_EQ(day_of(start_of(day("2026-05-03")) + 5), day("2026-05-03"));
}

TEST(MoneySplit, LargestRemainderKeepsTheTotal) {
    EXPECT_EQ(split_by_weights(10, {1, 1, 1}), (std::vector<std::int64_t>{4, 3, 3}));
    EXPECT_EQ(split_by_weights(100, {2, 1}), (std::vector<std::int64_t>{67, 33}));
    EXPECT_EQ(split_by_weights(7, {0, 0}), (std::vector<std::int64_t>{0, 0}));
    // 1.4 + 1.4 + 1.2 = 4 cents: floors 1 + 1 + 1, the left-over cent goes to the first 0.4.
    const auto k = kTicksPerCent;
    EXPECT_EQ(ticks_to_cents({k * 14 / 10, k * 14 / 10, k * 12 / 10}), (std::vector<std::int64_t>{2, 1, 1}));
    // 0.5 + 0.5 = 1 cent: the total rounds half up and the first half gets it.
    EXPECT_EQ(ticks_to_cents({k / 2, k / 2}), (std::vector<std::int64_t>{1, 0}));
    EXPECT_EQ(round_ticks(k / 2), 1);
    EXPECT_EQ(round_ticks(k / 2 - 1), 0);
}

TEST(MoneySplit, ProRatesByTheDaysOfEachMonth) {
    // 10 of January's 31 days of 31.00 a month: 10.00.
    EXPECT_EQ(prorated_ticks(3100, day("2026-01-01"), day("2026-01-11")), 1000 * kTicksPerCent);
    // 14 of February 2026's 28 days of 28.00: 14.00.
    EXPECT_EQ(prorated_ticks(2800, day("2026-02-01"), day("2026-02-15")), 1400 * kTicksPerCent);
    // A whole month is the monthly amount, whatever its length.
    EXPECT_EQ(prorated_ticks(12345, day("2024-02-01"), day("2024-03-01")), 12345 * kTicksPerCent);
    // Across months: 7/31 of 31.00 + 3/28 of 31.00 = 7.00 + 3.3214... = 10.32.
    EXPECT_EQ(round_ticks(prorated_ticks(3100, day("2026-01-25"), day("2026-02-04"))), 1032);
    // A year of 100.00 a month is 1200.00.
    EXPECT_EQ(prorated_ticks(10000, day("2025-01-01"), day("2026-01-01")), 120'000 * kTicksPerCent);
}

CostModel sample_model() {
    CostModel m;
    m.version_id = 1;
    m.effective_from = "2026-01-01";
    m.currency = "EUR";
    m.team_rates = {{101, 6000}, {102, 9000}};
    m.role_rates = {{Role::Member, 3000}, {Role::Admin, 4500}};
    m.channel_rates = {{"email", 5}};
    m.fixed_costs = {{"CRM licence", FixedCostCategory::Software, 3100, {{kPa, 5000}, {kDa, 5000}}},
                     {"Training", FixedCostCategory::Training, 1000, {}}};
    return m;
}

TEST(CostModelRates, TeamBeatsRoleAndTheHighestTeamWins) {
    const auto m = sample_model();
    EXPECT_EQ(rate_of(m, Role::Member, {101, 102}), 9000);
    EXPECT_EQ(rate_of(m, Role::Member, {101}), 6000);
    EXPECT_EQ(rate_of(m, Role::Admin, {}), 4500);
    EXPECT_EQ(rate_of(m, Role::Admin, {999}), 4500);  // a team without a rate
    EXPECT_EQ(rate_of(m, Role::Viewer, {}), std::nullopt);
    EXPECT_EQ(rate_of(m, std::nullopt, {}), std::nullopt);
}

std::map<Id, Author> sample_authors() {
    return {{1, {Role::Member, {101, 102}}}, {2, {Role::Member, {}}}, {3, {Role::Viewer, {}}}};
}

TEST(CostComputation, KnownAnswersToTheCent) {
    const auto m = sample_model();
    Slice s;
    s.model = &m;
    s.from = day("2026-01-01");
    s.to = day("2026-01-11");
    s.minutes = {{person(1), kPa, 1, 20, {}},       // 20 min × 90.00/h = 30.00
                 {person(1), kDa, 2, 7, {}},        // 7 min × 30.00/h = 3.50
                 {person(2), kDa, 2, 10, {}},       // 10 min × 30.00/h = 5.00
                 {person(2), kPa, 3, 15, {}}};      // a viewer: no rate, unpriced
    s.messages = {{person(1), "email", 3, {}},      // 3 × 0.05
                  {person(2), "whatsapp", 2, {}}};  // no rate
    const auto r = compute_costs({s}, sample_authors());

    // Fixed: licence 10.00 (5.00 per type), training 3.2258 unallocated. Personal
    // assistance's 5.00 goes 20:15 by minutes (2.857, 2.143), dedicated's 7:10 (2.059, 2.941).
    // Exact total 51.8758 → 51.88; the 3 left-over cents go to 0.882, 0.714 and 0.581.
    EXPECT_EQ(r.total.total_cents(), 5188);
    EXPECT_EQ(r.total.time_cents, 3850);
    EXPECT_EQ(r.total.message_cents, 15);
    EXPECT_EQ(r.total.fixed_cents, 1323);
    EXPECT_EQ(r.unattributed.fixed_cents, 323);
    EXPECT_EQ(r.unattributed.total_cents(), 323);
    EXPECT_EQ(r.unpriced_minutes, 15);
    EXPECT_EQ(r.unpriced_messages, 2);
    EXPECT_EQ(r.activity.minutes, 52);
    EXPECT_EQ(r.activity.messages, 5);

    ASSERT_EQ(r.by_customer.size(), 2u);
    EXPECT_EQ(r.by_customer[0].customer, person(1));
    EXPECT_EQ(r.by_customer[0].cost.time_cents, 3350);
    EXPECT_EQ(r.by_customer[0].cost.message_cents, 15);
    EXPECT_EQ(r.by_customer[0].cost.fixed_cents, 492);
    EXPECT_EQ(r.by_customer[0].cost.total_cents(), 3857);
    EXPECT_EQ(r.by_customer[0].activity.minutes, 27);
    EXPECT_EQ((r.by_customer[0].by_type.at(kPa).total_cents()), 3000 + 15 + 286);
    EXPECT_EQ((r.by_customer[0].by_type.at(kDa).total_cents()), 350 + 206);
    EXPECT_EQ(r.by_customer[1].customer, person(2));
    EXPECT_EQ(r.by_customer[1].cost.total_cents(), 1008);
    EXPECT_EQ(r.by_customer[1].cost.fixed_cents, 508);

    ASSERT_EQ(r.by_type.size(), 3u);
    EXPECT_EQ(r.by_type[0].type, kPa);
    EXPECT_EQ(r.by_type[0].cost.total_cents(), 3515);
    EXPECT_EQ(r.by_type[0].activity.minutes, 35);
    EXPECT_EQ(r.by_type[0].activity.messages, 5);
    EXPECT_EQ(r.by_type[1].type, kDa);
    EXPECT_EQ(r.by_type[1].cost.total_cents(), 1350);
    EXPECT_EQ(r.by_type[2].type, std::nullopt);
    EXPECT_EQ(r.by_type[2].cost.total_cents(), 323);

    // The parts add up to the whole, to the cent.
    std::int64_t sum = r.unattributed.total_cents();
    for (const auto& c : r.by_customer) sum += c.cost.total_cents();
    EXPECT_EQ(sum, r.total.total_cents());

    ASSERT_EQ(r.fixed_lines.size(), 2u);
    EXPECT_EQ(r.fixed_lines[0].cents, 1000);
    EXPECT_EQ(r.fixed_lines[1].cents, 323);
    EXPECT_EQ(r.fixed_lines[1].category, FixedCostCategory::Training);
}

TEST(CostComputation, EachSliceUsesItsOwnVersion) {
    auto early = sample_model();
    early.fixed_costs.clear();
    auto late = early;
    late.version_id = 2;
    late.effective_from = "2026-01-06";
    late.role_rates = {{Role::Member, 6000}};
    Slice before, first, second;
    before.from = day("2025-12-30");
    before.to = day("2026-01-01");
    before.minutes = {{person(1), kPa, 2, 60, {}}};  // no model yet: unpriced
    first.model = &early;
    first.from = day("2026-01-01");
    first.to = day("2026-01-06");
    first.minutes = {{person(1), kPa, 2, 60, {}}};  // 30.00
    second.model = &late;
    second.from = day("2026-01-06");
    second.to = day("2026-01-11");
    second.minutes = {{person(1), kPa, 2, 60, {}}};  // 60.00
    const auto r = compute_costs({before, first, second}, sample_authors());
    EXPECT_EQ(r.total.time_cents, 9000);
    EXPECT_EQ(r.unpriced_minutes, 60);
    EXPECT_EQ(r.days_without_model, 2);
    EXPECT_EQ(r.activity.minutes, 180);
}

TEST(CostComputation, AFixedCostOfATypeWithoutMinutesStaysOnTheType) {
    auto m = sample_model();
    m.fixed_costs = {{"Forum software", FixedCostCategory::Software, 3100, {{RelationshipType::Community, 10000}}}};
    Slice s;
    s.model = &m;
    s.from = day("2026-01-01");
    s.to = day("2026-02-01");
    s.minutes = {{person(1), kPa, 2, 60, {}}};
    const auto r = compute_costs({s}, sample_authors());
    EXPECT_EQ(r.total.total_cents(), 3000 + 3100);
    EXPECT_EQ(r.unattributed.fixed_cents, 3100);
    ASSERT_EQ(r.by_type.size(), 2u);
    EXPECT_EQ(r.by_type[1].type, RelationshipType::Community);
    EXPECT_EQ(r.by_type[1].cost.fixed_cents, 3100);
    ASSERT_EQ(r.by_customer.size(), 1u);
    EXPECT_EQ(r.by_customer[0].cost.total_cents(), 3000);
}

TEST(CostComputation, CompaniesRollUpTheirContactsCosts) {
    const auto m = sample_model();
    Slice s;
    s.model = &m;
    s.from = day("2026-01-01");
    s.to = day("2026-01-02");
    const CustomerKey acme{customers::EntityType::Company, 50};
    s.minutes = {{person(1), kPa, 2, 60, 50},            // a contact of company 50: 30.00
                 {acme, kPa, 2, 30, 50},                 // the company itself: 15.00
                 {person(2), kPa, 2, 2, std::nullopt}};  // 1.00, no company
    s.messages = {{person(1), "email", 4, 50}};          // 0.20
    auto only_time = m;
    only_time.fixed_costs.clear();
    s.model = &only_time;
    const auto r = compute_costs({s}, sample_authors());
    ASSERT_EQ(r.by_company.size(), 1u);
    EXPECT_EQ(r.by_company[0].customer, acme);
    EXPECT_EQ(r.by_company[0].cost.total_cents(), 3000 + 1500 + 20);
    EXPECT_EQ(r.by_company[0].activity.minutes, 90);
    EXPECT_EQ(r.by_company[0].activity.messages, 4);
    // As customers, the person and the company are apart.
    ASSERT_EQ(r.by_customer.size(), 3u);
    EXPECT_EQ(r.by_customer[0].customer, person(1));
    EXPECT_EQ(r.by_customer[0].cost.total_cents(), 3020);
    EXPECT_EQ(r.by_customer[1].customer, acme);
    EXPECT_EQ(r.by_customer[1].cost.total_cents(), 1500);
    EXPECT_EQ(r.total.total_cents(), 3000 + 1500 + 100 + 20);
}

TEST(CostComputation, EachComponentIsRoundedAsAWhole) {
    // Time: 1 min at 0.36/h = 0.6 cent → 1. Fixed: 1 of January's 31 days of 0.19 = 0.613 cent → 1.
    // Rounded together (1.213 → 1) one of them would read 0; each is rounded as a whole instead.
    auto m = sample_model();
    m.role_rates = {{Role::Member, 36}};
    m.team_rates.clear();
    m.fixed_costs = {{"Tiny", FixedCostCategory::Tools, 19, {}}};
    Slice s;
    s.model = &m;
    s.from = day("2026-01-01");
    s.to = day("2026-01-02");
    s.minutes = {{person(1), kPa, 2, 1, {}}};
    const auto r = compute_costs({s}, sample_authors());
    EXPECT_EQ(r.total.time_cents, 1);
    EXPECT_EQ(r.total.fixed_cents, 1);
    EXPECT_EQ(r.total.total_cents(), 2);
    ASSERT_EQ(r.fixed_lines.size(), 1u);
    EXPECT_EQ(r.fixed_lines[0].cents, 1);
}

TEST(CostModelValidation, ReportsEachProblemWithItsPointer) {
    auto m = sample_model();
    EXPECT_TRUE(validate(m, {101, 102}).empty());
    m.currency = "EURO";
    m.effective_from = "2026-02-30";
    m.fixed_costs[0].allocation[1].basis_points = 4000;
    m.fixed_costs[1].monthly_cents = -1;
    m.channel_rates.push_back({"email", 1});
    m.role_rates.push_back({Role::Member, 1});
    const auto errors = validate(m, {101});
    std::vector<std::string> pointers;
    for (const auto& e : errors) pointers.push_back(e.pointer);
    EXPECT_EQ(pointers, (std::vector<std::string>{"/effective_from", "/currency", "/team_rates/1/team_id",
                                                  "/role_rates/2/role", "/fixed_costs/0/allocation",
                                                  "/fixed_costs/1/monthly_cents", "/channel_rates/1/channel"}));
    EXPECT_TRUE(is_currency("JPY"));
    EXPECT_EQ(minor_digits("JPY"), 0);
    EXPECT_EQ(minor_digits("KWD"), 3);
    EXPECT_FALSE(is_currency("eur"));
}

}  // namespace
}  // namespace rapport::domain::costs
