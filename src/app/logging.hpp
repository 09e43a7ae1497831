#pragma once
// Logging set-up: diagnostics to stderr, and the access log (one line per request) through
// an asynchronous logger whose sink buffers lines and writes them in batches, so logging
// costs the request threads a formatted string and a queue push, not a syscall.
#include <string>

namespace rapport::app {

void setup_logging(const std::string& level, bool access_log);

}  // namespace rapport::app
