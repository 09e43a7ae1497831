#pragma once
// The system routes: probes, metrics and the API description.
#include <functional>
#include <string>

#include "api/api_context.hpp"
#include "core/error.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct SystemApi : ApiContext {
    // Whether the server can serve: the database answers (the composition root knows how).
    std::function<Status()> ready;
    // The assembled OpenAPI document (api/openapi.hpp), serialised once.
    std::string openapi_document;
};

void register_system_routes(http::Router& router, SystemApi& api);

}  // namespace rapport::api
