// The server's HTTP behaviour against the real binary: probes, metrics, errors before any
// handler (404, 405, 413, 408, malformed JSON), keep-alive and graceful shutdown.
#include <signal.h>

#include <utility>  // before Boost 1.74 asio under g++ 12

#include <boost/asio.hpp>

#include <thread>

#include "api/api_fixture.hpp"

namespace rapport::testing {

class HttpBehaviourTest : public ApiTest {};

TEST_F(HttpBehaviourTest, ProbesAnswer) {
    auto client = server_->client();
    auto health = client.get("/healthz");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(health.body, "ok\n");
    EXPECT_EQ(client.get("/readyz").status, 200);
    EXPECT_FALSE(client.get("/healthz").header("x-request-id").empty());
}

TEST_F(HttpBehaviourTest, MetricsCountRequestsPerRouteWithLatencyHistograms) {
    auto client = server_->client();
    for (int i = 0; i < 3; ++i) client.get("/healthz");
    client.get("/api/v1/teams");  // 401
    auto metrics = client.get("/metrics");
    ASSERT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find("rapport_http_requests_total{method=\"GET\",route=\"/healthz\",code=\"2xx\"}"),
              std::string::npos)
        << metrics.body;
    EXPECT_NE(metrics.body.find("rapport_http_requests_total{method=\"GET\",route=\"/api/v1/teams\",code=\"4xx\"}"),
              std::string::npos);
    EXPECT_NE(metrics.body.find(
                  "rapport_http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\",le=\"+Inf\"}"),
              std::string::npos);
    EXPECT_NE(metrics.body.find("rapport_db_connections{state=\"open\"}"), std::string::npos);
}

TEST_F(HttpBehaviourTest, UnknownRouteIs404AndWrongMethodIs405WithAllow) {
    auto client = server_->client();
    auto missing = client.get("/api/v1/nothing-here");
    expect_problem(missing, 404);
    auto wrong = client.request("DELETE", "/api/v1/users");
    expect_problem(wrong, 405);
    EXPECT_NE(wrong.header("allow").find("GET"), std::string::npos);
    EXPECT_NE(wrong.header("allow").find("POST"), std::string::npos);
}

TEST_F(HttpBehaviourTest, MalformedJsonIs400) {
    auto owner = owner_of(acme_);
    auto res = owner.request("POST", "/api/v1/teams", "{\"name\": \"x\",", {{"Content-Type", "application/json"}});
    expect_problem(res, 400);
    EXPECT_NE(res.json()["detail"].get<std::string>().find("not valid JSON"), std::string::npos);
    auto array = owner.request("POST", "/api/v1/teams", "[1,2]", {{"Content-Type", "application/json"}});
    expect_problem(array, 400);
    auto form =
        owner.request("POST", "/api/v1/teams", "name=x", {{"Content-Type", "application/x-www-form-urlencoded"}});
    expect_problem(form, 400);
}

TEST_F(HttpBehaviourTest, MissingAndUnknownFieldsAre422) {
    auto owner = owner_of(acme_);
    auto res = owner.post("/api/v1/teams", {{"colour", "red"}});
    expect_problem(res, 422);
    EXPECT_TRUE(has_error_at(res, "/name"));
    EXPECT_TRUE(has_error_at(res, "/kind"));
    EXPECT_TRUE(has_error_at(res, "/colour"));
}

TEST_F(HttpBehaviourTest, OversizedBodyIs413) {
    TestServer small(TestServerOptions{.extra_args = {"--body-limit", "1024"}});
    auto client = small.client();
    auto res =
        client.request("POST", "/api/v1/auth/login", std::string(4096, 'x'), {{"Content-Type", "application/json"}});
    expect_problem(res, 413);
    EXPECT_NE(res.json()["detail"].get<std::string>().find("1024"), std::string::npos);
    // Chunked bodies cannot dodge the limit.
    std::string chunked =
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        "Content-Type: application/json\r\n\r\n";
    for (int i = 0; i < 4; ++i) chunked += "400\r\n" + std::string(1024, 'y') + "\r\n";
    chunked += "0\r\n\r\n";
    auto raw = raw_exchange(small.port(), chunked, 3000);
    EXPECT_EQ(raw.rfind("HTTP/1.1 413", 0), 0u) << raw;
    EXPECT_NE(raw.find("application/problem+json"), std::string::npos);
}

TEST_F(HttpBehaviourTest, AHeaderThatNeverFinishesTimesOutWith408) {
    TestServer slow(TestServerOptions{.extra_args = {"--header-timeout-ms", "400"}});
    auto raw = raw_exchange(slow.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ", 3000);
    EXPECT_EQ(raw.rfind("HTTP/1.1 408", 0), 0u) << raw;
    EXPECT_NE(raw.find("application/problem+json"), std::string::npos);
    EXPECT_NE(raw.find("\"status\":408"), std::string::npos);
}

TEST_F(HttpBehaviourTest, GarbageRequestLineIs400) {
    auto raw = raw_exchange(server_->port(), "HELLO THERE\r\n\r\n", 2000);
    EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << raw;
}

TEST_F(HttpBehaviourTest, KeepAliveServesManyRequestsOnOneConnection) {
    std::string pipelined;
    for (int i = 0; i < 3; ++i) pipelined += "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    pipelined += "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    auto raw = raw_exchange(server_->port(), pipelined, 2000);
    std::size_t count = 0;
    for (std::size_t at = raw.find("HTTP/1.1 200"); at != std::string::npos; at = raw.find("HTTP/1.1 200", at + 1))
        ++count;
    EXPECT_EQ(count, 4u) << raw;
}

TEST_F(HttpBehaviourTest, SigtermFinishesInFlightRequestsThenExits) {
    TestServer doomed;
    auto ws = doomed.bootstrap("doomed");
    // A request whose body is still arriving is in flight: send the headers and half the
    // body, SIGTERM the server, then send the rest. It must still be answered, with
    // Connection: close, and the server must then exit cleanly.
    const std::string body = nlohmann::json{{"email", ws.owner_email}, {"password", ws.password}}.dump();
    const std::string head =
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: " +
        std::to_string(body.size()) + "\r\n\r\n";
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket socket(io);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), doomed.port()});
    boost::asio::write(socket, boost::asio::buffer(head + body.substr(0, body.size() / 2)));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ::kill(doomed.pid(), SIGTERM);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    boost::asio::write(socket, boost::asio::buffer(body.substr(body.size() / 2)));
    std::string response;
    boost::system::error_code ec;
    char buf[4096];
    while (true) {
        const auto n = socket.read_some(boost::asio::buffer(buf), ec);
        if (ec) break;
        response.append(buf, n);
    }
    EXPECT_EQ(response.rfind("HTTP/1.1 200", 0), 0u) << response;
    EXPECT_NE(response.find("Connection: close"), std::string::npos) << response;
    EXPECT_EQ(doomed.stop(), 0);
}

TEST_F(HttpBehaviourTest, StaticFallbackServes404ForApiPathsAndNoTraversal) {
    auto client = server_->client();
    expect_problem(client.get("/api/v2/whatever"), 404);
    auto traversal = client.get("/../../etc/passwd");
    EXPECT_GE(traversal.status, 400);
    EXPECT_EQ(traversal.body.find("root:"), std::string::npos);
}

}  // namespace rapport::testing
