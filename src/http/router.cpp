#include "http/router.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <exception>

#include "http/problem.hpp"

namespace rapport::http {

namespace {
std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 1;  // skip the leading '/'
    while (start <= path.size()) {
        const std::size_t slash = path.find('/', start);
        const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
        parts.push_back(path.substr(start, end - start));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return parts;
}
}  // namespace

Router::Router(MetricsRegistry* metrics) : metrics_(metrics) {
    if (metrics_) {
        fallback_metrics_ = metrics_->add_route("GET", "(static)");
        unmatched_metrics_ = metrics_->add_route("ANY", "(unmatched)");
    }
}

void Router::add(Verb verb, std::string path_template, Handler handler) {
    RouteMetrics* m = metrics_ ? metrics_->add_route(std::string(beast_http::to_string(verb)), path_template) : nullptr;
    Route route{verb, path_template, {}, std::move(handler), m, 0};
    for (auto part : split_path(path_template)) {
        route.segments.emplace_back(part);
        if (!(part.size() > 2 && part.front() == '{' && part.back() == '}')) ++route.literal_segments;
    }
    routes_.push_back(std::move(route));
}

bool Router::match(const Route& route, const std::vector<std::string_view>& parts,
                   std::vector<std::pair<std::string, std::string>>& captures) {
    if (route.segments.size() != parts.size()) return false;
    captures.clear();
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string& seg = route.segments[i];
        if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
            if (parts[i].empty()) return false;
            captures.emplace_back(seg.substr(1, seg.size() - 2), std::string(parts[i]));
        } else if (seg != parts[i]) {
            return false;
        }
    }
    return true;
}

Response Router::handle(const Request& request, const PeerInfo& peer, std::string request_id) {
    const auto start = std::chrono::steady_clock::now();
    RouteMetrics* metrics = unmatched_metrics_;
    std::string route_label = "(unmatched)";
    std::string id = request_id;
    Response res = dispatch(request, peer, std::move(request_id), metrics, route_label);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const unsigned status = res.result_int();
    if (metrics) metrics->observe(status, seconds);
    res.set("X-Request-Id", id);
    static const auto access = spdlog::get("access");
    if (access && access->should_log(spdlog::level::info)) {
        access->info("{} {} {} {} {} {:.3f}ms {}", peer.address,
                     std::string_view(request.method_string().data(), request.method_string().size()),
                     std::string_view(request.target().data(), request.target().size()), status, route_label,
                     seconds * 1000.0, id);
    }
    return res;
}

Response Router::dispatch(const Request& request, const PeerInfo& peer, std::string request_id, RouteMetrics*& metrics,
                          std::string& route_label) {
    const std::string_view raw_target(request.target().data(), request.target().size());
    auto target = parse_target(raw_target);
    if (!target) {
        return problem_response(HttpStatus::bad_request, "/problems/bad-request", "The request is malformed", request,
                                "http.target_invalid", {}, raw_target, request_id);
    }
    auto query = QueryParams::parse(target->query);
    if (!query) {
        return problem_response(HttpStatus::bad_request, "/problems/bad-request", "The request is malformed", request,
                                "http.query_escape_invalid", {}, target->path, request_id);
    }
    RequestContext ctx{request, peer, std::move(target->path), std::move(*query), {}, {}, std::move(request_id)};

    const auto parts = split_path(ctx.path);
    const Route* found = nullptr;
    std::string allow;
    std::vector<std::pair<std::string, std::string>> captures;
    const Verb verb = request.method() == Verb::head ? Verb::get : request.method();
    for (const auto& route : routes_) {
        if (!match(route, parts, captures)) continue;
        if (route.verb == verb) {
            // The most literal template wins, whatever the registration order: GET
            // /companies/export is the export route even though /companies/{id} came first.
            if (!found || route.literal_segments > found->literal_segments) {
                found = &route;
                ctx.path_params = captures;
            }
            continue;
        }
        if (found) continue;  // Allow is only needed when no route serves the method
        if (!allow.empty()) allow += ", ";
        allow += std::string(beast_http::to_string(route.verb));
    }
    const Handler* handler = found ? &found->handler : nullptr;
    if (!found) {
        if (!allow.empty()) {
            auto res =
                problem_response(HttpStatus::method_not_allowed, "/problems/method-not-allowed", "Method not allowed",
                                 request, "http.method_not_allowed",
                                 {{"method", std::string(beast_http::to_string(request.method()))}, {"allow", allow}},
                                 ctx.path, ctx.request_id);
            res.set(beast_http::field::allow, allow);
            return res;
        }
        if (!fallback_) {
            return problem_response(HttpStatus::not_found, "/problems/not-found", "Not found", request,
                                    "http.no_resource", {{"path", ctx.path}}, ctx.path, ctx.request_id);
        }
        handler = &fallback_;
        ctx.route = "(static)";
        metrics = fallback_metrics_;
    } else {
        ctx.route = found->path_template;
        metrics = found->metrics;
    }
    route_label = ctx.route;

    try {
        auto result = (*handler)(ctx);
        if (!result) {
            Error error = std::move(result).error();
            if (error_filter_) error_filter_(ctx, error);
            return problem_response(error, ctx.path, ctx.request_id);
        }
        return std::move(*result);
    } catch (const std::exception& e) {
        spdlog::error("request {} {} failed: {}", ctx.request_id, ctx.path, e.what());
    } catch (...) {
        spdlog::error("request {} {} failed with an unknown exception", ctx.request_id, ctx.path);
    }
    return problem_response(
        Error::internal("an unexpected error happened; it has been logged with request id " + ctx.request_id), ctx.path,
        ctx.request_id);
}

std::vector<RouteInfo> Router::routes() const {
    std::vector<RouteInfo> out;
    for (const auto& r : routes_) out.push_back({r.verb, r.path_template});
    return out;
}

}  // namespace rapport::http
