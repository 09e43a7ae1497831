#pragma once
// The desk area's routes: the signed-in user's home page as cards, and the visit mark.
// What they use beyond the shared ApiContext; the desk module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "core/clock.hpp"
#include "domain/desk/desk_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct DeskApi : ApiContext {
    domain::desk::DeskService& desk;
};

void register_desk_routes(http::Router& router, DeskApi& api);

}  // namespace rapport::api
