#pragma once
#include "app/config.hpp"
#include "app/services.hpp"

namespace rapport::app {

// Runs the HTTP server until SIGINT/SIGTERM. Returns the process exit code.
int serve(const Config& config, Services& services, const std::string& demo_email, const std::string& demo_password);

}  // namespace rapport::app
