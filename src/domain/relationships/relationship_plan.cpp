#include "domain/relationships/relationship_plan.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/name_table.hpp"
#include "core/utf8.hpp"

namespace rapport::domain::relationships {

namespace {

constexpr NameTable<Motivation, 3> kMotivations = {{{Motivation::Acquisition, "acquisition"},
                                                    {Motivation::Retention, "retention"},
                                                    {Motivation::Upselling, "upselling"}}};

constexpr NameTable<MetricKey, 9> kMetrics = {{{MetricKey::FirstResponseBusinessHours, "first_response_business_hours"},
                                               {MetricKey::ResolutionBusinessHours, "resolution_business_hours"},
                                               {MetricKey::CsatAverage, "csat_average"},
                                               {MetricKey::Nps, "nps"},
                                               {MetricKey::OwnerCoverageShare, "owner_coverage_share"},
                                               {MetricKey::ContactIntervalDays, "contact_interval_days"},
                                               {MetricKey::RetentionRate, "retention_rate"},
                                               {MetricKey::InteractionsPerCustomer, "interactions_per_customer"},
                                               {MetricKey::SlaComplianceShare, "sla_compliance_share"}}};

constexpr NameTable<Comparator, 2> kComparators = {
    {{Comparator::AtMost, "at_most"}, {Comparator::AtLeast, "at_least"}}};

constexpr NameTable<ThresholdMeasure, 2> kMeasures = {
    {{ThresholdMeasure::InteractionsPer100Customers, "interactions_per_100_customers"},
     {ThresholdMeasure::CustomersTouchedPercent, "customers_touched_percent"}}};

std::string at(std::size_t i) {
    return "/entries/" + std::to_string(i);
}

std::string number_text(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<std::int64_t>(v));
    std::string s = std::to_string(v);
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
}

}  // namespace

std::string_view to_string(Motivation m) {
    return name_in(kMotivations, m);
}
std::optional<Motivation> parse_motivation(std::string_view text) {
    return parse_in(kMotivations, text);
}
std::string_view to_string(MetricKey k) {
    return name_in(kMetrics, k);
}
std::optional<MetricKey> parse_metric_key(std::string_view text) {
    return parse_in(kMetrics, text);
}
std::string_view to_string(Comparator c) {
    return name_in(kComparators, c);
}
std::optional<Comparator> parse_comparator(std::string_view text) {
    return parse_in(kComparators, text);
}
std::string_view to_string(ThresholdMeasure m) {
    return name_in(kMeasures, m);
}
std::optional<ThresholdMeasure> parse_threshold_measure(std::string_view text) {
    return parse_in(kMeasures, text);
}

std::string_view unit_of(MetricKey k) {
    switch (k) {
        case MetricKey::FirstResponseBusinessHours:
        case MetricKey::ResolutionBusinessHours: return "business_hours";
        case MetricKey::CsatAverage: return "score_1_5";
        case MetricKey::Nps: return "nps";
        case MetricKey::OwnerCoverageShare:
        case MetricKey::RetentionRate:
        case MetricKey::SlaComplianceShare: return "percent";
        case MetricKey::ContactIntervalDays: return "days";
        case MetricKey::InteractionsPerCustomer: return "count";
    }
    return "";
}

double metric_min(MetricKey k) {
    switch (k) {
        case MetricKey::CsatAverage: return 1;
        case MetricKey::Nps: return -100;
        default: return 0;
    }
}

double metric_max(MetricKey k) {
    switch (k) {
        case MetricKey::FirstResponseBusinessHours:
        case MetricKey::ResolutionBusinessHours: return 10000;
        case MetricKey::CsatAverage: return 5;
        case MetricKey::Nps:
        case MetricKey::OwnerCoverageShare:
        case MetricKey::RetentionRate:
        case MetricKey::SlaComplianceShare: return 100;
        case MetricKey::ContactIntervalDays: return 3650;
        case MetricKey::InteractionsPerCustomer: return 100000;
    }
    return 0;
}

const std::vector<MetricKey>& all_metric_keys() {
    static const std::vector<MetricKey> keys = [] {
        std::vector<MetricKey> out;
        for (const auto& [k, name] : kMetrics) out.push_back(k);
        return out;
    }();
    return keys;
}

bool meets(Comparator c, double measured, double target) {
    return c == Comparator::AtMost ? measured <= target : measured >= target;
}

bool established(const EstablishmentThreshold& threshold, double measured) {
    return measured >= threshold.value;
}

const PlanEntry* PlanVersion::entry(RelationshipType type) const {
    for (const auto& e : entries) {
        if (e.relationship_type == type) return &e;
    }
    return nullptr;
}

const std::vector<std::string_view>& plan_channels() {
    static const std::vector<std::string_view> channels = {"email",  "phone",  "chat",     "in_person", "web",
                                                           "social", "letter", "web_form", "whatsapp"};
    return channels;
}

bool is_plan_channel(std::string_view name) {
    const auto& all = plan_channels();
    return std::find(all.begin(), all.end(), name) != all.end();
}

void sort_entries(std::vector<PlanEntry>& entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const PlanEntry& a, const PlanEntry& b) {
        return static_cast<int>(a.relationship_type) < static_cast<int>(b.relationship_type);
    });
}

std::vector<FieldError> validate_entries(std::vector<PlanEntry>& entries) {
    std::vector<FieldError> errors;
    std::set<RelationshipType> seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto& e = entries[i];
        if (!seen.insert(e.relationship_type).second) {
            errors.push_back(FieldError::localized(at(i) + "/relationship_type", "relationships.type_twice",
                                                   {{"type", std::string(timeline::to_string(e.relationship_type))}}));
        }
        if (code_points(e.note) > kMaxNoteLength) {
            errors.push_back(FieldError::localized(at(i) + "/note", "relationships.note_length",
                                                   {{"max", std::to_string(kMaxNoteLength)}}));
        }
        if (e.channels.size() > kMaxChannelsPerEntry) {
            errors.push_back(FieldError::localized(at(i) + "/channels", "relationships.too_many_channels",
                                                   {{"max", std::to_string(kMaxChannelsPerEntry)}}));
        }
        std::set<std::string> channels;
        for (std::size_t c = 0; c < e.channels.size(); ++c) {
            const std::string pointer = at(i) + "/channels/" + std::to_string(c);
            if (!is_plan_channel(e.channels[c])) {
                errors.push_back(FieldError::localized(pointer, "relationships.channel_unknown"));
            } else if (!channels.insert(e.channels[c]).second) {
                errors.push_back(FieldError::localized(pointer, "relationships.channel_twice"));
            }
        }
        if (e.targets.size() > kMaxTargetsPerEntry) {
            errors.push_back(FieldError::localized(at(i) + "/targets", "relationships.too_many_targets",
                                                   {{"max", std::to_string(kMaxTargetsPerEntry)}}));
        }
        std::set<std::pair<MetricKey, Comparator>> targets;
        for (std::size_t t = 0; t < e.targets.size(); ++t) {
            auto& target = e.targets[t];
            const std::string pointer = at(i) + "/targets/" + std::to_string(t);
            const std::string unit(unit_of(target.metric));
            if (!target.unit.empty() && target.unit != unit) {
                errors.push_back(
                    FieldError::localized(pointer + "/unit", "relationships.unit_mismatch",
                                          {{"metric", std::string(to_string(target.metric))}, {"unit", unit}}));
            }
            target.unit = unit;
            if (!std::isfinite(target.value) || target.value < metric_min(target.metric) ||
                target.value > metric_max(target.metric)) {
                errors.push_back(FieldError::localized(pointer + "/value", "relationships.target_range",
                                                       {{"min", number_text(metric_min(target.metric))},
                                                        {"max", number_text(metric_max(target.metric))}}));
            }
            if (!targets.insert({target.metric, target.comparator}).second) {
                errors.push_back(FieldError::localized(pointer + "/metric", "relationships.target_twice"));
            }
        }
        const double max = e.threshold.measure == ThresholdMeasure::CustomersTouchedPercent ? 100 : kMaxThresholdPer100;
        if (!std::isfinite(e.threshold.value) || e.threshold.value < 0 || e.threshold.value > max) {
            errors.push_back(FieldError::localized(at(i) + "/threshold/value", "relationships.threshold_range",
                                                   {{"max", number_text(max)}}));
        }
    }
    return errors;
}

}  // namespace rapport::domain::relationships
