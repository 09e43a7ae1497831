#include "app/serve.hpp"

#include <malloc.h>
#include <spdlog/spdlog.h>

#include <filesystem>

#include "api/api_context.hpp"
#include "app/statistics_timer.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"

namespace rapport::app {

namespace {

std::filesystem::path find_web_root(const Config& config) {
    if (!config.web_root.empty()) return config.web_root;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    for (const auto& candidate : {std::filesystem::path("web/dist"), exe.parent_path() / "../web/dist",
                                  exe.parent_path() / "../../web/dist", exe.parent_path() / "../share/rapport/web"}) {
        if (std::filesystem::is_regular_file(candidate / "index.html", ec))
            return std::filesystem::canonical(candidate);
    }
    return "web/dist";
}

void add_pool_metrics(http::MetricsRegistry& metrics, storage::Database& db) {
    metrics.add_provider([&db](std::string& out) {
        const auto s = db.stats();
        out += "# TYPE rapport_db_connections gauge\n";
        out += "rapport_db_connections{state=\"open\"} " + std::to_string(s.connections_total) + "\n";
        out += "rapport_db_connections{state=\"in_use\"} " + std::to_string(s.connections_in_use) + "\n";
        out += "# TYPE rapport_db_acquisitions_total counter\n";
        out += "rapport_db_acquisitions_total " + std::to_string(s.acquisitions) + "\n";
        out += "# TYPE rapport_db_acquisition_waits_total counter\n";
        out += "rapport_db_acquisition_waits_total " + std::to_string(s.waits) + "\n";
    });
}

}  // namespace

int serve(const Config& config, Services& services, const std::string& demo_email, const std::string& demo_password) {
    http::MetricsRegistry metrics;
    add_pool_metrics(metrics, services.database());
    api::ApiContext api{.authentication = services.get<domain::AuthenticationService>(),
                        .metrics = metrics,
                        .version = RAPPORT_VERSION,
                        .demo_login_hint = !demo_email.empty(),
                        .demo_email = demo_email,
                        .demo_password = demo_password};
    http::Router router(&metrics);
    services.add_routes(router, api);
    // Start-up (migrations, the OpenAPI document assembled from its fragments) frees what it
    // parsed; give those pages back so the idle server holds only what it serves.
    malloc_trim(0);
    http::StaticFiles web(find_web_root(config));
    router.set_fallback([&web](http::RequestContext& ctx) { return web.serve(ctx); });
    if (!web.available()) spdlog::warn("no built web UI found; serving the API only (build it with scripts/build.sh)");

    http::ServerOptions options;
    const auto colon = config.listen.rfind(':');
    if (colon == std::string::npos) {
        spdlog::error("--listen must be HOST:PORT, e.g. 127.0.0.1:8080 (got '{}')", config.listen);
        return 2;
    }
    options.address = config.listen.substr(0, colon);
    try {
        options.port = static_cast<unsigned short>(std::stoi(config.listen.substr(colon + 1)));
    } catch (const std::exception&) {
        spdlog::error("--listen port is not a number: '{}'", config.listen);
        return 2;
    }
    options.threads = config.threads;
    options.body_limit = config.body_limit;
    options.header_timeout = std::chrono::milliseconds(config.header_timeout_ms);
    options.body_timeout = std::chrono::milliseconds(config.body_timeout_ms);
    options.behind_proxy = config.behind_proxy;

    http::Server server(options, [&router](const http::Request& req, const http::PeerInfo& peer, std::string id) {
        return router.handle(req, peer, std::move(id));
    });
    if (auto st = server.listen(); !st) {
        spdlog::error("{}", st.error().detail);
        return 1;
    }
    // Tests read this line to learn the ephemeral port.
    std::printf("rapport listening on http://%s:%u\n", options.address.c_str(), server.port());
    if (!demo_email.empty()) std::printf("demo login: %s / %s\n", demo_email.c_str(), demo_password.c_str());
    std::fflush(stdout);
    spdlog::info("serving {} with {}", services.database().describe(), web.available() ? "the web UI" : "no web UI");
    services.start_background();
    StatisticsTimer statistics(services.statistics());
    if (config.maintain_statistics) statistics.start();
    server.run(true);
    statistics.stop();
    services.stop_background();
    spdlog::info("stopped");
    return 0;
}

}  // namespace rapport::app
