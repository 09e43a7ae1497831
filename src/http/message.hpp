#pragma once
// The HTTP vocabulary of the server: Beast's string-bodied request and response, and the
// per-request context that handlers receive.
#include <boost/beast/http.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/query_string.hpp"

namespace rapport::http {

namespace beast_http = boost::beast::http;
using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;
using Verb = beast_http::verb;
using HttpStatus = beast_http::status;

struct PeerInfo {
    std::string address;  // remote IP as text
    bool tls = false;     // true when a TLS-terminating proxy said so (X-Forwarded-Proto: https)
};

// Everything a handler may look at. Lives for one request; not shared between threads.
struct RequestContext {
    const Request& request;
    const PeerInfo& peer;
    std::string path;
    QueryParams query;
    std::vector<std::pair<std::string, std::string>> path_params;
    std::string route;       // the matched route template, e.g. "/api/v1/teams/{id}"
    std::string request_id;  // echoed in X-Request-Id and in problem bodies

    std::string_view param(std::string_view name) const {
        for (const auto& [k, v] : path_params) {
            if (k == name) return v;
        }
        return {};
    }
    std::string_view header(std::string_view name) const {
        auto it = request.find(boost::beast::string_view(name.data(), name.size()));
        if (it == request.end()) return {};
        return std::string_view(it->value().data(), it->value().size());
    }
};

// Builds a response with the request's HTTP version and keep-alive preference applied later
// by the server.
Response make_response(HttpStatus status, std::string body, std::string_view content_type);
Response json_response(HttpStatus status, std::string body);

}  // namespace rapport::http
