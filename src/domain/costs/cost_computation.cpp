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

struct CellKey {
    OptCustomer customer;
    OptType type;
    Component component = Component::Time;
    bool operator<(const CellKey& o) const {
        return std::tie(customer, type, component) < std::tie(o.customer, o.type, o.component);
    }
};

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

    for (const auto& slice : slices) {
        std::map<RelationshipType, std::map<OptCustomer, std::int64_t>> type_minutes;
        for (const auto& row : slice.minutes) {
            if (row.minutes <= 0) continue;
            report.activity.minutes += row.minutes;
            type_activity[row.type].minutes += row.minutes;
            if (row.customer) customer_activity[*row.customer].minutes += row.minutes;
            if (row.type) type_minutes[*row.type][row.customer] += row.minutes;
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
            cells[{row.customer, row.type, Component::Time}] += row.minutes * *rate * kTicksPerMinuteOfRate;
        }
        for (const auto& row : slice.messages) {
            if (row.messages <= 0) continue;
            report.activity.messages += row.messages;
            type_activity[RelationshipType::PersonalAssistance].messages += row.messages;
            if (row.customer) customer_activity[*row.customer].messages += row.messages;
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
            cells[{row.customer, RelationshipType::PersonalAssistance, Component::Messages}] +=
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
                cells[{std::nullopt, std::nullopt, Component::Fixed}] += ticks;
                continue;
            }
            std::vector<std::int64_t> shares;
            for (const auto& a : fixed.allocation) shares.push_back(a.basis_points);
            const auto per_type = split_by_weights(ticks, shares);
            for (std::size_t i = 0; i < fixed.allocation.size(); ++i) {
                const RelationshipType type = fixed.allocation[i].type;
                const auto found = type_minutes.find(type);
                if (found == type_minutes.end()) {
                    cells[{std::nullopt, type, Component::Fixed}] += per_type[i];
                    continue;
                }
                std::vector<OptCustomer> customers;
                std::vector<std::int64_t> weights;
                for (const auto& [customer, minutes] : found->second) {
                    customers.push_back(customer);
                    weights.push_back(minutes);
                }
                const auto parts = split_by_weights(per_type[i], weights);
                for (std::size_t j = 0; j < customers.size(); ++j) {
                    cells[{customers[j], type, Component::Fixed}] += parts[j];
                }
            }
        }
    }

    // One rounding of every cell; everything below is sums of the rounded cells.
    std::vector<std::int64_t> ticks;
    ticks.reserve(cells.size());
    for (const auto& [key, t] : cells) ticks.push_back(t);
    const auto cents = ticks_to_cents(ticks);

    std::map<OptType, CostBreakdown> by_type;
    std::map<CustomerKey, CustomerCost> by_customer;
    std::size_t i = 0;
    for (const auto& [key, t] : cells) {
        const std::int64_t c = cents[i++];
        add(report.total, key.component, c);
        add(by_type[key.type], key.component, c);
        if (key.customer) {
            auto& row = by_customer[*key.customer];
            row.customer = *key.customer;
            add(row.cost, key.component, c);
            row.by_type[key.type] += c;
        } else {
            add(report.unattributed, key.component, c);
        }
    }
    for (const auto& [customer, activity] : customer_activity) {
        auto& row = by_customer[customer];
        row.customer = customer;
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

    for (auto& [key, row] : by_customer) report.by_customer.push_back(std::move(row));
    std::stable_sort(
        report.by_customer.begin(), report.by_customer.end(),
        [](const CustomerCost& a, const CustomerCost& b) { return a.cost.total_cents() > b.cost.total_cents(); });

    const auto line_cents = split_by_weights(report.total.fixed_cents, line_ticks);
    for (std::size_t l = 0; l < report.fixed_lines.size(); ++l) report.fixed_lines[l].cents = line_cents[l];
    return report;
}

}  // namespace rapport::domain::costs
