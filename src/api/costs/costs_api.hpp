#pragma once
// The costs area's routes: the cost model (GET and PUT /api/v1/cost-model, DELETE a version)
// and the computation (GET /api/v1/costs, GET /api/v1/costs/customers/{kind}/{id}). The costs
// module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "core/clock.hpp"
#include "domain/costs/cost_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct CostsApi : ApiContext {
    domain::costs::CostService& costs;
    const Clock& clock;
};

void register_costs_routes(http::Router& router, CostsApi& api);

}  // namespace rapport::api
