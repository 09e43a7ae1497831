// The join of a segment's plan with what its data shows (relationships_block.hpp).
#include <algorithm>
#include <cmath>

#include "domain/canvas/arithmetic.hpp"
#include "domain/canvas/relationships_block.hpp"

namespace rapport::domain::canvas {

using relationships::Comparator;
using relationships::EstablishmentThreshold;
using relationships::PlanEntry;
using relationships::ThresholdMeasure;

namespace {

constexpr double kDayMs = 24.0 * 60 * 60 * 1000;

const Section* find_section(const std::vector<Section>& sections, std::string_view name) {
    for (const auto& s : sections) {
        if (s.name == name) return &s;
    }
    return nullptr;
}

// The named figure of a section; "no_data" when the section does not have it.
Figure figure_of(const Section* s, std::string_view name) {
    if (s) {
        for (const auto& [key, f] : s->figures) {
            if (key == name) return f;
        }
    }
    return Figure::missing("no_data");
}

std::int64_t count_of(const Figure& f) {
    return f.value ? static_cast<std::int64_t>(*f.value) : 0;
}

// A share figure (0..1) as percent (0..100), keeping its reason and link.
Figure as_percent(Figure f) {
    if (f.value) f.value = *f.value * 100.0;
    f.whole = false;
    return f;
}

Figure cents(std::int64_t c) {
    return Figure::count(c, Link{"/costs", nullptr});
}

CostFigures cost_figures(const std::optional<costs::CostBreakdown>& b, const std::string& reason) {
    if (!b) {
        const Figure none = Figure::missing(reason, Link{"/costs", nullptr});
        return {none, none, none, none};
    }
    return {cents(b->total_cents()), cents(b->time_cents), cents(b->message_cents), cents(b->fixed_cents)};
}

struct TypeMeasures {
    const Section* section = nullptr;
    std::int64_t members = 0;
};

// What a target's metric measured, in the metric's unit.
Figure measure_metric(MetricKey metric, const SegmentEstablished& m, const TypeMeasures& t, const JoinInputs& in) {
    const Section* dedicated = find_section(m.types, "dedicated_assistance");
    const Section* personal = find_section(m.types, "personal_assistance");
    const Link inbox{"/inbox", nullptr};
    switch (metric) {
        case MetricKey::FirstResponseBusinessHours:
            return Figure::number(in.service.first_response_hours, "no_data", inbox);
        case MetricKey::ResolutionBusinessHours: return Figure::number(in.service.resolution_hours, "no_data", inbox);
        case MetricKey::CsatAverage: return figure_of(&m.metrics, "csat_average");
        case MetricKey::Nps:
            return in.nps.score
                       ? Figure::number(in.nps.score, "", Link{"/reports", nullptr})
                       : Figure::missing(in.nps.reason.empty() ? "no_data" : in.nps.reason, Link{"/reports", nullptr});
        case MetricKey::OwnerCoverageShare: return as_percent(figure_of(dedicated, "owner_share"));
        case MetricKey::ContactIntervalDays: {
            // The mean days between two contacts with a member: the period's days spread over
            // each member's share of the period's interactions.
            const Figure size = figure_of(&m.metrics, "size");
            const Link link = size.link;
            if (t.members <= 0) return Figure::missing("no_customers", link);
            if (m.facts.interactions <= 0) return Figure::missing("no_data", link);
            const double days = static_cast<double>(m.period.to - m.period.from) / kDayMs;
            return Figure::number(days * static_cast<double>(t.members) / static_cast<double>(m.facts.interactions), "",
                                  link);
        }
        case MetricKey::RetentionRate: return as_percent(figure_of(&m.metrics, "retention_rate"));
        case MetricKey::InteractionsPerCustomer: {
            const Figure n = figure_of(t.section, "interactions");
            if (t.members <= 0) return Figure::missing("no_customers", n.link);
            return Figure::number(static_cast<double>(count_of(n)) / static_cast<double>(t.members), "", n.link);
        }
        case MetricKey::SlaComplianceShare: return as_percent(figure_of(personal, "sla_compliance"));
    }
    return Figure::missing("no_data");
}

// The customers a missed target touches, and the records behind them.
std::pair<std::int64_t, Link> missed_customers(MetricKey metric, const SegmentEstablished& m, const TypeMeasures& t) {
    const Section* dedicated = find_section(m.types, "dedicated_assistance");
    const Figure size = figure_of(&m.metrics, "size");
    switch (metric) {
        case MetricKey::OwnerCoverageShare: {
            const Figure f = figure_of(dedicated, "without_owner");
            return {count_of(f), f.link};
        }
        case MetricKey::ContactIntervalDays: {
            const Figure f = figure_of(dedicated, "not_contacted");
            return {count_of(f), f.link};
        }
        case MetricKey::RetentionRate: {
            const Figure f = figure_of(&m.metrics, "lost_customers");
            return {count_of(f), f.link};
        }
        case MetricKey::InteractionsPerCustomer:
            return {std::max<std::int64_t>(0, t.members - count_of(figure_of(t.section, "customers_touched"))),
                    size.link};
        default: return {t.members, size.link};
    }
}

Figure threshold_measure(const EstablishmentThreshold& th, const TypeMeasures& t) {
    if (th.measure == ThresholdMeasure::InteractionsPer100Customers) return figure_of(t.section, "activity_per_100");
    return as_percent(figure_of(t.section, "touched_share"));
}

TypeStatus status_of(bool expected, std::optional<bool> established) {
    const bool est = established.value_or(false);
    if (expected) return est ? TypeStatus::ExpectedEstablished : TypeStatus::ExpectedNotEstablished;
    return est ? TypeStatus::EstablishedNotPlanned : TypeStatus::NotUsed;
}

int metric_rank(const std::optional<MetricKey>& m) {
    return m ? static_cast<int>(*m) : -1;
}
int type_rank(const std::optional<RelationshipType>& t) {
    return t ? static_cast<int>(*t) : -1;
}

}  // namespace

std::string_view to_string(TypeStatus s) {
    switch (s) {
        case TypeStatus::ExpectedEstablished: return "expected_established";
        case TypeStatus::ExpectedNotEstablished: return "expected_not_established";
        case TypeStatus::EstablishedNotPlanned: return "established_not_planned";
        case TypeStatus::NotUsed: return "not_used";
    }
    return "not_used";
}

std::string_view to_string(GapKind k) {
    switch (k) {
        case GapKind::NoPlan: return "no_plan";
        case GapKind::ExpectedNotEstablished: return "expected_not_established";
        case GapKind::EstablishedNotPlanned: return "established_not_planned";
        case GapKind::TargetMissed: return "target_missed";
    }
    return "no_plan";
}

SegmentJoin join_segment(const SegmentEstablished& m, const JoinInputs& in, std::vector<Gap>& gaps) {
    SegmentJoin out;
    out.segment = m.segment;
    const Figure size = figure_of(&m.metrics, "size");
    const std::int64_t members = count_of(size);
    out.members = size;
    if (in.plan && in.plan->version > 0) {
        out.plan = PlanHeader{in.plan->version, in.plan->created_at, in.plan->author_label, in.plan->comment};
    }
    const bool planned = in.plan && !in.plan->entries.empty();
    out.cost = cost_figures(in.costs ? std::optional(in.costs->total) : std::nullopt, in.costs_reason);
    if (!planned && members > 0) {
        gaps.push_back({GapKind::NoPlan, m.segment, std::nullopt, std::nullopt, members, members, std::nullopt,
                        std::nullopt, size.link});
    }

    for (const auto& name : relationship_types()) {
        const auto type = *timeline::parse_relationship_type(name);
        const TypeMeasures t{find_section(m.types, name), members};
        const PlanEntry* entry = planned ? in.plan->entry(type) : nullptr;
        TypeJoin j;
        j.type = type;
        j.expected = entry != nullptr;
        j.threshold = entry ? entry->threshold : EstablishmentThreshold{};
        j.threshold_measured = threshold_measure(j.threshold, t);
        if (members > 0 && j.threshold_measured.value) {
            j.established = relationships::established(j.threshold, *j.threshold_measured.value);
        } else if (members <= 0) {
            j.threshold_measured = Figure::missing("no_customers", size.link);
        }
        j.status = status_of(j.expected, j.established);
        j.interactions = figure_of(t.section, "interactions");
        j.customers_touched = figure_of(t.section, "customers_touched");
        j.minutes = figure_of(t.section, "minutes");
        if (in.costs) {
            auto it = in.costs->by_type.find(type);
            j.cost = cost_figures(it == in.costs->by_type.end() ? costs::CostBreakdown{} : it->second, "");
        } else {
            j.cost = cost_figures(std::nullopt, in.costs_reason);
        }
        const std::int64_t touched = count_of(j.customers_touched);
        if (entry) {
            j.motivation = entry->motivation;
            j.team_id = entry->team_id;
            if (entry->team_id) {
                auto it = in.team_names.find(*entry->team_id);
                if (it != in.team_names.end()) j.team_name = it->second;
            }
            j.channels = entry->channels;
            j.note = entry->note;
            for (const auto& target : entry->targets) {
                TargetMeasure tm{target, measure_metric(target.metric, m, t, in), std::nullopt};
                if (tm.measured.value)
                    tm.met = relationships::meets(target.comparator, *tm.measured.value, target.value);
                if (tm.met == false) {
                    auto [customers, link] = missed_customers(target.metric, m, t);
                    gaps.push_back({GapKind::TargetMissed, m.segment, type, target.metric, customers, members,
                                    tm.measured.value, target.value, std::move(link)});
                }
                j.targets.push_back(std::move(tm));
            }
        }
        if (j.status == TypeStatus::ExpectedNotEstablished && members > 0) {
            gaps.push_back({GapKind::ExpectedNotEstablished, m.segment, type, std::nullopt,
                            std::max<std::int64_t>(0, members - touched), members, std::nullopt, std::nullopt,
                            size.link});
        } else if (j.status == TypeStatus::EstablishedNotPlanned && planned) {
            // Without any plan, the segment's single "no_plan" gap says it all.
            gaps.push_back({GapKind::EstablishedNotPlanned, m.segment, type, std::nullopt, touched, members,
                            std::nullopt, std::nullopt, j.customers_touched.link});
        }
        out.types.push_back(std::move(j));
    }
    return out;
}

void rank_gaps(std::vector<Gap>& gaps) {
    std::stable_sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) {
        if (a.customers != b.customers) return a.customers > b.customers;
        if (a.segment.name != b.segment.name) return a.segment.name < b.segment.name;
        if (a.segment.segment_id != b.segment.segment_id) return a.segment.segment_id < b.segment.segment_id;
        if (type_rank(a.type) != type_rank(b.type)) return type_rank(a.type) < type_rank(b.type);
        return metric_rank(a.metric) < metric_rank(b.metric);
    });
}

ServiceTimes service_times(const std::vector<ConversationFact>& conversations, const MinutesBetween& minutes_between) {
    std::vector<std::int64_t> first, resolved;
    for (const auto& c : conversations) {
        if (c.first_response_at) first.push_back(minutes_between(c, c.created_at, *c.first_response_at));
        if (c.resolved_at) resolved.push_back(minutes_between(c, c.created_at, *c.resolved_at));
    }
    auto hours = [](const std::vector<std::int64_t>& minutes) -> std::optional<double> {
        const auto median = summarize(minutes).median;
        if (!median) return std::nullopt;
        return static_cast<double>(*median) / 60.0;
    };
    return {hours(first), hours(resolved)};
}

}  // namespace rapport::domain::canvas
