// GET /api/v1/conversations/events over real HTTP: a server-sent event stream that delivers
// `event: conversation` with the id after a change in the reader's workspace, and nothing of
// another workspace. The stream is read with a generous bound, never timed.
// <utility> first: Boost.Asio's awaitable.hpp uses std::exchange without including it.
#include <utility>

#include <boost/asio.hpp>

#include <chrono>
#include <thread>

#include "api/servicedesk/servicedesk_fixture.hpp"

namespace rapport::testing {

namespace {

namespace net = boost::asio;
using net::ip::tcp;

// One open event stream on a raw connection, read as it arrives.
class EventStreamReader {
public:
    EventStreamReader(unsigned short port, const std::string& token) : socket_(io_) {
        socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
        const std::string request =
            "GET /api/v1/conversations/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Accept: text/event-stream\r\nAuthorization: Bearer " +
            token + "\r\n\r\n";
        net::write(socket_, net::buffer(request));
        socket_.non_blocking(true);
    }
    // Reads until `needle` appears after `from` or the bound passes; answers whether it did.
    bool wait_for(const std::string& needle, std::size_t from = 0) {
        const auto bound = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        char buf[4096];
        while (received_.find(needle, from) == std::string::npos) {
            if (std::chrono::steady_clock::now() > bound) return false;
            boost::system::error_code ec;
            const auto n = socket_.read_some(net::buffer(buf), ec);
            if (ec == net::error::would_block) {
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
                continue;
            }
            if (ec) return received_.find(needle, from) != std::string::npos;
            received_.append(buf, n);
        }
        return true;
    }
    const std::string& received() const { return received_; }

private:
    net::io_context io_;
    tcp::socket socket_;
    std::string received_;
};

}  // namespace

class ServicedeskEventsApiTest : public ServicedeskApiTest {};

TEST_F(ServicedeskEventsApiTest, AChangeIsDeliveredAsAConversationEvent) {
    auto owner = owner_of(acme_);
    EventStreamReader acme_stream(server_->port(), server_->api_key("acme", "viewer"));
    EventStreamReader globex_stream(server_->port(), server_->api_key("globex", "viewer"));
    ASSERT_TRUE(acme_stream.wait_for("event: ready")) << acme_stream.received();
    ASSERT_TRUE(globex_stream.wait_for("event: ready")) << globex_stream.received();
    const auto headers_end = acme_stream.received().find("\r\n\r\n");
    ASSERT_NE(headers_end, std::string::npos);
    const std::string head = acme_stream.received().substr(0, headers_end);
    EXPECT_EQ(head.rfind("HTTP/1.1 200", 0), 0u) << head;
    EXPECT_NE(head.find("text/event-stream"), std::string::npos) << head;

    const auto mark = acme_stream.received().size();
    const auto id = new_conversation(owner, "", "Hello, anyone there?");
    ASSERT_FALSE(id.empty());
    EXPECT_TRUE(acme_stream.wait_for("\"id\":\"" + id + "\"", mark)) << acme_stream.received();
    EXPECT_NE(acme_stream.received().find("event: conversation", mark), std::string::npos) << acme_stream.received();

    // A reply is a change too.
    const auto after_new = acme_stream.received().size();
    ASSERT_EQ(reply(owner, id, "Yes, how can we help?").status, 201);
    EXPECT_TRUE(acme_stream.wait_for("\"id\":\"" + id + "\"", after_new)) << acme_stream.received();

    // Globex's stream carried nothing of Acme's; a change of its own does arrive there.
    auto globex = owner_of(globex_);
    const auto theirs = new_conversation(globex, "", "Globex question");
    ASSERT_TRUE(globex_stream.wait_for("\"id\":\"" + theirs + "\"")) << globex_stream.received();
    EXPECT_EQ(globex_stream.received().find(id), std::string::npos) << globex_stream.received();
}

TEST_F(ServicedeskEventsApiTest, TheStreamNeedsASignedInReader) {
    auto anonymous = server_->client();
    expect_problem(anonymous.get("/api/v1/conversations/events"), 401);
}

}  // namespace rapport::testing
