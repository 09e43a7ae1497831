#include "domain/canvas/relationships_block_service.hpp"

#include <map>

#include "domain/costs/calendar.hpp"

namespace rapport::domain::canvas {

namespace {

constexpr int kMaxTeams = 200;
const Link kBlockLink{"/canvas/relationships", nullptr};

costs::Period cost_period(Period p) {
    const costs::Day from = costs::day_of(p.from);
    // The costs are per whole day: the period's last instant's day is included.
    const costs::Day to = costs::day_of(p.to - 1) + 1;
    return {from, std::max(to, from + 1)};
}

std::string type_name(const std::optional<timeline::RelationshipType>& t) {
    return t ? std::string(timeline::to_string(*t)) : std::string("none");
}

// NPS of the segment's surveys sent in the period (every answer of those surveys).
Result<NpsMeasure> nps_of(satisfaction::SatisfactionService& satisfaction, const Principal& actor, Id segment_id,
                          Period period) {
    auto series = satisfaction.nps_results(actor, segment_id);
    if (!series) {
        const bool refused = series.error().code == ErrorCode::Forbidden;
        if (refused) return NpsMeasure{std::nullopt, "not_visible"};
        return fail(std::move(series).error());
    }
    satisfaction::NpsSummary sum;
    for (const auto& s : *series) {
        if (s.segment_id != segment_id) continue;
        for (const auto& point : s.points) {
            if (point.survey.created_at < period.from || point.survey.created_at >= period.to) continue;
            sum.count += point.summary.count;
            sum.promoters += point.summary.promoters;
            sum.passives += point.summary.passives;
            sum.detractors += point.summary.detractors;
        }
    }
    if (sum.count <= 0) return NpsMeasure{std::nullopt, "no_data"};
    const double score = 100.0 * static_cast<double>(sum.promoters - sum.detractors) / static_cast<double>(sum.count);
    return NpsMeasure{score, ""};
}

}  // namespace

RelationshipsBlockService::CostsRead RelationshipsBlockService::read_costs(const Principal& actor, Period period,
                                                                           std::optional<Id> segment_id) {
    auto view = costs_.costs(actor, cost_period(period), segment_id, 1);
    if (!view) {
        switch (view.error().code) {
            case ErrorCode::Forbidden: return {std::nullopt, "not_visible"};
            case ErrorCode::Validation: return {std::nullopt, "period_too_long"};
            default: return {std::nullopt, "no_data"};
        }
    }
    if (view->currency.empty() && view->versions_used.empty()) return {std::nullopt, "not_yet_measured"};
    return {std::move(*view), ""};
}

Result<RelationshipsBlock> RelationshipsBlockService::block(const Principal& actor, Period period, int no_contact_days,
                                                            std::optional<Id> segment_id, PlanChoice plan) {
    if (plan.version && !segment_id) {
        return fail(Error::localized(ErrorCode::Validation, "canvas.invalid_parameters", {},
                                     {FieldError::localized("?plan_version", "canvas.plan_version_needs_segment")}));
    }
    std::vector<SegmentEstablished> measured;
    if (segment_id) {
        measured.push_back(RAPPORT_TRY(canvas_.established(actor, *segment_id, period, no_contact_days)));
    } else {
        measured = RAPPORT_TRY(canvas_.established_all(actor, period, no_contact_days));
    }
    return join(actor, period, no_contact_days, measured, plan, read_costs(actor, period, segment_id));
}

Result<RelationshipsBlock> RelationshipsBlockService::join(const Principal& actor, Period period, int no_contact_days,
                                                           const std::vector<SegmentEstablished>& measured,
                                                           PlanChoice plan, const CostsRead& costs) {
    RelationshipsBlock out;
    out.period = period;
    out.no_contact_days = no_contact_days;
    if (costs.view) out.currency = costs.view->currency;

    std::map<Id, std::string> team_names;
    if (auto teams = teams_.list(actor, PageRequest{kMaxTeams, std::nullopt})) {
        for (const auto& t : teams->items) team_names[t.team_id] = t.name;
    }
    // Each conversation is measured in its SLA policy's calendar, read once per policy.
    std::map<std::optional<Id>, servicelevels::BusinessCalendar> calendars;
    auto minutes_between = [&](const ConversationFact& c, UnixMillis a, UnixMillis b) -> std::int64_t {
        auto it = calendars.find(c.sla_policy_id);
        if (it == calendars.end()) {
            auto cal = levels_.calendar_of_policy(actor.workspace_id, c.sla_policy_id);
            // A policy whose calendar cannot be read is measured around the clock.
            if (!cal) cal = servicelevels::BusinessCalendar::always_open("UTC");
            if (!cal) return (b - a) / 60000;
            it = calendars.emplace(c.sla_policy_id, std::move(*cal)).first;
        }
        return it->second.business_minutes_between(a, b);
    };

    for (const auto& m : measured) {
        const Id sid = m.segment.segment_id;
        std::optional<relationships::PlanVersion> version;
        if (plan.version) {
            version = RAPPORT_TRY(plans_.at_version(actor.workspace_id, sid, *plan.version));
            if (!version) {
                return fail(Error::localized(ErrorCode::Validation, "canvas.invalid_parameters", {},
                                             {FieldError::localized("?plan_version", "canvas.plan_version_unknown",
                                                                    {{"version", std::to_string(*plan.version)}})}));
            }
        } else if (plan.at) {
            version = RAPPORT_TRY(plans_.as_of(actor.workspace_id, sid, *plan.at));
        } else {
            version = RAPPORT_TRY(plans_.current(actor.workspace_id, sid));
        }
        JoinInputs in;
        in.plan = version ? &*version : nullptr;
        in.team_names = team_names;
        if (costs.view) {
            SegmentCosts sc;
            for (const auto& s : costs.view->by_segment) {
                if (s.segment_id != sid) continue;
                sc.total = s.cost;
                sc.by_type = s.by_type;
            }
            in.costs = std::move(sc);
        } else {
            in.costs_reason = costs.reason;
        }
        in.service = service_times(m.facts.conversations, minutes_between);
        in.nps = RAPPORT_TRY(nps_of(satisfaction_, actor, sid, period));
        out.segments.push_back(join_segment(m, in, out.gaps));
    }
    rank_gaps(out.gaps);
    return out;
}

Result<CrmCanvas> RelationshipsBlockService::crm(const Principal& actor, Period period, const std::string& version) {
    CrmCanvas canvas = RAPPORT_TRY(canvas_.crm(actor, period, version));
    const auto measured = RAPPORT_TRY(canvas_.established_all(actor, period, kDefaultNoContactDays));
    const CostsRead costs = read_costs(actor, period, std::nullopt);
    const auto block = RAPPORT_TRY(join(actor, period, kDefaultNoContactDays, measured, PlanChoice{}, costs));

    Section strategies;
    strategies.name = "strategies";
    Section processes;
    processes.name = "processes";
    std::int64_t planned = 0, unplanned = 0, entries = 0, established = 0, not_established = 0, unplanned_types = 0;
    std::int64_t targets = 0, met = 0, missed = 0, unmeasured = 0;
    std::vector<Row> entry_rows, target_rows;
    for (const auto& s : block.segments) {
        bool has_entry = false;
        for (const auto& t : s.types) {
            if (t.status == TypeStatus::EstablishedNotPlanned) ++unplanned_types;
            if (!t.expected) continue;
            has_entry = true;
            ++entries;
            if (t.status == TypeStatus::ExpectedEstablished) ++established;
            if (t.status == TypeStatus::ExpectedNotEstablished) ++not_established;
            const std::string type(timeline::to_string(t.type));
            const std::string sid = id_to_string(s.segment.segment_id);
            entry_rows.push_back(
                {sid + ":" + type,
                 s.segment.name,
                 type,
                 {{"customers_touched", t.customers_touched},
                  {"established", t.established ? Figure::count(*t.established ? 1 : 0, kBlockLink)
                                                : Figure::missing(t.threshold_measured.reason, kBlockLink)}}});
            for (const auto& target : t.targets) {
                ++targets;
                if (!target.met) {
                    ++unmeasured;
                } else if (*target.met) {
                    ++met;
                } else {
                    ++missed;
                }
                const std::string metric(relationships::to_string(target.target.metric));
                target_rows.push_back({sid + ":" + type + ":" + metric,
                                       s.segment.name,
                                       metric,
                                       {{"measured", target.measured},
                                        {"target", Figure::number(target.target.value, "", kBlockLink)},
                                        {"met", target.met ? Figure::count(*target.met ? 1 : 0, kBlockLink)
                                                           : Figure::missing(target.measured.reason, kBlockLink)}}});
            }
        }
        if (has_entry) {
            ++planned;
        } else {
            ++unplanned;
        }
    }
    strategies.figures = {{"segments_planned", Figure::count(planned, kBlockLink)},
                          {"segments_unplanned", Figure::count(unplanned, kBlockLink)},
                          {"entries", Figure::count(entries, kBlockLink)},
                          {"expected_established", Figure::count(established, kBlockLink)},
                          {"expected_not_established", Figure::count(not_established, kBlockLink)},
                          {"established_not_planned", Figure::count(unplanned_types, kBlockLink)},
                          {"gaps", Figure::count(static_cast<std::int64_t>(block.gaps.size()), kBlockLink)}};
    strategies.rows.emplace_back("entries", std::move(entry_rows));
    processes.figures = {{"targets", Figure::count(targets, kBlockLink)},
                         {"targets_met", Figure::count(met, kBlockLink)},
                         {"targets_missed", Figure::count(missed, kBlockLink)},
                         {"targets_unmeasured", Figure::count(unmeasured, kBlockLink)}};
    processes.rows.emplace_back("targets", std::move(target_rows));

    Section cost;
    cost.name = "costs";
    const Link costs_link{"/costs", nullptr};
    if (!costs.view) {
        cost.reason = costs.reason;
        for (const char* name : {"total_cents", "time_cents", "message_cents", "fixed_cents"}) {
            cost.figures.push_back({name, Figure::missing(costs.reason, costs_link)});
        }
    } else {
        const auto& r = costs.view->report;
        cost.facts = {{"currency", costs.view->currency}};
        cost.figures = {{"total_cents", Figure::count(r.total.total_cents(), costs_link)},
                        {"time_cents", Figure::count(r.total.time_cents, costs_link)},
                        {"message_cents", Figure::count(r.total.message_cents, costs_link)},
                        {"fixed_cents", Figure::count(r.total.fixed_cents, costs_link)},
                        {"minutes", Figure::count(r.activity.minutes, costs_link)},
                        {"unpriced_minutes", Figure::count(r.unpriced_minutes, costs_link)}};
        std::vector<Row> types;
        for (const auto& t : r.by_type) {
            const std::string name = type_name(t.type);
            types.push_back({name,
                             name,
                             "",
                             {{"total_cents", Figure::count(t.cost.total_cents(), costs_link)},
                              {"minutes", Figure::count(t.activity.minutes, costs_link)},
                              {"messages", Figure::count(t.activity.messages, costs_link)}}});
        }
        cost.rows.emplace_back("types", std::move(types));
    }
    for (auto& b : canvas.blocks) {
        if (b.name == "strategies") b = std::move(strategies);
        if (b.name == "processes") b = std::move(processes);
        if (b.name == "costs") b = std::move(cost);
    }
    return canvas;
}

}  // namespace rapport::domain::canvas
