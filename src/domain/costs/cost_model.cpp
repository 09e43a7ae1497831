#include "domain/costs/cost_model.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "core/utf8.hpp"
#include "domain/costs/calendar.hpp"

namespace rapport::domain::costs {

namespace {

struct CurrencyInfo {
    std::string_view code;
    int digits;
};

// ISO 4217 codes in circulation (2024 list), with their minor units.
constexpr std::array kCurrencies = std::to_array<CurrencyInfo>({
    {"AED", 2}, {"AFN", 2}, {"ALL", 2}, {"AMD", 2}, {"ANG", 2}, {"AOA", 2}, {"ARS", 2}, {"AUD", 2}, {"AWG", 2},
    {"AZN", 2}, {"BAM", 2}, {"BBD", 2}, {"BDT", 2}, {"BGN", 2}, {"BHD", 3}, {"BIF", 0}, {"BMD", 2}, {"BND", 2},
    {"BOB", 2}, {"BRL", 2}, {"BSD", 2}, {"BTN", 2}, {"BWP", 2}, {"BYN", 2}, {"BZD", 2}, {"CAD", 2}, {"CDF", 2},
    {"CHF", 2}, {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"CRC", 2}, {"CUP", 2}, {"CVE", 2}, {"CZK", 2}, {"DJF", 0},
    {"DKK", 2}, {"DOP", 2}, {"DZD", 2}, {"EGP", 2}, {"ERN", 2}, {"ETB", 2}, {"EUR", 2}, {"FJD", 2}, {"FKP", 2},
    {"GBP", 2}, {"GEL", 2}, {"GHS", 2}, {"GIP", 2}, {"GMD", 2}, {"GNF", 0}, {"GTQ", 2}, {"GYD", 2}, {"HKD", 2},
    {"HNL", 2}, {"HTG", 2}, {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"IQD", 3}, {"IRR", 2}, {"ISK", 0},
    {"JMD", 2}, {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KGS", 2}, {"KHR", 2}, {"KMF", 0}, {"KPW", 2}, {"KRW", 0},
    {"KWD", 3}, {"KYD", 2}, {"KZT", 2}, {"LAK", 2}, {"LBP", 2}, {"LKR", 2}, {"LRD", 2}, {"LSL", 2}, {"LYD", 3},
    {"MAD", 2}, {"MDL", 2}, {"MGA", 2}, {"MKD", 2}, {"MMK", 2}, {"MNT", 2}, {"MOP", 2}, {"MRU", 2}, {"MUR", 2},
    {"MVR", 2}, {"MWK", 2}, {"MXN", 2}, {"MYR", 2}, {"MZN", 2}, {"NAD", 2}, {"NGN", 2}, {"NIO", 2}, {"NOK", 2},
    {"NPR", 2}, {"NZD", 2}, {"OMR", 3}, {"PAB", 2}, {"PEN", 2}, {"PGK", 2}, {"PHP", 2}, {"PKR", 2}, {"PLN", 2},
    {"PYG", 0}, {"QAR", 2}, {"RON", 2}, {"RSD", 2}, {"RUB", 2}, {"RWF", 0}, {"SAR", 2}, {"SBD", 2}, {"SCR", 2},
    {"SDG", 2}, {"SEK", 2}, {"SGD", 2}, {"SHP", 2}, {"SLE", 2}, {"SOS", 2}, {"SRD", 2}, {"SSP", 2}, {"STN", 2},
    {"SVC", 2}, {"SYP", 2}, {"SZL", 2}, {"THB", 2}, {"TJS", 2}, {"TMT", 2}, {"TND", 3}, {"TOP", 2}, {"TRY", 2},
    {"TTD", 2}, {"TWD", 2}, {"TZS", 2}, {"UAH", 2}, {"UGX", 0}, {"USD", 2}, {"UYU", 2}, {"UZS", 2}, {"VES", 2},
    {"VND", 0}, {"VUV", 0}, {"WST", 2}, {"XAF", 0}, {"XCD", 2}, {"XOF", 0}, {"XPF", 0}, {"YER", 2}, {"ZAR", 2},
    {"ZMW", 2}, {"ZWG", 2},
});

const CurrencyInfo* find_currency(std::string_view code) {
    auto it = std::lower_bound(kCurrencies.begin(), kCurrencies.end(), code,
                               [](const CurrencyInfo& c, std::string_view v) { return c.code < v; });
    return it != kCurrencies.end() && it->code == code ? &*it : nullptr;
}

bool channel_name_ok(std::string_view s) {
    if (s.empty() || s.size() > 40) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; });
}

void check_cents(std::vector<FieldError>& errors, const std::string& pointer, std::int64_t v) {
    if (v < 0 || v > kMaxCents) {
        errors.push_back(FieldError::localized(pointer, "costs.amount_range", {{"max", std::to_string(kMaxCents)}}));
    }
}

template <class T>
void check_size(std::vector<FieldError>& errors, const std::string& pointer, const std::vector<T>& items) {
    if (items.size() > kMaxEntries) {
        errors.push_back(FieldError::localized(pointer, "costs.too_many", {{"max", std::to_string(kMaxEntries)}}));
    }
}

}  // namespace

std::string_view to_string(FixedCostCategory c) {
    switch (c) {
        case FixedCostCategory::Software: return "software";
        case FixedCostCategory::Tools: return "tools";
        case FixedCostCategory::Training: return "training";
        case FixedCostCategory::Certifications: return "certifications";
        case FixedCostCategory::Other: return "other";
    }
    return "other";
}

std::optional<FixedCostCategory> parse_fixed_cost_category(std::string_view text) {
    for (auto c : {FixedCostCategory::Software, FixedCostCategory::Tools, FixedCostCategory::Training,
                   FixedCostCategory::Certifications, FixedCostCategory::Other}) {
        if (to_string(c) == text) return c;
    }
    return std::nullopt;
}

bool is_currency(std::string_view code) {
    return find_currency(code) != nullptr;
}

int minor_digits(std::string_view currency) {
    const auto* c = find_currency(currency);
    return c ? c->digits : 2;
}

std::vector<FieldError> validate(const CostModel& model, const std::vector<Id>& known_team_ids) {
    std::vector<FieldError> errors;
    if (!parse_day(model.effective_from)) {
        errors.push_back(FieldError::localized("/effective_from", "costs.effective_from_invalid"));
    }
    if (!is_currency(model.currency)) {
        errors.push_back(FieldError::localized("/currency", "costs.currency_invalid", {{"value", model.currency}}));
    }
    if (code_points(model.note) > 500) {
        errors.push_back(FieldError::localized("/note", "costs.note_too_long", {{"max", "500"}}));
    }
    check_size(errors, "/team_rates", model.team_rates);
    check_size(errors, "/role_rates", model.role_rates);
    check_size(errors, "/fixed_costs", model.fixed_costs);
    check_size(errors, "/channel_rates", model.channel_rates);
    std::set<Id> teams;
    for (std::size_t i = 0; i < model.team_rates.size(); ++i) {
        const auto& r = model.team_rates[i];
        const std::string at = "/team_rates/" + std::to_string(i);
        if (std::find(known_team_ids.begin(), known_team_ids.end(), r.team_id) == known_team_ids.end()) {
            errors.push_back(FieldError::localized(at + "/team_id", "costs.team_unknown"));
        } else if (!teams.insert(r.team_id).second) {
            errors.push_back(FieldError::localized(at + "/team_id", "costs.duplicate_team"));
        }
        check_cents(errors, at + "/cents_per_hour", r.cents_per_hour);
    }
    std::set<Role> roles;
    for (std::size_t i = 0; i < model.role_rates.size(); ++i) {
        const auto& r = model.role_rates[i];
        const std::string at = "/role_rates/" + std::to_string(i);
        if (!roles.insert(r.role).second) errors.push_back(FieldError::localized(at + "/role", "costs.duplicate_role"));
        check_cents(errors, at + "/cents_per_hour", r.cents_per_hour);
    }
    for (std::size_t i = 0; i < model.fixed_costs.size(); ++i) {
        const auto& f = model.fixed_costs[i];
        const std::string at = "/fixed_costs/" + std::to_string(i);
        const auto name_length = code_points(f.name);
        if (name_length == 0 || name_length > kMaxName) {
            errors.push_back(
                FieldError::localized(at + "/name", "costs.name_length", {{"max", std::to_string(kMaxName)}}));
        }
        check_cents(errors, at + "/monthly_cents", f.monthly_cents);
        if (f.allocation.empty()) continue;
        std::int64_t sum = 0;
        std::set<timeline::RelationshipType> types;
        for (std::size_t j = 0; j < f.allocation.size(); ++j) {
            const auto& a = f.allocation[j];
            const std::string aat = at + "/allocation/" + std::to_string(j);
            if (a.basis_points <= 0 || a.basis_points > kFullShare) {
                errors.push_back(FieldError::localized(aat + "/basis_points", "costs.share_range"));
            } else {
                sum += a.basis_points;
            }
            if (!types.insert(a.type).second) {
                errors.push_back(FieldError::localized(aat + "/relationship_type", "costs.duplicate_type"));
            }
        }
        if (sum != kFullShare) {
            errors.push_back(
                FieldError::localized(at + "/allocation", "costs.shares_sum", {{"sum", std::to_string(sum)}}));
        }
    }
    std::set<std::string> channels;
    for (std::size_t i = 0; i < model.channel_rates.size(); ++i) {
        const auto& c = model.channel_rates[i];
        const std::string at = "/channel_rates/" + std::to_string(i);
        if (!channel_name_ok(c.channel)) {
            errors.push_back(FieldError::localized(at + "/channel", "costs.channel_invalid"));
        } else if (!channels.insert(c.channel).second) {
            errors.push_back(FieldError::localized(at + "/channel", "costs.duplicate_channel"));
        }
        check_cents(errors, at + "/cents_per_message", c.cents_per_message);
    }
    return errors;
}

std::optional<std::int64_t> rate_of(const CostModel& model, std::optional<Role> role, const std::vector<Id>& team_ids) {
    std::optional<std::int64_t> best;
    for (const auto& r : model.team_rates) {
        if (std::find(team_ids.begin(), team_ids.end(), r.team_id) == team_ids.end()) continue;
        if (!best || r.cents_per_hour > *best) best = r.cents_per_hour;
    }
    if (best) return best;
    if (!role) return std::nullopt;
    for (const auto& r : model.role_rates) {
        if (r.role == *role) return r.cents_per_hour;
    }
    return std::nullopt;
}

}  // namespace rapport::domain::costs
