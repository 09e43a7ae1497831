// Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility> under
// g++ 12 in C++20 mode; include it first.
#include <utility>

#include "http/server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "http/problem.hpp"
#include "http/request_framing.hpp"

namespace rapport::http {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

namespace {

std::atomic<std::uint64_t> g_request_counter{0};

std::string next_request_id() {
    static const auto prefix = [] {
        const auto t = std::chrono::system_clock::now().time_since_epoch().count();
        return fmt::format("{:x}", static_cast<std::uint64_t>(t) & 0xffffffu);
    }();
    return fmt::format("{}-{}", prefix, g_request_counter.fetch_add(1, std::memory_order_relaxed) + 1);
}

}  // namespace

class Session;

struct Server::Impl {
    Impl(ServerOptions o, RequestHandler h) : options(std::move(o)), handler(std::move(h)), acceptor(io) {}

    void do_accept();
    void register_session(const std::shared_ptr<Session>& s);
    void unregister_session(Session* s);

    ServerOptions options;
    RequestHandler handler;
    net::io_context io;
    tcp::acceptor acceptor;
    std::atomic<bool> stopping{false};
    std::mutex sessions_mutex;
    std::set<Session*> sessions;
    std::vector<std::weak_ptr<Session>> session_refs;
    std::optional<net::steady_timer> grace_timer;
    std::optional<net::signal_set> signals;
};

// Polls until the last session is gone, then cancels the grace timer.
struct DrainWatcher : std::enable_shared_from_this<DrainWatcher> {
    explicit DrainWatcher(Server::Impl* i) : impl(i), timer(i->io) {}
    void check() {
        bool empty;
        {
            std::lock_guard lock(impl->sessions_mutex);
            empty = impl->sessions.empty();
        }
        if (empty) {
            if (impl->grace_timer) impl->grace_timer->cancel();
            return;
        }
        timer.expires_after(std::chrono::milliseconds(20));
        timer.async_wait([self = shared_from_this()](boost::beast::error_code ec) {
            if (!ec) self->check();
        });
    }
    Server::Impl* impl;
    net::steady_timer timer;
};

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket&& socket, Server::Impl& server)
        : stream_(std::move(socket)), server_(server), read_timer_(stream_.get_executor()) {
        beast::error_code ec;
        auto endpoint = stream_.socket().remote_endpoint(ec);
        if (!ec) peer_.address = endpoint.address().to_string();
        // One write per response already, but NODELAY also spares keep-alive clients the
        // Nagle/delayed-ACK stall on small responses.
        stream_.socket().set_option(tcp::no_delay(true), ec);
    }

    void start() {
        net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read_header, shared_from_this()));
    }

    // Called on shutdown from any thread: closes the connection if it is between requests.
    void close_if_idle() {
        net::post(stream_.get_executor(), [self = shared_from_this()] {
            if (self->idle_ || self->parked_self_) {
                self->read_timer_.cancel();
                beast::error_code ec;
                self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
                self->stream_.socket().close(ec);
                self->release_parked_stream();
            }
        });
    }
    void force_close() {
        net::post(stream_.get_executor(), [self = shared_from_this()] {
            self->read_timer_.cancel();
            beast::error_code ec;
            self->stream_.socket().close(ec);
            self->release_parked_stream();
        });
    }

    ~Session() { server_.unregister_session(this); }

private:
    void read_header() {
        if (server_.stopping.load()) return close();
        idle_ = true;
        parser_.emplace();
        parser_->body_limit(server_.options.body_limit);
        arm_read_timer(server_.options.header_timeout);
        beast_http::async_read_header(stream_, buffer_, *parser_,
                                      beast::bind_front_handler(&Session::on_header, shared_from_this()));
    }

    // tcp_stream's own timeout closes the socket, which would leave no way to answer 408;
    // this timer only cancels the read, so the session can still write the problem.
    void arm_read_timer(std::chrono::milliseconds timeout) {
        read_timed_out_ = false;
        stream_.expires_never();
        read_timer_.expires_after(timeout);
        read_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
            if (ec) return;
            self->read_timed_out_ = true;
            beast::error_code ignored;
            self->stream_.socket().cancel(ignored);
        });
    }

    void on_header(beast::error_code ec, std::size_t) {
        idle_ = false;
        read_timer_.cancel();
        if (ec) return on_read_error(ec);
        const auto& req = parser_->get();
        // Refused before the body is read; send_error closes the connection, so whatever
        // follows on it is never parsed as a request.
        if (auto problem = framing_problem(req)) {
            return send_error(HttpStatus::bad_request, "/problems/bad-request", "The request is malformed",
                              std::move(*problem));
        }
        if (req.has_content_length() && parser_->content_length() &&
            *parser_->content_length() > server_.options.body_limit) {
            return send_localized_error(HttpStatus::payload_too_large, "/problems/payload-too-large",
                                        "Request body too large", "http.body_too_large",
                                        {{"size", std::to_string(*parser_->content_length())},
                                         {"max", std::to_string(server_.options.body_limit)}});
        }
        if (parser_->is_done()) return handle();
        arm_read_timer(server_.options.body_timeout);
        beast_http::async_read(stream_, buffer_, *parser_,
                               beast::bind_front_handler(&Session::on_body, shared_from_this()));
    }

    void on_body(beast::error_code ec, std::size_t) {
        read_timer_.cancel();
        if (ec) return on_read_error(ec);
        handle();
    }

    void on_read_error(beast::error_code ec) {
        if (read_timed_out_ && ec == net::error::operation_aborted) {
            if (server_.stopping.load()) return close();
            // A client that sent nothing since its last request just idled out: close quietly.
            if (!parser_->got_some() && buffer_.size() == 0) return close();
            return send_error(HttpStatus::request_timeout, "/problems/request-timeout", "Request timeout",
                              "the request was not received completely in time");
        }
        if (ec == beast_http::error::body_limit) {
            return send_localized_error(HttpStatus::payload_too_large, "/problems/payload-too-large",
                                        "Request body too large", "http.body_limit",
                                        {{"max", std::to_string(server_.options.body_limit)}});
        }
        if (ec == beast_http::error::end_of_stream || ec == net::error::eof || ec == net::error::connection_reset ||
            ec == net::error::operation_aborted || ec == net::error::bad_descriptor) {
            return close();
        }
        if (ec.category() == beast_http::make_error_code(beast_http::error::bad_target).category()) {
            return send_error(HttpStatus::bad_request, "/problems/bad-request", "The request is malformed",
                              "the HTTP request could not be parsed: " + ec.message());
        }
        close();
    }

    void handle() {
        Request req = parser_->release();
        PeerInfo peer = peer_;
        if (server_.options.behind_proxy) {
            if (auto it = req.find("X-Forwarded-Proto"); it != req.end()) peer.tls = it->value() == "https";
            if (auto it = req.find("X-Forwarded-For"); it != req.end()) {
                // The last entry is the one our proxy appended; earlier ones came from the
                // client, who could name any address (and dodge the sign-in throttle).
                const std::string forwarded(it->value());
                std::string_view last(forwarded);
                last.remove_prefix(forwarded.rfind(',') + 1);  // npos + 1 == 0: a single entry
                while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
                while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
                if (!last.empty()) peer.address = std::string(last);
            }
        }
        Response res = server_.handler(req, peer, next_request_id());
        const bool keep_alive = req.keep_alive() && !server_.stopping.load();
        res.version(req.version());
        res.keep_alive(keep_alive);
        res.set(beast_http::field::server, "rapport");
        if (res.stream) return start_stream(std::move(res), !keep_alive, req.method() == Verb::head, req.target());
        if (req.method() == Verb::head) {
            const auto size = res.body().size();
            res.body().clear();
            res.content_length(size);
        }
        write(std::move(res), !keep_alive);
    }

    // A problem whose detail is the catalogue's `key`, in the language of the request's headers.
    void send_localized_error(HttpStatus status, std::string_view type, std::string_view title, std::string_view key,
                              const MessageArgs& args) {
        Response res = problem_response(status, type, title, parser_->get(), key, args, "", next_request_id());
        res.keep_alive(false);
        res.set(beast_http::field::server, "rapport");
        write(std::move(res), true);
    }

    void send_error(HttpStatus status, std::string_view type, std::string_view title, std::string detail) {
        Response res = problem_response(status, type, title, detail, "", next_request_id());
        res.keep_alive(false);
        res.set(beast_http::field::server, "rapport");
        write(std::move(res), true);
    }

    void write(Response&& res, bool close_after) {
        response_ = std::make_shared<Response>(std::move(res));
        stream_.expires_after(server_.options.body_timeout);
        beast_http::async_write(stream_, *response_,
                                [self = shared_from_this(), close_after](beast::error_code ec, std::size_t) {
                                    self->response_.reset();
                                    if (ec || close_after) return self->close();
                                    self->read_header();
                                });
    }

    // A streamed body goes out as: the first piece is produced (so a failure can still become
    // a problem response), then the header with Transfer-Encoding: chunked, then one chunk per
    // piece, each written before the next is produced, then the last chunk. Only one piece is
    // held at a time.
    void start_stream(Response&& res, bool close_after, bool head_only, beast::string_view target) {
        stream_producer_ = std::move(res.stream);
        res.stream = nullptr;
        stream_park_ = std::move(res.park);
        res.park = nullptr;
        stream_close_after_ = close_after;
        stream_request_id_ = std::string(res["X-Request-Id"]);
        bool more = false;
        if (!head_only) {
            piece_.clear();
            auto produced = produce(piece_);
            if (!produced) {
                stream_producer_ = nullptr;
                Response problem = problem_response(produced.error(), std::string_view(target.data(), target.size()),
                                                    stream_request_id_);
                problem.version(res.version());
                problem.keep_alive(res.keep_alive());
                problem.set(beast_http::field::server, "rapport");
                problem.set("X-Request-Id", stream_request_id_);
                return write(std::move(problem), close_after);
            }
            more = *produced;
        }
        stream_header_ = std::make_shared<beast_http::response<beast_http::empty_body>>();
        stream_header_->base() = std::move(res.base());
        stream_header_->erase(beast_http::field::content_length);
        stream_header_->chunked(true);
        stream_serializer_ = std::make_shared<beast_http::response_serializer<beast_http::empty_body>>(*stream_header_);
        stream_.expires_after(server_.options.body_timeout);
        beast_http::async_write_header(stream_, *stream_serializer_,
                                       [self = shared_from_this(), head_only, more](beast::error_code ec, std::size_t) {
                                           if (ec) return self->end_stream(false);
                                           if (head_only) return self->end_stream(true);
                                           self->write_piece(more);
                                       });
    }

    // Writes piece_ (if any) as one chunk, then produces the next or finishes.
    void write_piece(bool more) {
        if (piece_.empty() && more && stream_park_) return park();
        if (piece_.empty()) return more ? next_piece() : write_last_chunk();
        stream_.expires_after(server_.options.body_timeout);
        net::async_write(stream_, beast_http::make_chunk(net::buffer(piece_)),
                         [self = shared_from_this(), more](beast::error_code ec, std::size_t) {
                             if (ec) return self->end_stream(false);
                             if (more) return self->next_piece();
                             self->write_last_chunk();
                         });
    }

    void next_piece() {
        piece_.clear();
        auto produced = produce(piece_);
        if (!produced) {
            // The status line is long gone: cut the connection so the client sees the
            // transfer end without its last chunk rather than a body that looks complete.
            spdlog::error("request {}: streamed response aborted: {}", stream_request_id_, produced.error().detail);
            return end_stream(false);
        }
        write_piece(*produced);
    }

    void write_last_chunk() {
        stream_.expires_after(server_.options.body_timeout);
        net::async_write(stream_, beast_http::make_chunk_last(),
                         [self = shared_from_this()](beast::error_code ec, std::size_t) { self->end_stream(!ec); });
    }

    Result<bool> produce(std::string& piece) {
        try {
            return stream_producer_(piece);
        } catch (const std::exception& e) {
            return fail(Error::internal(std::string("the response stream failed: ") + e.what()));
        } catch (...) {
            return fail(Error::internal("the response stream failed with an unknown exception"));
        }
    }

    // The producer waits for an event: the connection holds itself (no operation is pending to
    // keep it alive) until resume() or shutdown.
    void park() {
        parked_self_ = shared_from_this();
        std::weak_ptr<Session> weak = parked_self_;
        stream_park_([weak] {
            if (auto self = weak.lock()) {
                net::post(self->stream_.get_executor(), [self] { self->unpark(); });
            }
        });
    }
    void unpark() {
        if (!parked_self_) return;
        auto keep = std::move(parked_self_);
        parked_self_.reset();
        next_piece();
    }
    void release_parked_stream() {
        if (!parked_self_) return;
        stream_producer_ = nullptr;
        stream_park_ = nullptr;
        parked_self_.reset();  // may destroy this session: the caller holds its own reference
    }

    void end_stream(bool complete) {
        // Release the producer (and whatever it holds) before waiting for the next request.
        stream_producer_ = nullptr;
        stream_park_ = nullptr;
        stream_serializer_.reset();
        stream_header_.reset();
        std::string().swap(piece_);
        if (!complete || stream_close_after_) return close();
        read_header();
    }

    void close() {
        read_timer_.cancel();
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.socket().close(ec);
    }

    beast::tcp_stream stream_;
    Server::Impl& server_;
    PeerInfo peer_;
    beast::flat_buffer buffer_;
    std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
    std::shared_ptr<Response> response_;
    // The streamed response in progress, if any (see start_stream).
    BodyProducer stream_producer_;
    StreamPark stream_park_;
    std::shared_ptr<Session> parked_self_;  // set while a stream waits for its producer's event
    std::shared_ptr<beast_http::response<beast_http::empty_body>> stream_header_;
    std::shared_ptr<beast_http::response_serializer<beast_http::empty_body>> stream_serializer_;
    std::string piece_;
    std::string stream_request_id_;
    bool stream_close_after_ = false;
    net::steady_timer read_timer_;
    bool read_timed_out_ = false;
    bool idle_ = true;
};

void Server::Impl::do_accept() {
    acceptor.async_accept(net::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
        if (stopping.load()) return;
        if (!ec) {
            auto session = std::make_shared<Session>(std::move(socket), *this);
            register_session(session);
            session->start();
        } else if (ec != net::error::operation_aborted) {
            spdlog::warn("accept failed: {}", ec.message());
        }
        if (acceptor.is_open()) do_accept();
    });
}

void Server::Impl::register_session(const std::shared_ptr<Session>& s) {
    std::lock_guard lock(sessions_mutex);
    sessions.insert(s.get());
    if (session_refs.size() > 4 * sessions.size() + 64) {  // prune dead weak refs now and then
        std::erase_if(session_refs, [](const auto& w) { return w.expired(); });
    }
    session_refs.push_back(s);
}

void Server::Impl::unregister_session(Session* s) {
    std::lock_guard lock(sessions_mutex);
    sessions.erase(s);
}

Server::Server(ServerOptions options, RequestHandler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() = default;

Status Server::listen() {
    beast::error_code ec;
    const auto address = net::ip::make_address(impl_->options.address, ec);
    if (ec) return fail(Error::field("listen", "'" + impl_->options.address + "' is not an IP address"));
    tcp::endpoint endpoint{address, impl_->options.port};
    auto& acceptor = impl_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        return fail(Error::unavailable("cannot listen on " + impl_->options.address + ":" +
                                       std::to_string(impl_->options.port) + ": " + ec.message()));
    }
    return {};
}

unsigned short Server::port() const {
    beast::error_code ec;
    auto ep = impl_->acceptor.local_endpoint(ec);
    return ec ? 0 : ep.port();
}

void Server::run(bool handle_signals) {
    auto& io = impl_->io;
    if (handle_signals) {
        auto& signals = impl_->signals;
        signals.emplace(io, SIGINT, SIGTERM);
        signals->async_wait([this](beast::error_code ec, int sig) {
            if (ec) return;
            spdlog::info("signal {} received: finishing requests in flight, then stopping", sig);
            stop();
        });
    }
    impl_->do_accept();
    int threads = impl_->options.threads > 0 ? impl_->options.threads
                                             : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
    io.run();
    for (auto& t : pool) t.join();
}

void Server::stop() {
    net::post(impl_->io, [impl = impl_.get()] {
        if (impl->stopping.exchange(true)) return;
        beast::error_code ec;
        impl->acceptor.close(ec);
        if (impl->signals) impl->signals->cancel(ec);
        std::vector<std::shared_ptr<Session>> live;
        {
            std::lock_guard lock(impl->sessions_mutex);
            for (auto& w : impl->session_refs) {
                if (auto s = w.lock()) live.push_back(std::move(s));
            }
        }
        for (auto& s : live) s->close_if_idle();
        impl->grace_timer.emplace(impl->io, impl->options.shutdown_grace);
        impl->grace_timer->async_wait([impl](beast::error_code e) {
            if (e) return;
            std::vector<std::shared_ptr<Session>> left;
            {
                std::lock_guard lock(impl->sessions_mutex);
                for (auto& w : impl->session_refs) {
                    if (auto s = w.lock()) left.push_back(std::move(s));
                }
            }
            if (!left.empty()) spdlog::warn("shutdown grace over: closing {} connections", left.size());
            for (auto& s : left) s->force_close();
        });
        // When every session is gone the grace timer is the only work left; cancel it then
        // so io_context::run returns.
        std::make_shared<DrainWatcher>(impl)->check();
    });
}

}  // namespace rapport::http
