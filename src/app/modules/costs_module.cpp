// Costs: the workspace's dated cost model (hourly costs per team and role, fixed monthly
// costs allocated to relationship types, a cost per message per channel) and the cost of a
// period per relationship type, segment and customer.
#include <optional>

#include "api/costs/costs_api.hpp"
#include "app/area_module.hpp"
#include "domain/costs/cost_service.hpp"
#include "storage/costs/sql_cost_repository.hpp"

namespace rapport::generated {
const char* openapi_costs();  // src/api/costs/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class CostsModule final : public AreaModule {
public:
    std::string_view name() const override { return "costs"; }

    std::string_view openapi_fragment() const override { return generated::openapi_costs(); }

    void build(ModuleContext& ctx) override {
        clock_ = &ctx.clock;
        repo_.emplace(ctx.database);
        service_.emplace(*repo_, ctx.services.get<domain::segments::SegmentService>(),
                         ctx.services.get<domain::customers::CustomerService>(),
                         ctx.services.get<domain::ActorDirectory>(), ctx.clock);
        ctx.services.provide<domain::costs::CostService>(*service_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::CostsApi{shared, *service_, *clock_});
        api::register_costs_routes(router, *api_);
    }

private:
    const Clock* clock_ = nullptr;
    std::optional<storage::SqlCostRepository> repo_;
    std::optional<domain::costs::CostService> service_;
    std::optional<api::CostsApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_costs_module() {
    return std::make_unique<CostsModule>();
}

}  // namespace rapport::app
