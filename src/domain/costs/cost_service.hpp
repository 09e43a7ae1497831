#pragma once
// Use cases of the cost model and the cost computation.
//
// Who may do what: admins and owners write the model; members and above read the model and
// the costs (viewers do not; nor do partner users, who see only their buyer's consumers).
// Customer-level figures (the ranked list, segment costs, one customer's cost) hold only the
// customers the reader may read; the totals by relationship type cover the whole workspace.
// People's segments sum their people's costs; companies' segments sum each company's roll-up
// (everything naming the company, its contacts' interactions included), and so does one
// company's cost.
//
// Benefits beside the costs: revenue is "not yet measured" (the sales issue adds orders);
// retention is "not yet measured" too, as customers lost are not recorded yet (a record is
// either present or deleted without trace), so a figure would always read 100%.
#include <optional>

#include "core/clock.hpp"
#include "domain/costs/cost_repository.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/segments/segment_service.hpp"

namespace rapport::domain::costs {

struct Period {
    Day from = 0;
    Day to = 0;  // exclusive
};

struct NamedCustomer {
    CustomerCost cost;
    std::string name;
};

struct SegmentCost {
    Id segment_id = 0;
    std::string name;
    customers::EntityType entity_type = customers::EntityType::Person;
    CostBreakdown cost;
    Activity activity;
    std::int64_t customers_with_activity = 0;
    std::map<std::optional<timeline::RelationshipType>, CostBreakdown> by_type;
};

struct CostsView {
    Period period;
    std::string currency;  // "" when the workspace has no model
    std::vector<Id> versions_used;
    CostReport report;                     // by_customer: the top `limit` readable customers
    std::vector<NamedCustomer> customers;  // the same, with names
    std::int64_t customer_count = 0;       // readable customers with a cost or activity
    std::vector<SegmentCost> by_segment;
    std::optional<Id> segment_id;  // the filter, when given
};

struct CustomerCostView {
    Period period;
    std::string currency;
    NamedCustomer customer;
    std::int64_t rank = 0;  // 1 = the most costly person (or company) of the period; 0: no cost
};

class CostService {
public:
    CostService(CostRepository& repo, segments::SegmentService& segments, customers::CustomerService& customers,
                ActorDirectory& actors, const Clock& clock)
        : repo_(repo), segments_(segments), customers_(customers), actors_(actors), clock_(clock) {}

    // Every version, newest effective day first.
    Result<std::vector<CostModel>> history(const Principal& actor);
    // The version in effect on `day` (default today); nullopt when none.
    Result<std::optional<CostModel>> in_effect(const Principal& actor, std::optional<Day> day);
    // `request_errors`: problems found while reading the request (wrong types), reported with
    // the model's own, so every field is named at once.
    Result<CostModel> save(const Principal& actor, CostModel model, const std::string& ip,
                           std::vector<FieldError> request_errors = {});
    Status remove(const Principal& actor, Id version_id, const std::string& ip);

    Result<CostsView> costs(const Principal& actor, Period period, std::optional<Id> segment_id, int limit);
    Result<CustomerCostView> customer_cost(const Principal& actor, customers::EntityType type, Id id, Period period);

    static constexpr Day kMaxPeriodDays = 3660;
    static constexpr int kMaxLimit = 500;
    static constexpr int kMaxSegments = 200;

private:
    Status may_read(const Principal& actor);
    Status may_write(const Principal& actor);
    Result<CostReport> compute(Id workspace_id, Period period, std::vector<Id>& versions, std::string& currency);
    // Whether the actor reads every record of the workspace (no permission narrows a list).
    Result<bool> reads_everything(const Principal& actor);
    // Of `keys` (all of one type), those the request selects among what the actor may read,
    // with their names.
    Result<std::map<CustomerKey, std::string>> select(const Principal& actor, customers::EntityType type,
                                                      const customers::ListRequest& request,
                                                      const std::vector<Id>& ids);

    CostRepository& repo_;
    segments::SegmentService& segments_;
    customers::CustomerService& customers_;
    ActorDirectory& actors_;
    const Clock& clock_;
};

}  // namespace rapport::domain::costs
