#pragma once
// Maps (method, path template) to handlers. Templates are literal segments and `{name}`
// captures: "/api/v1/teams/{id}/members". When several templates of the method match, the
// one with the most literal segments wins ("/companies/export" over "/companies/{id}"),
// then the first registered. Unknown paths answer 404, known paths with another method 405
// with an Allow header; handler errors become problem+json here.
#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"

namespace rapport::http {

using Handler = std::function<Result<Response>(RequestContext&)>;

struct RouteInfo {
    Verb verb;
    std::string path_template;
};

// Registration is not thread-safe; dispatch (`handle`) is, once registration is done.
class Router {
public:
    // `metrics` (optional) receives one series per route; it must outlive the router.
    explicit Router(MetricsRegistry* metrics = nullptr);

    void add(Verb verb, std::string path_template, Handler handler);

    // Called for requests no route matches (both path and method), e.g. static files.
    // Without one, such requests get 404.
    void set_fallback(Handler handler) { fallback_ = std::move(handler); }

    // Adjusts a handler's error before it becomes a problem response, knowing the request:
    // the API layer places the domain's field paths in the body or the query string.
    using ErrorFilter = std::function<void(const RequestContext&, Error&)>;
    void set_error_filter(ErrorFilter filter) { error_filter_ = std::move(filter); }

    // Dispatches one request, records its metrics and writes the access log line.
    // Never throws: exceptions from handlers become 500 problems.
    Response handle(const Request& request, const PeerInfo& peer, std::string request_id);

    std::vector<RouteInfo> routes() const;

private:
    struct Route {
        Verb verb;
        std::string path_template;
        std::vector<std::string> segments;
        Handler handler;
        RouteMetrics* metrics;
        int literal_segments;  // segments that are not {captures}: how specific the template is
    };
    Response dispatch(const Request& request, const PeerInfo& peer, std::string request_id, RouteMetrics*& metrics,
                      std::string& route_label);
    static bool match(const Route& route, const std::vector<std::string_view>& parts,
                      std::vector<std::pair<std::string, std::string>>& captures);

    std::vector<Route> routes_;
    Handler fallback_;
    ErrorFilter error_filter_;
    MetricsRegistry* metrics_;
    RouteMetrics* fallback_metrics_ = nullptr;
    RouteMetrics* unmatched_metrics_ = nullptr;
};

}  // namespace rapport::http
