#pragma once
// The teams area's routes: Teams and their members.
// What they use beyond the shared ApiContext; the teams module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/teams/team_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct TeamApi : ApiContext {
    domain::TeamService& teams;
};

void register_team_routes(http::Router& router, TeamApi& api);

}  // namespace rapport::api
