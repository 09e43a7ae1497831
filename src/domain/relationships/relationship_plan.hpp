#pragma once
// Relationship plans: for each customer segment, the relationship types the company wants it
// to get (the "expected" side of the Customer Relationships block, docs in DOMAIN.md §1).
//
// A plan is a list of entries, at most one per relationship type. The six types are the
// timeline's RelationshipType (domain/timeline/interaction.hpp), so an interaction tagged with
// a type counts towards the entry of that type. Each entry says
// - why: its motivation (acquisition, retention or upselling);
// - who and how: the responsible team (optional) and the channels used;
// - the fifth question: a short note on how it serves the value proposition, the channels
//   and the key activities;
// - how it is measured: targets, each a metric of a closed vocabulary (MetricKey) compared
//   with a value in that metric's fixed unit;
// - when it counts as established: an EstablishmentThreshold (below).
//
// Plans are versioned: every save makes a new PlanVersion (1, 2, ...) of the segment's plan
// and earlier versions stay readable. An entry is identified across versions by its segment
// and relationship type.
//
// Pure values and validation; no storage, no HTTP.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/timeline/interaction.hpp"

namespace rapport::domain::relationships {

using timeline::RelationshipType;

enum class Motivation { Acquisition, Retention, Upselling };
std::string_view to_string(Motivation m);
std::optional<Motivation> parse_motivation(std::string_view text);

// The metrics the canvas computes for a segment over a period. Each has one unit:
//   first_response_business_hours  business_hours  time to first reply (service desk)
//   resolution_business_hours      business_hours  time to resolution (service desk)
//   csat_average                   score_1_5       average CSAT answer
//   nps                            nps             Net Promoter Score, -100..100
//   owner_coverage_share           percent         members with an account owner
//   contact_interval_days          days            days between contacts with a member
//   retention_rate                 percent         members at the start still members at the end
//   interactions_per_customer      count           interactions of the type per member
//   sla_compliance_share           percent         conversations meeting their SLA targets
enum class MetricKey {
    FirstResponseBusinessHours,
    ResolutionBusinessHours,
    CsatAverage,
    Nps,
    OwnerCoverageShare,
    ContactIntervalDays,
    RetentionRate,
    InteractionsPerCustomer,
    SlaComplianceShare
};
std::string_view to_string(MetricKey k);
std::optional<MetricKey> parse_metric_key(std::string_view text);
// The unit of a metric's values ("business_hours", "score_1_5", "nps", "percent", "days", "count").
std::string_view unit_of(MetricKey k);
// The values a target of this metric may take, inclusive.
double metric_min(MetricKey k);
double metric_max(MetricKey k);
// Every metric key, in declaration order (for lists shown to people).
const std::vector<MetricKey>& all_metric_keys();

// How a measured value is compared with the target: at_most (value <= target: times,
// intervals) or at_least (value >= target: scores, shares, rates).
enum class Comparator { AtMost, AtLeast };
std::string_view to_string(Comparator c);
std::optional<Comparator> parse_comparator(std::string_view text);
// Whether `measured` meets `target` under `c`.
bool meets(Comparator c, double measured, double target);

struct Target {
    MetricKey metric = MetricKey::CsatAverage;
    Comparator comparator = Comparator::AtLeast;
    double value = 0;
    std::string unit;  // always unit_of(metric); kept in the value so JSON and diffs are self-describing
};

// When a relationship type counts as established for a segment in a period. The rule:
//   interactions_per_100_customers: the timeline interactions of the entry's type with the
//     segment's members in the period, times 100, divided by the segment's member count;
//   customers_touched_percent: the share (0..100) of the segment's members with at least
//     one interaction of the entry's type in the period.
// The type is established when that figure is at least `value`. A segment with no members
// establishes nothing.
enum class ThresholdMeasure { InteractionsPer100Customers, CustomersTouchedPercent };
std::string_view to_string(ThresholdMeasure m);
std::optional<ThresholdMeasure> parse_threshold_measure(std::string_view text);

struct EstablishmentThreshold {
    ThresholdMeasure measure = ThresholdMeasure::InteractionsPer100Customers;
    double value = 10;
};
// Whether a measured figure establishes the type.
bool established(const EstablishmentThreshold& threshold, double measured);

struct PlanEntry {
    RelationshipType relationship_type = RelationshipType::PersonalAssistance;
    Motivation motivation = Motivation::Acquisition;
    std::optional<Id> team_id;
    std::vector<std::string> channels;  // channel names (is_plan_channel)
    std::string note;
    std::vector<Target> targets;
    EstablishmentThreshold threshold;
};

// One version of a segment's plan. Version 0 stands for "no plan yet" (no entries).
struct PlanVersion {
    Id workspace_id = 0;
    Id segment_id = 0;
    std::int64_t version = 0;
    std::optional<Id> author_user_id;
    std::string author_label;  // the author's email or API key label, as signed in
    UnixMillis created_at = 0;
    std::string comment;
    std::vector<PlanEntry> entries;  // in relationship type order

    // The entry for `type`, if planned.
    const PlanEntry* entry(RelationshipType type) const;
};

inline constexpr std::size_t kMaxNoteLength = 2000;
inline constexpr std::size_t kMaxCommentLength = 500;
inline constexpr std::size_t kMaxTargetsPerEntry = 20;
inline constexpr std::size_t kMaxChannelsPerEntry = 10;
inline constexpr double kMaxThresholdPer100 = 100000;

// The channels an entry may name: the timeline's (email, phone, chat, in_person, web, social,
// letter) and the service desk's (web_form, whatsapp).
bool is_plan_channel(std::string_view name);
const std::vector<std::string_view>& plan_channels();

// Checks entries as a whole (one per type, every value in range) and fills each target's
// unit. Errors point into the request ("/entries/0/targets/1/value"). Team existence is the
// service's check, not this one.
std::vector<FieldError> validate_entries(std::vector<PlanEntry>& entries);
// Puts entries in relationship type order.
void sort_entries(std::vector<PlanEntry>& entries);

}  // namespace rapport::domain::relationships
