#include "app/logging.hpp"

#include "app/access_log_sink.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>

namespace rapport::app {

void setup_logging(const std::string& level, bool access_log) {
    // Logs go to stderr so stdout stays for command output (tokens, the listen line).
    auto main_logger = spdlog::stderr_color_mt("rapport");
    spdlog::set_default_logger(main_logger);
    spdlog::set_level(spdlog::level::from_str(level));
    if (!access_log) return;
    // A synchronous logger over per-thread buffers: see access_log_sink.hpp for why not async.
    auto access = std::make_shared<spdlog::logger>("access", std::make_shared<AccessLogSink>(STDERR_FILENO));
    access->set_level(spdlog::level::info);
    spdlog::register_logger(access);
    spdlog::flush_every(std::chrono::seconds(1));
}

}  // namespace rapport::app
