#pragma once
// Prometheus metrics for the HTTP server: a request counter and a latency histogram per
// route and method. Counters are lock-free atomics so recording costs a few nanoseconds
// on the request path; the set of series is fixed when routes are registered.
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rapport::http {

class RouteMetrics {
public:
    static constexpr std::array<double, 12> kBucketsSeconds = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                               0.01,   0.025,   0.05,   0.1,   0.5,    2.5};
    RouteMetrics(std::string method, std::string route) : method_(std::move(method)), route_(std::move(route)) {}

    // Thread-safe.
    void observe(unsigned status, double seconds);
    void render(std::string& out) const;

private:
    std::string method_;
    std::string route_;
    std::array<std::atomic<std::uint64_t>, 6> by_class_{};  // 1xx..5xx, index = status / 100
    std::array<std::atomic<std::uint64_t>, kBucketsSeconds.size()> buckets_{};
    std::atomic<std::uint64_t> count_{0};
    std::atomic<std::uint64_t> sum_micros_{0};
};

// The registry: route series plus extra text providers (database pool gauges, ...).
class MetricsRegistry {
public:
    // Not thread-safe: call during start-up only. The pointer stays valid for the registry's life.
    RouteMetrics* add_route(std::string method, std::string route);
    void add_provider(std::function<void(std::string&)> provider);

    // Thread-safe. Prometheus text exposition format 0.0.4.
    std::string render() const;

private:
    std::vector<std::unique_ptr<RouteMetrics>> routes_;
    std::vector<std::function<void(std::string&)>> providers_;
};

}  // namespace rapport::http
