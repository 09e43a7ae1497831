#pragma once
// The service levels area's routes: business calendars, SLA policies and a due-time preview.
// What they use beyond the shared ApiContext; the servicelevels module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/servicelevels/service_level_settings.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct ServiceLevelsApi : ApiContext {
    domain::servicelevels::ServiceLevelSettings& settings;
};

void register_service_level_routes(http::Router& router, ServiceLevelsApi& api);

}  // namespace rapport::api
