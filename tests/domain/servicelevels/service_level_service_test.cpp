// Choosing the SLA policy (position, priority, segment) and the service other areas call.
#include "domain/servicelevels/service_level_service.hpp"

#include <date/tz.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "domain/servicelevels/business_calendar.hpp"

namespace rapport::domain::servicelevels {

namespace {

constexpr Id kWs = 7;

UnixMillis rome(int y, unsigned mo, unsigned d, int h, int mi = 0) {
    const auto local = date::local_days{date::year{y} / date::month{mo} / date::day{d}} + std::chrono::hours{h} +
                       std::chrono::minutes{mi};
    const auto sys = date::locate_zone("Europe/Rome")->to_sys(local, date::choose::earliest);
    return std::chrono::duration_cast<std::chrono::milliseconds>(sys.time_since_epoch()).count();
}

SlaPolicy policy(Id id, std::string name, std::int64_t position, std::optional<Priority> priority,
                 std::optional<Id> segment = std::nullopt) {
    SlaPolicy p;
    p.workspace_id = kWs;
    p.policy_id = id;
    p.name = std::move(name);
    p.position = position;
    p.priority = priority;
    p.segment_id = segment;
    p.calendar_id = 1;
    p.first_response_minutes = 60;
    p.resolution_minutes = 480;
    p.warn_before_minutes = 15;
    return p;
}

class MemoryRepository final : public ServiceLevelRepository {
public:
    std::map<Id, Calendar> calendars;
    std::vector<SlaPolicy> policies;
    Status insert_calendar(const Calendar& c, const AuditEntry&) override {
        calendars[c.calendar_id] = c;
        return {};
    }
    Status update_calendar(const Calendar& c, const AuditEntry&) override { return insert_calendar(c, {}); }
    Status delete_calendar(Id, Id id, const AuditEntry&) override {
        calendars.erase(id);
        return {};
    }
    Result<std::optional<Calendar>> find_calendar(Id ws, Id id) override {
        auto it = calendars.find(id);
        if (it == calendars.end() || it->second.workspace_id != ws) return std::optional<Calendar>{};
        return std::optional<Calendar>{it->second};
    }
    Result<std::vector<Calendar>> list_calendars(Id) override { return std::vector<Calendar>{}; }
    Status insert_policy(const SlaPolicy& p, const AuditEntry&) override {
        policies.push_back(p);
        return {};
    }
    Status update_policy(const SlaPolicy&, const AuditEntry&) override { return {}; }
    Status delete_policy(Id, Id, const AuditEntry&) override { return {}; }
    Result<std::optional<SlaPolicy>> find_policy(Id, Id) override { return std::optional<SlaPolicy>{}; }
    Result<std::vector<SlaPolicy>> list_policies(Id ws) override {
        std::vector<SlaPolicy> out;
        for (const auto& p : policies)
            if (p.workspace_id == ws) out.push_back(p);
        return out;
    }
};

// Segment 100 holds company 5; segment 200 holds person 9.
class FakeMembership final : public SegmentMembership {
public:
    std::vector<Id> asked;
    Result<bool> exists(Id, Id segment_id) override { return segment_id == 100 || segment_id == 200; }
    Result<bool> contains(Id, Id segment_id, std::optional<Id> person, std::optional<Id> company) override {
        asked.push_back(segment_id);
        if (segment_id == 100) return company == Id{5};
        if (segment_id == 200) return person == Id{9};
        return false;
    }
};

class ServiceLevelServiceTest : public ::testing::Test {
protected:
    ServiceLevelServiceTest() : clock_(rome(2026, 1, 12, 10)), service_(repo_, segments_, clock_) {
        Calendar c;
        c.workspace_id = kWs;
        c.calendar_id = 1;
        c.name = "Office";
        c.time_zone = "Europe/Rome";
        for (int day = 0; day < 5; ++day) c.hours[day] = {{9 * 60, 13 * 60}, {14 * 60, 18 * 60}};
        repo_.calendars[1] = c;
    }
    MemoryRepository repo_;
    FakeMembership segments_;
    ManualClock clock_;
    ServiceLevelService service_;
};

}  // namespace

TEST(ChoosePolicy, FirstByPositionWhosePriorityAndSegmentMatch) {
    std::vector<SlaPolicy> policies = {
        policy(1, "Any", 30, std::nullopt),
        policy(2, "Urgent gold", 10, Priority::Urgent, 100),
        policy(3, "Urgent", 20, Priority::Urgent),
        policy(4, "Low", 5, Priority::Low),
    };
    std::vector<Id> asked;
    auto in_gold = [&](Id s) -> Result<bool> {
        asked.push_back(s);
        return s == 100;
    };
    auto not_gold = [&](Id s) -> Result<bool> {
        asked.push_back(s);
        return false;
    };
    EXPECT_EQ(choose_policy(policies, Priority::Urgent, in_gold).value()->name, "Urgent gold");
    EXPECT_EQ(choose_policy(policies, Priority::Urgent, not_gold).value()->name, "Urgent");
    EXPECT_EQ(choose_policy(policies, Priority::Low, not_gold).value()->name, "Low");
    EXPECT_EQ(choose_policy(policies, Priority::Normal, not_gold).value()->name, "Any");
    // Segments were asked only for the urgent policy with a segment.
    EXPECT_EQ(asked, (std::vector<Id>{100, 100}));
}

TEST(ChoosePolicy, TiesOnPositionGoToTheOlderAndNoneMayMatch) {
    std::vector<SlaPolicy> policies = {policy(9, "Newer", 1, std::nullopt), policy(3, "Older", 1, std::nullopt)};
    auto never = [](Id) -> Result<bool> { return false; };
    EXPECT_EQ(choose_policy(policies, Priority::High, never).value()->name, "Older");
    std::vector<SlaPolicy> only_segmented = {policy(1, "Gold", 1, std::nullopt, 100)};
    EXPECT_FALSE(choose_policy(only_segmented, Priority::High, never).value().has_value());
    EXPECT_FALSE(choose_policy({}, Priority::High, never).value().has_value());
}

TEST(ChoosePolicy, ASegmentFailurePropagates) {
    std::vector<SlaPolicy> policies = {policy(1, "Gold", 1, std::nullopt, 100)};
    auto broken = [](Id) -> Result<bool> { return fail(Error::internal("down")); };
    auto chosen = choose_policy(policies, Priority::High, broken);
    ASSERT_FALSE(chosen);
    EXPECT_EQ(chosen.error().code, ErrorCode::Internal);
}

TEST(PolicyValidation, TargetsRangesAndName) {
    auto p = policy(1, "Fine", 0, std::nullopt);
    EXPECT_TRUE(validate_policy(p).empty());
    p.name = "";
    p.first_response_minutes = 0;
    p.next_response_minutes = kMaxTargetMinutes + 1;
    p.warn_before_minutes = -1;
    p.position = -3;
    std::vector<std::string> pointers;
    for (const auto& e : validate_policy(p)) pointers.push_back(e.pointer);
    EXPECT_EQ(pointers, (std::vector<std::string>{"/name", "/first_response_minutes", "/next_response_minutes",
                                                  "/warn_before_minutes", "/position"}));
    auto none = policy(2, "No targets", 0, std::nullopt);
    none.first_response_minutes.reset();
    none.resolution_minutes.reset();
    ASSERT_EQ(validate_policy(none).size(), 1u);
    EXPECT_EQ(validate_policy(none)[0].pointer, "/resolution_minutes");
    EXPECT_EQ(parse_priority("urgent"), Priority::Urgent);
    EXPECT_EQ(parse_priority("URGENT"), std::nullopt);
    EXPECT_EQ(to_string(Priority::Low), "low");
}

TEST_F(ServiceLevelServiceTest, AppliesTheMatchingPolicyWithDueTimesInItsCalendar) {
    repo_.policies = {policy(1, "Gold", 1, std::nullopt, 100), policy(2, "Standard", 2, std::nullopt)};
    repo_.policies[0].first_response_minutes = 30;
    repo_.policies[0].next_response_minutes = 120;
    const auto start = rome(2026, 1, 16, 17, 45);  // Friday 17:45
    auto gold = service_.apply(kWs, "high", std::nullopt, Id{5}, start);
    ASSERT_TRUE(gold && *gold);
    EXPECT_EQ((*gold)->policy_id, 1);
    EXPECT_EQ((*gold)->policy_name, "Gold");
    EXPECT_EQ((*gold)->first_response_due, rome(2026, 1, 19, 9, 15));
    EXPECT_EQ((*gold)->next_response_due, rome(2026, 1, 19, 10, 45));
    EXPECT_EQ((*gold)->resolution_due, rome(2026, 1, 19, 17, 45));
    EXPECT_EQ((*gold)->warn_before_minutes, 15);

    auto standard = service_.apply(kWs, "high", Id{9}, Id{6}, start);
    ASSERT_TRUE(standard && *standard);
    EXPECT_EQ((*standard)->policy_name, "Standard");
    EXPECT_EQ((*standard)->next_response_due, std::nullopt);
    EXPECT_EQ((*standard)->first_response_due, rome(2026, 1, 19, 9, 45));
}

TEST_F(ServiceLevelServiceTest, NoPolicyForOtherPrioritiesOrWorkspaces) {
    repo_.policies = {policy(1, "Urgent", 1, Priority::Urgent)};
    EXPECT_FALSE(service_.apply(kWs, "low", std::nullopt, std::nullopt, clock_.now_ms()).value().has_value());
    EXPECT_TRUE(service_.apply(kWs, "urgent", std::nullopt, std::nullopt, clock_.now_ms()).value().has_value());
    EXPECT_FALSE(service_.apply(kWs + 1, "urgent", std::nullopt, std::nullopt, clock_.now_ms()).value().has_value());
    auto bad = service_.apply(kWs, "critical", std::nullopt, std::nullopt, clock_.now_ms());
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::Validation);
    EXPECT_EQ(bad.error().fields.at(0).pointer, "/priority");
}

TEST_F(ServiceLevelServiceTest, DueAtSkipsPausesAndAnOpenPauseLastsUntilNow) {
    const auto start = rome(2026, 1, 12, 9);
    EXPECT_EQ(service_.due_at(kWs, 1, start, 120).value(), rome(2026, 1, 12, 11));
    EXPECT_EQ(service_.due_at(kWs, 1, start, 120, {{rome(2026, 1, 12, 9, 30), rome(2026, 1, 12, 10)}}).value(),
              rome(2026, 1, 12, 11, 30));
    // Now is 10:00: a pause open since 9:30 has held the clock for half an hour so far.
    EXPECT_EQ(service_.due_at(kWs, 1, start, 120, {{rome(2026, 1, 12, 9, 30), std::nullopt}}).value(),
              rome(2026, 1, 12, 11, 30));
    clock_.advance_ms(30 * 60'000);
    EXPECT_EQ(service_.due_at(kWs, 1, start, 120, {{rome(2026, 1, 12, 9, 30), std::nullopt}}).value(),
              rome(2026, 1, 12, 12));
    auto missing = service_.due_at(kWs, 99, start, 10);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_FALSE(service_.due_at(kWs + 1, 1, start, 10));
}

}  // namespace rapport::domain::servicelevels
