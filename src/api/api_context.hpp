#pragma once
// What every route shares: the authenticator and a few server facts. Each area's routes
// get a struct that extends it with the area's services (src/api/<area>/<area>_api.hpp),
// built by the area's module in the composition root (src/app/modules) and outliving the
// server.
#include <string>

#include "domain/identity/authentication_service.hpp"
#include "http/metrics.hpp"

namespace rapport::api {

struct ApiContext {
    domain::AuthenticationService& authentication;  // authenticates every request (api/request_auth.hpp)
    http::MetricsRegistry& metrics;
    std::string version;
    bool demo_login_hint = false;  // a fresh demo install offers its login on the sign-in page
    std::string demo_email;
    std::string demo_password;
};

}  // namespace rapport::api
