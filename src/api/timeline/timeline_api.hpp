#pragma once
// The timeline area's routes: A customer's timeline of interactions.
// What they use beyond the shared ApiContext; the timeline module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/timeline/timeline_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct TimelineApi : ApiContext {
    domain::timeline::TimelineService& timeline;
};

void register_timeline_routes(http::Router& router, TimelineApi& api);

}  // namespace rapport::api
