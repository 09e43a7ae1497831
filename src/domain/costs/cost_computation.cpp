#include "domain/costs/cost_computation.hpp"

#include <algorithm>
#include <tuple>

#include "domain/costs/money_split.hpp"

namespace rapport::domain::costs {

namespace {

using timeline::RelationshipType;
using OptCustomer = std::optional<CustomerKey>;
using OptType = std::optional<RelationshipType>;

enum class Component { Time = 0, Messages = 1, Fixed = 2 };

using OptCompany = std::optional<Id>;

// Who a cost is for: the customer, and the company the row names.
struct Party {
    OptCustomer customer;
    OptCompany company;
    bool operator<(const Party& o) const { return std::tie(customer, company) < std::tie(o.customer, o.company); }
};

struct CellKey {
    Component component = Component::Time;
    Party party;
    OptType type;
    bool operator<(const CellKey& o) const {
        return std::tie(component, party, type) < std::tie(o.component, o.party, o.type);
    }
};

std::vector<CustomerCost> ranked(std::map<CustomerKey, CustomerCost>& rows) {
    std::vector<CustomerCost> out;
    for (auto& [key, row] : rows) out.push_back(std::move(row));
    std::stable_sort(out.begin(), out.end(), [](const CustomerCost& a, const CustomerCost& b) {
        return a.cost.total_cents() > b.cost.total_cents();
    });
    return out;
}

constexpr std::int64_t kTicksPerMinuteOfRate = kTicksPerCent / 60;  // an hourly cent, one minute

void add(CostBreakdown& b, Component c, std::int64_t cents) {
    switch (c) {
        case Component::Time: b.time_cents += cents; break;
        case Component::Messages: b.message_cents += cents; break;
        case Component::Fixed: b.fixed_cents += cents; break;
    }
}

}  // namespace

CostReport compute_costs(const std::vector<Slice>& slices, const std::map<Id, Author>& authors) {
    CostReport report;
    std::map<CellKey, std::int64_t> cells;
    std::vector<std::int64_t> line_ticks;
    std::map<OptType, Activity> type_activity;
    std::map<CustomerKey, Activity> customer_activity;
    std::map<CustomerKey, Activity> company_activity;
    const auto company_key = [](Id id) { return CustomerKey{customers::EntityType::Company, id}; };

    for (const auto& slice : slices) {
        std::map<RelationshipType, std::map<Party, std::int64_t>> type_minutes;
        for (const auto& row : slice.minutes) {
            if (row.minutes <= 0) continue;
            report.activity.minutes += row.minutes;
            type_activity[row.type].minutes += row.minutes;
            const Party party{row.customer, row.company_id};
            if (row.customer) customer_activity[*row.customer].minutes += row.minutes;
            if (row.company_id) company_activity[company_key(*row.company_id)].minutes += row.minutes;
            if (row.type) type_minutes[*row.type][party] += row.minutes;
            std::optional<std::int64_t> rate;
            if (slice.model && row.author_user_id) {
                if (auto it = authors.find(*row.author_user_id); it != authors.end()) {
                    rate = rate_of(*slice.model, it->second.role, it->second.team_ids);
                }
            }
            if (!rate) {
                report.unpriced_minutes += row.minutes;
                continue;
            }
            cells[{Component::Time, party, row.type}] += row.minutes * *rate * kTicksPerMinuteOfRate;
        }
        for (const auto& row : slice.messages) {
            if (row.messages <= 0) continue;
            report.activity.messages += row.messages;
            type_activity[RelationshipType::PersonalAssistance].messages += row.messages;
            if (row.customer) customer_activity[*row.customer].messages += row.messages;
            if (row.company_id) company_activity[company_key(*row.company_id)].messages += row.messages;
            std::optional<std::int64_t> rate;
            if (slice.model) {
                for (const auto& c : slice.model->channel_rates) {
                    if (c.channel == row.channel) rate = c.cents_per_message;
                }
            }
            if (!rate) {
                report.unpriced_messages += row.messages;
                continue;
            }
            cells[{Component::Messages, {row.customer, row.company_id}, RelationshipType::PersonalAssistance}] +=
                row.messages * *rate * kTicksPerCent;
        }
        if (!slice.model) {
            report.days_without_model += slice.to - slice.from;
            continue;
        }
        for (const auto& fixed : slice.model->fixed_costs) {
            const std::int64_t ticks = prorated_ticks(fixed.monthly_cents, slice.from, slice.to);
            report.fixed_lines.push_back({fixed.name, fixed.category, 0});
            line_ticks.push_back(ticks);
            if (fixed.allocation.empty()) {
                cells[{Component::Fixed, {}, std::nullopt}] += ticks;
                continue;
            }
            std::vector<std::int64_t> shares;
            for (const auto& a : fixed.allocation) shares.push_back(a.basis_points);
            const auto per_type = split_by_weights(ticks, shares);
            for (std::size_t i = 0; i < fixed.allocation.size(); ++i) {
                const RelationshipType type = fixed.allocation[i].type;
                const auto found = type_minutes.find(type);
                if (found == type_minutes.end()) {
                    cells[{Component::Fixed, {}, type}] += per_type[i];
                    continue;
                }
                std::vector<Party> parties;
                std::vector<std::int64_t> weights;
                for (const auto& [party, minutes] : found->second) {
                    parties.push_back(party);
                    weights.push_back(minutes);
                }
                const auto parts = split_by_weights(per_type[i], weights);
                for (std::size_t j = 0; j < parties.size(); ++j) {
                    cells[{Component::Fixed, parties[j], type}] += parts[j];
                }
            }
        }
    }

    // One rounding per component over its cells; everything below is sums of the rounded cells.
    std::vector<std::int64_t> cents;
    cents.reserve(cells.size());
    for (auto component : {Component::Time, Component::Messages, Component::Fixed}) {
        std::vector<std::int64_t> ticks;
        for (const auto& [key, t] : cells) {
            if (key.component == component) ticks.push_back(t);
        }
        for (auto c : ticks_to_cents(ticks)) cents.push_back(c);  // cells are ordered by component first
    }

    std::map<OptType, CostBreakdown> by_type;
    std::map<CustomerKey, CustomerCost> by_customer, by_company;
    std::size_t i = 0;
    for (const auto& [key, t] : cells) {
        const std::int64_t c = cents[i++];
        add(report.total, key.component, c);
        add(by_type[key.type], key.component, c);
        if (key.party.customer) {
            auto& row = by_customer[*key.party.customer];
            row.customer = *key.party.customer;
            add(row.cost, key.component, c);
            add(row.by_type[key.type], key.component, c);
        } else {
            add(report.unattributed, key.component, c);
        }
        if (key.party.company) {
            auto& row = by_company[company_key(*key.party.company)];
            row.customer = company_key(*key.party.company);
            add(row.cost, key.component, c);
            add(row.by_type[key.type], key.component, c);
        }
    }
    for (const auto& [customer, activity] : customer_activity) {
        auto& row = by_customer[customer];
        row.customer = customer;
        row.activity = activity;
    }
    for (const auto& [company, activity] : company_activity) {
        auto& row = by_company[company];
        row.customer = company;
        row.activity = activity;
    }

    // Types in enum order, "none" last.
    auto type_row = [&](OptType type) {
        TypeCost row;
        row.type = type;
        if (auto it = by_type.find(type); it != by_type.end()) row.cost = it->second;
        if (auto it = type_activity.find(type); it != type_activity.end()) row.activity = it->second;
        if (row.cost.total_cents() != 0 || row.activity.minutes != 0 || row.activity.messages != 0) {
            report.by_type.push_back(row);
        }
    };
    for (auto type :
         {RelationshipType::PersonalAssistance, RelationshipType::DedicatedAssistance, RelationshipType::SelfService,
          RelationshipType::Automated, RelationshipType::Community, RelationshipType::CoCreation}) {
        type_row(type);
    }
    type_row(std::nullopt);

    report.by_customer = ranked(by_customer);
    report.by_company = ranked(by_company);

    const auto line_cents = split_by_weights(report.total.fixed_cents, line_ticks);
    for (std::size_t l = 0; l < report.fixed_lines.size(); ++l) report.fixed_lines[l].cents = line_cents[l];
    return report;
}

}  // namespace rapport::domain::costs
