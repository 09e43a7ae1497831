// The server's streamed-response path over a real socket: chunked transfer, keep-alive after a
// stream, backpressure from a client that stops reading, errors before and after the first
// piece, and HEAD.
#include <utility>

#include <gtest/gtest.h>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "http/server.hpp"

namespace rapport::http {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

constexpr int kBigPieces = 1000;
constexpr std::size_t kBigPieceSize = 64 * 1024;

// Runs a Server on an ephemeral port in a background thread for one test.
class StreamingServer {
public:
    explicit StreamingServer(RequestHandler handler) : server_(options(), std::move(handler)) {
        auto st = server_.listen();
        if (!st) throw std::runtime_error(st.error().detail);
        thread_ = std::thread([this] { server_.run(false); });
    }
    ~StreamingServer() {
        server_.stop();
        thread_.join();
    }
    unsigned short port() const { return server_.port(); }

private:
    static ServerOptions options() {
        ServerOptions o;
        o.port = 0;
        o.threads = 2;
        o.shutdown_grace = std::chrono::milliseconds(500);
        return o;
    }
    Server server_;
    std::thread thread_;
};

struct Client {
    explicit Client(unsigned short port) : socket(io) {
        socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    }
    void send(beast_http::verb verb, const std::string& target) {
        beast_http::request<beast_http::empty_body> req{verb, target, 11};
        req.set(beast_http::field::host, "127.0.0.1");
        beast_http::write(socket, req);
    }
    net::io_context io;
    tcp::socket socket;
    beast::flat_buffer buffer;
};

// Pieces "piece 0\n" .. "piece <n-1>\n", then done.
BodyProducer counting_producer(int n, std::shared_ptr<std::atomic<int>> calls) {
    auto next = std::make_shared<int>(0);
    return [n, next, calls](std::string& chunk) -> Result<bool> {
        calls->fetch_add(1);
        chunk += "piece " + std::to_string((*next)++) + "\n";
        return *next < n;
    };
}

std::string expected_pieces(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += "piece " + std::to_string(i) + "\n";
    return out;
}

}  // namespace

TEST(StreamingResponse, SendsChunksAndKeepsTheConnectionForTheNextRequest) {
    auto calls = std::make_shared<std::atomic<int>>(0);
    StreamingServer server([calls](const Request& req, const PeerInfo&, std::string) -> Response {
        if (req.target() == "/plain") return make_response(HttpStatus::ok, "plain\n", "text/plain");
        auto res = streaming_response(HttpStatus::ok, "text/plain", counting_producer(100, calls));
        res.set(beast_http::field::content_disposition, "attachment; filename=\"x.txt\"");
        return res;
    });
    Client client(server.port());
    client.send(beast_http::verb::get, "/stream");
    beast_http::response<beast_http::string_body> res;
    beast_http::read(client.socket, client.buffer, res);
    EXPECT_EQ(res.result(), HttpStatus::ok);
    EXPECT_TRUE(res.chunked());
    EXPECT_FALSE(res.has_content_length());
    EXPECT_EQ(res[beast_http::field::content_type], "text/plain");
    EXPECT_EQ(res[beast_http::field::content_disposition], "attachment; filename=\"x.txt\"");
    EXPECT_EQ(res.body(), expected_pieces(100));
    EXPECT_EQ(calls->load(), 100);
    EXPECT_TRUE(res.keep_alive());

    // The same connection serves the next request.
    client.send(beast_http::verb::get, "/plain");
    beast_http::response<beast_http::string_body> plain;
    beast_http::read(client.socket, client.buffer, plain);
    EXPECT_EQ(plain.body(), "plain\n");
    EXPECT_FALSE(plain.chunked());
}

TEST(StreamingResponse, AClientThatStopsReadingStopsTheProducer) {
    auto calls = std::make_shared<std::atomic<int>>(0);
    StreamingServer server([calls](const Request&, const PeerInfo&, std::string) -> Response {
        auto produced = std::make_shared<int>(0);
        return streaming_response(HttpStatus::ok, "application/octet-stream",
                                  [calls, produced](std::string& chunk) -> Result<bool> {
                                      calls->fetch_add(1);
                                      chunk.assign(kBigPieceSize, 'x');
                                      return ++*produced < kBigPieces;
                                  });
    });
    Client client(server.port());
    client.send(beast_http::verb::get, "/big");
    beast_http::response_parser<beast_http::string_body> parser;
    parser.body_limit(kBigPieces * kBigPieceSize + 1);
    beast_http::read_header(client.socket, client.buffer, parser);
    // Not reading: the socket buffers fill up and the server stops asking for pieces.
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    const int paused_at = calls->load();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_EQ(calls->load(), paused_at) << "the producer kept running while nobody read";
    EXPECT_LT(paused_at, kBigPieces / 2) << "far more was produced than the socket buffers can hold";

    beast_http::read(client.socket, client.buffer, parser);
    EXPECT_EQ(parser.get().body().size(), kBigPieces * kBigPieceSize);
    EXPECT_EQ(calls->load(), kBigPieces);
}

TEST(StreamingResponse, AFailureBeforeTheFirstPieceIsAProblemResponse) {
    StreamingServer server([](const Request&, const PeerInfo&, std::string) -> Response {
        return streaming_response(HttpStatus::ok, "text/csv", [](std::string&) -> Result<bool> {
            return fail(Error::unavailable("the database is busy"));
        });
    });
    Client client(server.port());
    client.send(beast_http::verb::get, "/export");
    beast_http::response<beast_http::string_body> res;
    beast_http::read(client.socket, client.buffer, res);
    EXPECT_EQ(res.result(), HttpStatus::service_unavailable);
    EXPECT_EQ(res[beast_http::field::content_type], "application/problem+json");
    EXPECT_NE(res.body().find("the database is busy"), std::string::npos) << res.body();
    EXPECT_FALSE(res.chunked());
}

TEST(StreamingResponse, AFailureMidStreamCutsTheTransferShort) {
    StreamingServer server([](const Request& req, const PeerInfo&, std::string) -> Response {
        if (req.target() == "/plain") return make_response(HttpStatus::ok, "still here\n", "text/plain");
        auto step = std::make_shared<int>(0);
        return streaming_response(HttpStatus::ok, "text/plain", [step](std::string& chunk) -> Result<bool> {
            if (++*step == 3) throw std::runtime_error("disk on fire");
            chunk = "row\n";
            return true;
        });
    });
    {
        Client client(server.port());
        client.send(beast_http::verb::get, "/export");
        beast_http::response_parser<beast_http::string_body> parser;
        beast::error_code ec;
        beast_http::read(client.socket, client.buffer, parser, ec);
        EXPECT_TRUE(ec) << "a truncated chunked body must not parse as complete";
        EXPECT_FALSE(parser.is_done());
    }
    // The server carries on.
    Client again(server.port());
    again.send(beast_http::verb::get, "/plain");
    beast_http::response<beast_http::string_body> res;
    beast_http::read(again.socket, again.buffer, res);
    EXPECT_EQ(res.body(), "still here\n");
}

TEST(StreamingResponse, HeadSendsTheHeadersWithoutRunningTheProducer) {
    auto calls = std::make_shared<std::atomic<int>>(0);
    StreamingServer server([calls](const Request&, const PeerInfo&, std::string) -> Response {
        return streaming_response(HttpStatus::ok, "text/csv", counting_producer(5, calls));
    });
    Client client(server.port());
    client.send(beast_http::verb::head, "/export");
    beast_http::response_parser<beast_http::empty_body> parser;
    parser.skip(true);
    beast_http::read(client.socket, client.buffer, parser);
    EXPECT_EQ(parser.get().result(), HttpStatus::ok);
    EXPECT_EQ(parser.get()[beast_http::field::content_type], "text/csv");
    EXPECT_EQ(calls->load(), 0);
}

}  // namespace rapport::http
