#pragma once
// The relationships area's routes: versioned relationship plans per segment under
// /api/v1/relationship-plans. What they use beyond the shared ApiContext; the relationships
// module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/relationships/relationship_plan_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct RelationshipsApi : ApiContext {
    domain::relationships::RelationshipPlanService& plans;
};

void register_relationship_plan_routes(http::Router& router, RelationshipsApi& api);

}  // namespace rapport::api
