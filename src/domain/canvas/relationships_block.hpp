#pragma once
// The Customer Relationships block of the Business Model Canvas: per segment, the plan (what
// the company expects) joined with what the data shows (canvas.hpp's SegmentEstablished), the
// plan's targets against measured metrics, and the cost of each relationship type. It answers
// the five questions of the block (DOMAIN.md §1): expected types, established types, how they
// are measured, how costly they are, how they are integrated (team, channels, note).
//
// Definitions (docs/architecture.md, "Canvas"):
// - A type is established when its threshold's measure (the plan's, or the default of 10
//   interactions per 100 customers for unplanned types) reaches the threshold's value; a
//   segment with no members establishes nothing (established is unknown, not false).
// - Status: expected_established, expected_not_established, established_not_planned, not_used.
// - Percent metrics and threshold measures are 0..100 here, as the plan's targets are.
// - A gap is a way the data falls short of the plan, with the customers it touches: a segment
//   without a plan (its members); an expected type not established (members it did not reach);
//   a type established without a plan (members it reached); a target missed (per metric: the
//   members without an owner, not contacted, lost, not reached; else the members).
//
// join_segment and rank_gaps are pure (tested alone in tests/domain/canvas).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/canvas/canvas.hpp"
#include "domain/costs/cost_computation.hpp"
#include "domain/relationships/relationship_plan.hpp"

namespace rapport::domain::canvas {

using relationships::MetricKey;
using timeline::RelationshipType;

enum class TypeStatus { ExpectedEstablished, ExpectedNotEstablished, EstablishedNotPlanned, NotUsed };
std::string_view to_string(TypeStatus s);

struct CostFigures {
    Figure total, time, messages, fixed;  // cents
};

struct TargetMeasure {
    relationships::Target target;
    Figure measured;
    std::optional<bool> met;  // absent when nothing was measured
};

struct TypeJoin {
    RelationshipType type = RelationshipType::PersonalAssistance;
    bool expected = false;
    std::optional<bool> established;
    TypeStatus status = TypeStatus::NotUsed;
    std::optional<relationships::Motivation> motivation;
    std::optional<Id> team_id;
    std::string team_name;
    std::vector<std::string> channels;
    std::string note;
    relationships::EstablishmentThreshold threshold;
    Figure threshold_measured;
    std::vector<TargetMeasure> targets;
    Figure interactions, customers_touched, minutes;
    CostFigures cost;
};

struct PlanHeader {
    std::int64_t version = 0;
    UnixMillis created_at = 0;
    std::string author_label;
    std::string comment;
};

struct SegmentJoin {
    SegmentInfo segment;
    std::optional<PlanHeader> plan;
    Figure members;
    CostFigures cost;
    std::vector<TypeJoin> types;  // the six types, in relationship_types() order
};

enum class GapKind { NoPlan, ExpectedNotEstablished, EstablishedNotPlanned, TargetMissed };
std::string_view to_string(GapKind k);

struct Gap {
    GapKind kind = GapKind::NoPlan;
    SegmentInfo segment;
    std::optional<RelationshipType> type;
    std::optional<MetricKey> metric;
    std::int64_t customers = 0;
    std::int64_t of = 0;
    std::optional<double> measured, target;
    Link link;
};

struct RelationshipsBlock {
    Period period;
    int no_contact_days = 90;
    std::string currency;  // empty: no cost model
    std::vector<SegmentJoin> segments;
    std::vector<Gap> gaps;  // ranked (rank_gaps)
};

// What the join reads beside the measured segment.
struct ServiceTimes {
    std::optional<double> first_response_hours;  // median, business hours
    std::optional<double> resolution_hours;
};
struct NpsMeasure {
    std::optional<double> score;  // -100..100
    std::string reason;           // when absent
};
struct SegmentCosts {
    costs::CostBreakdown total;
    std::map<std::optional<RelationshipType>, costs::CostBreakdown> by_type;
};
struct JoinInputs {
    const relationships::PlanVersion* plan = nullptr;  // null: the segment has no plan (at that date)
    std::map<Id, std::string> team_names;              // of the plan's teams
    std::optional<SegmentCosts> costs;                 // absent: costs_reason says why
    std::string costs_reason = "not_yet_measured";
    ServiceTimes service;
    NpsMeasure nps;
};

// The join of one segment, and its gaps (unranked).
SegmentJoin join_segment(const SegmentEstablished& measured, const JoinInputs& inputs, std::vector<Gap>& gaps);
// Most customers first; then segment name, type order, metric order.
void rank_gaps(std::vector<Gap>& gaps);

// The median business hours of the conversations' first responses and resolutions, each
// conversation measured in its own calendar (`minutes_between(conversation, a, b)`).
using MinutesBetween = std::function<std::int64_t(const ConversationFact&, UnixMillis, UnixMillis)>;
ServiceTimes service_times(const std::vector<ConversationFact>& conversations, const MinutesBetween& minutes_between);

}  // namespace rapport::domain::canvas
