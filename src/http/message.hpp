#pragma once
// The HTTP vocabulary of the server: Beast's string-bodied request and response (which may
// instead stream its body), and the per-request context that handlers receive.
#include <boost/beast/http.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "http/query_string.hpp"

namespace rapport::http {

namespace beast_http = boost::beast::http;
using Request = beast_http::request<beast_http::string_body>;
using Verb = beast_http::verb;
using HttpStatus = beast_http::status;

// Produces a streamed response body one piece at a time. The server calls it on the
// connection's strand, the first time before the status line is sent and then each time the
// previous piece has been written to the socket, so a slow client slows the producer down
// instead of growing a buffer (backpressure). Each call appends the next piece to `chunk`
// (handed over empty) and returns true while more may follow, false when the body is
// complete (`chunk` may still hold its last bytes). An empty piece with true just asks to be
// called again.
// An error (or exception) on the first call is answered as a problem response like any
// handler error; after that the status is gone, so the server closes the connection without
// the terminating chunk and the client sees a truncated transfer, never a short body that
// looks complete.
using BodyProducer = std::function<Result<bool>(std::string& chunk)>;

// For streams that wait on events (server-sent events): when the producer hands back an empty
// piece with true and the response has a `park`, the server does not call the producer again
// at once but calls park(resume) and leaves the connection idle, holding no thread. `resume`
// may be called from any thread, any number of times; the first call after a park makes the
// server call the producer again on the connection's strand (later calls do nothing until the
// next park). The server keeps a parked connection open until it is resumed, the server stops,
// or a write fails (so a producer that waits long should resume now and then to send a
// heartbeat, which also finds clients that went away).
using StreamPark = std::function<void(std::function<void()> resume)>;

// Beast's string-bodied response, plus an optional streamed body. With `stream` set, the
// server ignores body() and Content-Length and sends the pieces `stream` produces with
// Transfer-Encoding: chunked (HEAD gets the headers only and never runs the producer).
class Response : public beast_http::response<beast_http::string_body> {
public:
    using Base = beast_http::response<beast_http::string_body>;
    using Base::Base;
    Response() = default;
    Response(Base&& base) : Base(std::move(base)) {}  // NOLINT(google-explicit-constructor)

    BodyProducer stream;
    StreamPark park;  // optional, with `stream`
};

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
    // The signed-in user's language setting, once the handler's authentication knows it (the
    // api layer's authenticate() records it); problem details are rendered in it, else in the
    // best language of Accept-Language (api/localize.hpp). Mutable: it is what the request
    // learned about its reader, not part of the request.
    mutable std::string user_language = {};

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
// A response whose body `producer` streams (see BodyProducer); set further headers on it
// (e.g. Content-Disposition) as on any response.
Response streaming_response(HttpStatus status, std::string_view content_type, BodyProducer producer);

}  // namespace rapport::http
