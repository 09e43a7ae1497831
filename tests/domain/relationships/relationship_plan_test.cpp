// Relationship plan values: validation of entries (one per type, closed vocabularies, ranges,
// units), their JSON form read back unchanged, the comparators and the establishment rule,
// and the motivation history computed from versions.
#include "domain/relationships/relationship_plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/relationships/motivation_history.hpp"
#include "domain/relationships/plan_json.hpp"

namespace rapport::domain::relationships {

namespace {

bool has_pointer(const std::vector<FieldError>& errors, const std::string& pointer) {
    return std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) { return e.pointer == pointer; });
}

PlanEntry entry(RelationshipType type, Motivation motivation) {
    PlanEntry e;
    e.relationship_type = type;
    e.motivation = motivation;
    return e;
}

PlanVersion version(std::int64_t n, UnixMillis at, std::vector<PlanEntry> entries) {
    PlanVersion v;
    v.version = n;
    v.created_at = at;
    v.entries = std::move(entries);
    return v;
}

}  // namespace

TEST(RelationshipPlanTest, NamesReadBothWays) {
    for (auto k : all_metric_keys()) EXPECT_EQ(parse_metric_key(to_string(k)), k);
    EXPECT_EQ(all_metric_keys().size(), 9u);
    EXPECT_EQ(parse_motivation("upselling"), Motivation::Upselling);
    EXPECT_FALSE(parse_motivation("growth"));
    EXPECT_EQ(parse_comparator("at_most"), Comparator::AtMost);
    EXPECT_EQ(parse_threshold_measure("customers_touched_percent"), ThresholdMeasure::CustomersTouchedPercent);
    EXPECT_EQ(unit_of(MetricKey::CsatAverage), "score_1_5");
    EXPECT_EQ(unit_of(MetricKey::RetentionRate), "percent");
    EXPECT_EQ(unit_of(MetricKey::FirstResponseBusinessHours), "business_hours");
    EXPECT_TRUE(is_plan_channel("in_person"));
    EXPECT_TRUE(is_plan_channel("web_form"));
    EXPECT_FALSE(is_plan_channel("meeting"));
}

TEST(RelationshipPlanTest, ComparatorsAndTheEstablishmentRule) {
    EXPECT_TRUE(meets(Comparator::AtMost, 4, 4));
    EXPECT_FALSE(meets(Comparator::AtMost, 4.01, 4));
    EXPECT_TRUE(meets(Comparator::AtLeast, 4.5, 4.5));
    EXPECT_FALSE(meets(Comparator::AtLeast, 4.49, 4.5));
    EXPECT_TRUE(established({ThresholdMeasure::InteractionsPer100Customers, 10}, 10));
    EXPECT_FALSE(established({ThresholdMeasure::InteractionsPer100Customers, 10}, 9.99));
}

TEST(RelationshipPlanTest, AValidPlanPassesAndGetsItsUnits) {
    std::vector<PlanEntry> entries = {entry(RelationshipType::SelfService, Motivation::Retention),
                                      entry(RelationshipType::DedicatedAssistance, Motivation::Acquisition)};
    entries[1].channels = {"email", "phone"};
    entries[1].targets = {{MetricKey::CsatAverage, Comparator::AtLeast, 4.5, ""},
                          {MetricKey::Nps, Comparator::AtLeast, -20, "nps"},
                          {MetricKey::ContactIntervalDays, Comparator::AtMost, 90, ""}};
    entries[1].threshold = {ThresholdMeasure::CustomersTouchedPercent, 100};
    EXPECT_TRUE(validate_entries(entries).empty());
    EXPECT_EQ(entries[1].targets[0].unit, "score_1_5");
    EXPECT_EQ(entries[1].targets[2].unit, "days");
    sort_entries(entries);
    EXPECT_EQ(entries[0].relationship_type, RelationshipType::DedicatedAssistance);
    EXPECT_EQ(entries[1].relationship_type, RelationshipType::SelfService);
}

TEST(RelationshipPlanTest, EveryProblemIsReportedAtItsPointer) {
    std::vector<PlanEntry> entries = {entry(RelationshipType::Community, Motivation::Retention),
                                      entry(RelationshipType::Community, Motivation::Upselling)};
    entries[0].channels = {"email", "fax", "email"};
    entries[0].note = std::string(kMaxNoteLength + 1, 'x');
    entries[0].targets = {{MetricKey::CsatAverage, Comparator::AtLeast, 0.5, ""},
                          {MetricKey::Nps, Comparator::AtLeast, 101, ""},
                          {MetricKey::RetentionRate, Comparator::AtLeast, 90, "days"},
                          {MetricKey::RetentionRate, Comparator::AtLeast, 80, ""}};
    entries[0].threshold = {ThresholdMeasure::CustomersTouchedPercent, 101};
    entries[1].threshold = {ThresholdMeasure::InteractionsPer100Customers, -1};
    const auto errors = validate_entries(entries);
    for (const char* p :
         {"/entries/0/channels/1", "/entries/0/channels/2", "/entries/0/note", "/entries/0/targets/0/value",
          "/entries/0/targets/1/value", "/entries/0/targets/2/unit", "/entries/0/targets/3/metric",
          "/entries/0/threshold/value", "/entries/1/relationship_type", "/entries/1/threshold/value"}) {
        EXPECT_TRUE(has_pointer(errors, p)) << p;
    }
    EXPECT_EQ(errors.size(), 10u);
    // A note of exactly the limit, counted in characters (not bytes), is fine.
    std::vector<PlanEntry> one = {entry(RelationshipType::Community, Motivation::Retention)};
    one[0].note.clear();
    for (std::size_t i = 0; i < kMaxNoteLength; ++i) one[0].note += "è";
    EXPECT_TRUE(validate_entries(one).empty());
}

TEST(RelationshipPlanTest, TheJsonFormReadsBackUnchanged) {
    PlanEntry e = entry(RelationshipType::PersonalAssistance, Motivation::Upselling);
    e.team_id = 42;
    e.channels = {"chat", "whatsapp"};
    e.note = "Chat during opening hours";
    e.targets = {{MetricKey::FirstResponseBusinessHours, Comparator::AtMost, 4, "business_hours"}};
    e.threshold = {ThresholdMeasure::InteractionsPer100Customers, 25.5};
    const auto doc = entries_to_json({e});
    std::vector<FieldError> errors;
    auto back = entries_from_json(doc, "/entries", errors);
    EXPECT_TRUE(errors.empty());
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(entries_to_json(back), doc);
    EXPECT_EQ(doc[0]["team_id"], "42");
    EXPECT_EQ(doc[0]["threshold"]["value"], 25.5);

    auto bad = nlohmann::json::parse(
        R"([{"relationship_type": "hotline", "motivation": 3, "team_id": "x", "channels": "email",
             "targets": [{"metric": "nps", "comparator": "at_least", "value": "high"}], "threshold": [], "extra": 1}])");
    errors.clear();
    entries_from_json(bad, "/entries", errors);
    for (const char* p :
         {"/entries/0/relationship_type", "/entries/0/motivation", "/entries/0/team_id", "/entries/0/channels",
          "/entries/0/targets/0/value", "/entries/0/threshold", "/entries/0/extra"}) {
        EXPECT_TRUE(has_pointer(errors, p)) << p;
    }
    errors.clear();
    entries_from_json(nlohmann::json::object(), "/entries", errors);
    EXPECT_TRUE(has_pointer(errors, "/entries"));
}

TEST(RelationshipPlanTest, MotivationHistoryRecordsChangesRemovalsAndReturns) {
    using RT = RelationshipType;
    std::vector<PlanVersion> versions = {
        version(
            1, 1000,
            {entry(RT::DedicatedAssistance, Motivation::Acquisition), entry(RT::SelfService, Motivation::Retention)}),
        version(
            2, 2000,
            {entry(RT::DedicatedAssistance, Motivation::Acquisition), entry(RT::SelfService, Motivation::Retention)}),
        version(3, 3000, {entry(RT::DedicatedAssistance, Motivation::Retention)}),
        version(4, 4000,
                {entry(RT::DedicatedAssistance, Motivation::Retention), entry(RT::SelfService, Motivation::Upselling)}),
    };
    const auto history = motivation_history(versions);
    ASSERT_EQ(history.size(), 2u);
    const auto& dedicated = history[0];
    EXPECT_EQ(dedicated.relationship_type, RT::DedicatedAssistance);
    EXPECT_EQ(dedicated.current, Motivation::Retention);
    ASSERT_EQ(dedicated.changes.size(), 2u);
    EXPECT_EQ(dedicated.changes[0].version, 1);
    EXPECT_EQ(dedicated.changes[0].motivation, Motivation::Acquisition);
    EXPECT_EQ(dedicated.changes[1].version, 3);
    EXPECT_EQ(dedicated.changes[1].changed_at, 3000);
    EXPECT_EQ(dedicated.changes[1].motivation, Motivation::Retention);
    const auto& self = history[1];
    EXPECT_EQ(self.current, Motivation::Upselling);
    ASSERT_EQ(self.changes.size(), 3u);
    EXPECT_TRUE(self.changes[0].planned);
    EXPECT_FALSE(self.changes[1].planned);
    EXPECT_EQ(self.changes[1].version, 3);
    EXPECT_FALSE(self.changes[1].motivation);
    EXPECT_EQ(self.changes[2].version, 4);
    EXPECT_EQ(self.changes[2].motivation, Motivation::Upselling);
    EXPECT_TRUE(motivation_history({}).empty());
}

}  // namespace rapport::domain::relationships
