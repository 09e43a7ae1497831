#pragma once
// The cost of a period, computed from aggregates (a pure function: no storage, no clock), so
// it can be tested with known answers to the cent.
//
// What costs what:
// - time: the minutes spent on timeline interactions (service desk replies and notes are
//   mirrored there with their minutes, so agents' handling time is counted once, there) ×
//   the hourly cost of the interaction's author (cost_model.hpp: team rate, else role rate);
// - messages: each inbound or outgoing reply message of a service desk conversation × the
//   per-message cost of its channel (internal notes are not messages on a channel); they serve
//   personal assistance, as conversations do on the timeline;
// - fixed: each fixed monthly cost pro-rated to the days of the period (money_split.hpp),
//   split between relationship types by its allocation shares, then, within a type, between
//   customers in proportion to that type's minutes per customer in the period. A type with no
//   minutes keeps its share unattributed (no customer); an unallocated cost is overhead (no
//   type, no customer).
// A customer is the interaction's (or conversation's) person, or its company when it names no
// person. Companies also get a roll-up: every cost of the interactions and conversations that
// name the company, its contacts' included (by_company), which company segments use.
//
// The period is given as slices, one per cost model version in effect; each slice's rows are
// the aggregates of its days. All amounts are exact in ticks until one final rounding: for each
// component (time, messages, fixed), its (customer, company, type) cells are rounded by the
// largest remainder (money_split.hpp), so each component's total is its exact amount rounded
// half up, and totals by type, by customer, by company and overall are sums of the same rounded
// cells: they add up to the cent.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/costs/calendar.hpp"
#include "domain/costs/cost_model.hpp"
#include "domain/customers/fields.hpp"

namespace rapport::domain::costs {

struct CustomerKey {
    customers::EntityType type = customers::EntityType::Person;
    Id id = 0;
    auto operator<=>(const CustomerKey&) const = default;
};

// SUM(minutes) of the slice's interactions grouped by customer, type and author.
struct MinutesRow {
    std::optional<CustomerKey> customer;
    std::optional<timeline::RelationshipType> type;
    std::optional<Id> author_user_id;
    std::int64_t minutes = 0;
    std::optional<Id> company_id;  // the company the interaction names (the customer, or its person's)
};
// COUNT(messages) of the slice's conversations grouped by customer and channel.
struct MessagesRow {
    std::optional<CustomerKey> customer;
    std::string channel;
    std::int64_t messages = 0;
    std::optional<Id> company_id;
};
// What rates an author: the role and teams (now; the model's date picks the rates).
struct Author {
    std::optional<Role> role;
    std::vector<Id> team_ids;
};

struct Slice {
    const CostModel* model = nullptr;  // null: no model in effect (nothing is costed)
    Day from = 0, to = 0;              // [from, to)
    std::vector<MinutesRow> minutes;
    std::vector<MessagesRow> messages;
};

struct CostBreakdown {
    std::int64_t time_cents = 0;
    std::int64_t message_cents = 0;
    std::int64_t fixed_cents = 0;
    std::int64_t total_cents() const { return time_cents + message_cents + fixed_cents; }
    CostBreakdown& operator+=(const CostBreakdown& o) {
        time_cents += o.time_cents;
        message_cents += o.message_cents;
        fixed_cents += o.fixed_cents;
        return *this;
    }
};
struct Activity {
    std::int64_t minutes = 0;
    std::int64_t messages = 0;
};

struct TypeCost {
    std::optional<timeline::RelationshipType> type;  // none: unallocated overhead and untyped minutes
    CostBreakdown cost;
    Activity activity;
};
struct CustomerCost {
    CustomerKey customer;
    CostBreakdown cost;
    Activity activity;
    std::map<std::optional<timeline::RelationshipType>, CostBreakdown> by_type;  // cents per type, by component
};
struct FixedCostLine {
    std::string name;
    FixedCostCategory category = FixedCostCategory::Other;
    std::int64_t cents = 0;  // pro-rated to the period
};

struct CostReport {
    CostBreakdown total;
    Activity activity;
    std::vector<TypeCost> by_type;           // in RelationshipType order, then "none"; only non-empty
    std::vector<CustomerCost> by_customer;   // most costly first (ties: by key)
    std::vector<CustomerCost> by_company;    // the roll-up per company, most costly first
    CostBreakdown unattributed;              // costs of no customer
    std::vector<FixedCostLine> fixed_lines;  // per fixed cost and model version, in model order
    std::int64_t unpriced_minutes = 0;       // by authors without a rate, or of no author
    std::int64_t unpriced_messages = 0;      // on channels without a rate
    std::int64_t days_without_model = 0;
};

// `authors` maps user id to role and teams (unknown authors are unpriced).
CostReport compute_costs(const std::vector<Slice>& slices, const std::map<Id, Author>& authors);

}  // namespace rapport::domain::costs
