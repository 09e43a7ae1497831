#pragma once
// The HTTP/1.1 server, shaped after Beast's advanced server example:
// listener → session (header/body timeouts, body limit, keep-alive) → one handler seam.
//
// Threading: `threads` io_context threads; each connection runs on its own strand and
// calls the handler inline. Handlers are synchronous and short (database calls of a few
// milliseconds at most); long work belongs in background jobs, not on these threads
// (docs/adr/0002-threading.md).
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "http/message.hpp"

namespace rapport::http {

struct ServerOptions {
    std::string address = "127.0.0.1";
    unsigned short port = 8080;  // 0 picks a free port (tests)
    int threads = 0;             // 0: one per core
    std::size_t body_limit = 16 * 1024 * 1024;
    std::chrono::milliseconds header_timeout{15000};  // also the keep-alive idle limit
    std::chrono::milliseconds body_timeout{60000};
    std::chrono::milliseconds shutdown_grace{10000};
    // Honour X-Forwarded-Proto/X-Forwarded-For from a TLS-terminating reverse proxy.
    bool behind_proxy = false;
};

using RequestHandler = std::function<Response(const Request&, const PeerInfo&, std::string request_id)>;

class Server {
public:
    Server(ServerOptions options, RequestHandler handler);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and listens. After success, port() is the bound port.
    Status listen();
    unsigned short port() const;

    // Serves until stop() (or SIGINT/SIGTERM when `handle_signals`); blocks the caller,
    // which becomes one of the io threads.
    void run(bool handle_signals);

    // Graceful stop, callable from any thread: refuse new connections, let requests in
    // flight finish (their responses say Connection: close), close idle connections;
    // after shutdown_grace, cut whatever is left.
    void stop();

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace rapport::http
