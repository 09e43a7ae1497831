// Service levels on both engines: calendars and policies stored and read back, a calendar in
// use kept, names unique per workspace, and the ServiceLevelService choosing policies by
// real segment membership (a dynamic segment of people, a static one of companies).
#include <gtest/gtest.h>

#include "domain/segments/segment_service.hpp"
#include "domain/servicelevels/segment_membership.hpp"
#include "domain/servicelevels/service_level_service.hpp"
#include "domain/servicelevels/service_level_settings.hpp"
#include "storage/customers_backend.hpp"
#include "storage/segments/sql_segment_repository.hpp"
#include "storage/servicelevels/sql_service_level_repository.hpp"

namespace rapport::storage::testing {

using namespace rapport::domain;
using namespace rapport::domain::servicelevels;

namespace {
// Monday 12 January 2026, 10:00 in Rome (09:00 UTC).
constexpr UnixMillis kMonday10Rome = 1768208400000;
constexpr UnixMillis kMinute = 60'000;
}  // namespace

class ServiceLevelStorageTest : public CustomersBackendTest {
protected:
    void SetUp() override {
        CustomersBackendTest::SetUp();
        if (HasFatalFailure()) return;
        segment_repo_ = std::make_unique<SqlSegmentRepository>(db());
        segments_ = std::make_unique<segments::SegmentService>(*segment_repo_, *customers_, identity_->actors,
                                                               identity_->users, clock_);
        repo_ = std::make_unique<SqlServiceLevelRepository>(db());
        membership_ = std::make_unique<SegmentMembershipOfSegments>(*segment_repo_, *customers_);
        settings_ = std::make_unique<ServiceLevelSettings>(*repo_, *membership_, clock_);
        service_ = std::make_unique<ServiceLevelService>(*repo_, *membership_, clock_);
    }

    Id record(customers::EntityType type, nlohmann::json fields) {
        customers::CustomerInput in;
        in.fields = std::move(fields);
        auto made = customers_->create(acme_, type, in, customers::CustomerService::default_source(acme_));
        EXPECT_TRUE(made) << (made ? "" : made.error().detail);
        return made ? made->id : 0;
    }
    Id segment(customers::EntityType type, segments::SegmentType kind, nlohmann::json filter) {
        segments::SegmentInput in;
        in.name = "Segment " + random_suffix();
        in.kind = segments::SegmentKind::Mixed;
        in.entity_type = type;
        in.type = kind;
        if (!filter.is_null()) in.filter = std::move(filter);
        auto made = segments_->create(acme_, in, "");
        EXPECT_TRUE(made) << (made ? "" : made.error().detail);
        return made ? made->segment_id : 0;
    }
    Calendar office() {
        CalendarInput in;
        in.name = "Office " + random_suffix();
        in.time_zone = "Europe/Rome";
        WeeklyHours hours;
        for (int day = 0; day < 5; ++day) hours[day] = {{9 * 60, 13 * 60}, {14 * 60, 18 * 60}};
        in.hours = hours;
        in.holidays = std::vector<Holiday>{{"2026-12-25", "Natale"}, {"2026-01-01", ""}};
        auto made = settings_->create_calendar(acme_, in, "127.0.0.1");
        EXPECT_TRUE(made) << (made ? "" : made.error().detail);
        return made ? *made : Calendar{};
    }
    SlaPolicy policy(const std::string& name, std::int64_t position, std::optional<Priority> priority,
                     std::optional<Id> segment_id, Id calendar_id, std::int64_t first_response) {
        PolicyInput in;
        in.name = name;
        in.position = position;
        in.priority = priority;
        in.segment_id = segment_id;
        in.calendar_id = calendar_id;
        in.first_response_minutes = std::optional<std::int64_t>{first_response};
        in.resolution_minutes = std::optional<std::int64_t>{480};
        in.warn_before_minutes = 15;
        auto made = settings_->create_policy(acme_, in, "");
        EXPECT_TRUE(made) << (made ? "" : made.error().detail);
        return made ? *made : SlaPolicy{};
    }

    std::unique_ptr<SqlSegmentRepository> segment_repo_;
    std::unique_ptr<segments::SegmentService> segments_;
    std::unique_ptr<SqlServiceLevelRepository> repo_;
    std::unique_ptr<SegmentMembershipOfSegments> membership_;
    std::unique_ptr<ServiceLevelSettings> settings_;
    std::unique_ptr<ServiceLevelService> service_;
};

TEST_P(ServiceLevelStorageTest, CalendarsAndPoliciesRoundTrip) {
    const Calendar c = office();
    auto found = repo_->find_calendar(acme_.workspace_id, c.calendar_id);
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->name, c.name);
    EXPECT_EQ((*found)->time_zone, "Europe/Rome");
    EXPECT_FALSE((*found)->always_open);
    EXPECT_EQ((*found)->hours[0], (std::vector<OpeningInterval>{{540, 780}, {840, 1080}}));
    EXPECT_TRUE((*found)->hours[5].empty());
    EXPECT_EQ((*found)->holidays, (std::vector<Holiday>{{"2026-12-25", "Natale"}, {"2026-01-01", ""}}));
    EXPECT_FALSE(repo_->find_calendar(globex_.workspace_id, c.calendar_id).value().has_value());

    const auto p = policy("Standard", 5, std::nullopt, std::nullopt, c.calendar_id, 60);
    auto got = repo_->find_policy(acme_.workspace_id, p.policy_id);
    ASSERT_TRUE(got && *got);
    EXPECT_EQ((*got)->priority, std::nullopt);
    EXPECT_EQ((*got)->segment_id, std::nullopt);
    EXPECT_EQ((*got)->first_response_minutes, 60);
    EXPECT_EQ((*got)->next_response_minutes, std::nullopt);
    EXPECT_EQ((*got)->warn_before_minutes, 15);
    EXPECT_TRUE(repo_->list_policies(globex_.workspace_id).value().empty());

    // Names are unique per workspace; a calendar in use stays.
    CalendarInput same;
    same.name = c.name;
    same.time_zone = "UTC";
    same.always_open = true;
    auto twice = settings_->create_calendar(acme_, same, "");
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, ErrorCode::Conflict);
    auto in_use = settings_->remove_calendar(acme_, c.calendar_id, "");
    ASSERT_FALSE(in_use);
    EXPECT_EQ(in_use.error().code, ErrorCode::Conflict);
    ASSERT_TRUE(settings_->remove_policy(acme_, p.policy_id, ""));
    ASSERT_TRUE(settings_->remove_calendar(acme_, c.calendar_id, ""));
    EXPECT_FALSE(repo_->find_calendar(acme_.workspace_id, c.calendar_id).value().has_value());
}

TEST_P(ServiceLevelStorageTest, PoliciesAreChosenByPriorityAndRealSegmentMembership) {
    const Id milan =
        record(customers::EntityType::Person, {{"first_name", "Ada"}, {"last_name", "Milanese"}, {"city", "Milano"}});
    const Id rome =
        record(customers::EntityType::Person, {{"first_name", "Bea"}, {"last_name", "Romana"}, {"city", "Roma"}});
    const Id gold_co = record(customers::EntityType::Company, {{"legal_name", "Oro S.p.A."}, {"country", "IT"}});
    const Id other_co = record(customers::EntityType::Company, {{"legal_name", "Ferro S.r.l."}, {"country", "IT"}});
    const Id milanese = segment(customers::EntityType::Person, segments::SegmentType::Dynamic,
                                {{"field", "city"}, {"op", "eq"}, {"value", "Milano"}});
    const Id gold = segment(customers::EntityType::Company, segments::SegmentType::Static, nullptr);
    ASSERT_TRUE(segments_->add_members(acme_, gold, {id_to_string(gold_co)}));

    const Calendar c = office();
    policy("Gold urgent", 1, Priority::Urgent, gold, c.calendar_id, 15);
    policy("Milan", 2, std::nullopt, milanese, c.calendar_id, 30);
    policy("Standard", 3, std::nullopt, std::nullopt, c.calendar_id, 120);

    auto name_for = [&](std::string_view priority, std::optional<Id> person, std::optional<Id> company) {
        auto applied = service_->apply(acme_.workspace_id, priority, person, company, kMonday10Rome);
        EXPECT_TRUE(applied) << (applied ? "" : applied.error().detail);
        return applied && *applied ? (*applied)->policy_name : std::string("none");
    };
    EXPECT_EQ(name_for("urgent", rome, gold_co), "Gold urgent");
    EXPECT_EQ(name_for("high", rome, gold_co), "Standard");
    EXPECT_EQ(name_for("urgent", milan, other_co), "Milan");
    EXPECT_EQ(name_for("low", milan, std::nullopt), "Milan");
    EXPECT_EQ(name_for("urgent", rome, other_co), "Standard");
    EXPECT_EQ(name_for("normal", std::nullopt, std::nullopt), "Standard");

    auto applied = service_->apply(acme_.workspace_id, "urgent", std::nullopt, gold_co, kMonday10Rome);
    ASSERT_TRUE(applied && *applied);
    EXPECT_EQ((*applied)->first_response_due, kMonday10Rome + 15 * kMinute);
    EXPECT_EQ((*applied)->resolution_due, kMonday10Rome + 24 * 60 * kMinute);  // 8 business hours: Tuesday 10:00
    EXPECT_EQ((*applied)->next_response_due, std::nullopt);
    EXPECT_EQ((*applied)->warn_before_minutes, 15);

    // Another workspace has no policy at all; a deleted segment matches no one.
    EXPECT_FALSE(service_->apply(globex_.workspace_id, "urgent", rome, gold_co, kMonday10Rome).value().has_value());
    ASSERT_TRUE(segments_->remove(acme_, gold, ""));
    EXPECT_EQ(name_for("urgent", rome, gold_co), "Standard");

    // due_at in that calendar, with a pause.
    EXPECT_EQ(service_
                  ->due_at(acme_.workspace_id, c.calendar_id, kMonday10Rome, 60,
                           {{kMonday10Rome + 10 * kMinute, kMonday10Rome + 40 * kMinute}})
                  .value(),
              kMonday10Rome + 90 * kMinute);
    EXPECT_FALSE(service_->due_at(globex_.workspace_id, c.calendar_id, kMonday10Rome, 60));
}

INSTANTIATE_TEST_SUITE_P(Engines, ServiceLevelStorageTest, ::testing::ValuesIn(backends()));

}  // namespace rapport::storage::testing
