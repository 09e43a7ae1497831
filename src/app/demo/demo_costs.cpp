#include "app/demo/demo_costs.hpp"

#include "domain/costs/calendar.hpp"
#include "domain/costs/cost_service.hpp"
#include "domain/identity/principals.hpp"

namespace rapport::app::demo {

using namespace rapport::domain::costs;
using domain::Role;
using domain::timeline::RelationshipType;

namespace {

CostModel version(const std::vector<Id>& teams, const std::string& effective_from, std::int64_t raise_percent,
                  bool certification) {
    const auto rate = [raise_percent](std::int64_t cents) { return cents * (100 + raise_percent) / 100; };
    CostModel m;
    m.effective_from = effective_from;
    m.currency = "EUR";
    m.note = certification ? "Rates after the spring review; SCA barista certification for key accounts."
                           : "First cost model: rates from the 2025 budget.";
    // Sales Italia, Ventas España, Marketing, Customer Service, IT, Key Accounts.
    const std::int64_t team_rates[] = {3800, 3400, 4200, 3200, 5500, 6500};
    for (std::size_t i = 0; i < teams.size() && i < std::size(team_rates); ++i) {
        m.team_rates.push_back({teams[i], rate(team_rates[i])});
    }
    m.role_rates = {
        {Role::Owner, rate(9000)}, {Role::Admin, rate(7000)}, {Role::Manager, rate(6000)}, {Role::Member, rate(3500)}};
    using RT = RelationshipType;
    m.fixed_costs = {
        {"Rapport hosting",
         FixedCostCategory::Software,
         4900,
         {{RT::PersonalAssistance, 4000}, {RT::DedicatedAssistance, 3000}, {RT::SelfService, 3000}}},
        {"Telephony and headsets",
         FixedCostCategory::Tools,
         12000,
         {{RT::PersonalAssistance, 7000}, {RT::DedicatedAssistance, 3000}}},
        {"Espresso machine service training",
         FixedCostCategory::Training,
         85000,
         {{RT::PersonalAssistance, 5000}, {RT::DedicatedAssistance, 5000}}},
        {"Coffee lovers' forum", FixedCostCategory::Software, 2900, {{RT::Community, 10000}}},
        {"Office share for customer work", FixedCostCategory::Other, 150000, {}},
    };
    if (certification) {
        m.fixed_costs.push_back({"SCA barista certification",
                                 FixedCostCategory::Certifications,
                                 40000,
                                 {{RT::DedicatedAssistance, 6000}, {RT::CoCreation, 4000}}});
    }
    m.channel_rates = {{"email", 2}, {"web_form", 1}, {"chat", 4}, {"whatsapp", 6}};
    return m;
}

}  // namespace

Status create_costs(Services& services, Id ws, const std::vector<Id>& team_ids) {
    auto& costs = services.get<CostService>();
    const auto op = domain::operator_principal(ws);
    const Day today = day_of(services.clock().now_ms());
    const std::string year_ago = format_day(month_start(today - 365));
    const std::string quarter_ago = format_day(month_start(today - 90));
    RAPPORT_CHECK(costs.save(op, version(team_ids, year_ago, 0, false), ""));
    RAPPORT_CHECK(costs.save(op, version(team_ids, quarter_ago, 6, true), ""));
    return {};
}

}  // namespace rapport::app::demo
