#include "http/metrics.hpp"

#include <fmt/format.h>

namespace rapport::http {

void RouteMetrics::observe(unsigned status, double seconds) {
    const std::size_t cls = status / 100 < by_class_.size() ? status / 100 : 5;
    by_class_[cls].fetch_add(1, std::memory_order_relaxed);
    for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
        if (seconds <= kBucketsSeconds[i]) {
            buckets_[i].fetch_add(1, std::memory_order_relaxed);
            break;
        }
    }
    count_.fetch_add(1, std::memory_order_relaxed);
    sum_micros_.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void RouteMetrics::render(std::string& out) const {
    const std::string labels = fmt::format("method=\"{}\",route=\"{}\"", method_, route_);
    for (std::size_t cls = 1; cls < by_class_.size(); ++cls) {
        const auto n = by_class_[cls].load(std::memory_order_relaxed);
        if (n == 0) continue;
        out += fmt::format("rapport_http_requests_total{{{},code=\"{}xx\"}} {}\n", labels, cls, n);
    }
    const auto count = count_.load(std::memory_order_relaxed);
    if (count == 0) return;
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
        cumulative += buckets_[i].load(std::memory_order_relaxed);
        out += fmt::format("rapport_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels,
                           kBucketsSeconds[i], cumulative);
    }
    out += fmt::format("rapport_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels, count);
    out += fmt::format("rapport_http_request_duration_seconds_sum{{{}}} {:.6f}\n", labels,
                       static_cast<double>(sum_micros_.load(std::memory_order_relaxed)) / 1e6);
    out += fmt::format("rapport_http_request_duration_seconds_count{{{}}} {}\n", labels, count);
}

RouteMetrics* MetricsRegistry::add_route(std::string method, std::string route) {
    routes_.push_back(std::make_unique<RouteMetrics>(std::move(method), std::move(route)));
    return routes_.back().get();
}

void MetricsRegistry::add_provider(std::function<void(std::string&)> provider) {
    providers_.push_back(std::move(provider));
}

std::string MetricsRegistry::render() const {
    std::string out;
    out += "# HELP rapport_http_requests_total HTTP requests answered, by route, method and status class.\n";
    out += "# TYPE rapport_http_requests_total counter\n";
    out += "# HELP rapport_http_request_duration_seconds Time spent handling a request.\n";
    out += "# TYPE rapport_http_request_duration_seconds histogram\n";
    for (const auto& r : routes_) r->render(out);
    for (const auto& p : providers_) p(out);
    return out;
}

}  // namespace rapport::http
