// send_mail and test_smtp against the aiosmtpd server of scripts/mail-test-servers.sh (label mail).
#include "mail/smtp_sender.hpp"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "mail_test_servers.hpp"

namespace rapport::mail {
namespace {

using testing::mail_test_servers;
using testing::MailTestServers;
using testing::sample_message;
using testing::smtp_server;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The stored message (and its envelope) whose text contains `needle`, from a server directory.
struct Stored {
    std::string message;
    std::string envelope;
};
std::optional<Stored> find_stored(const std::string& smtp_dir, const std::string& needle) {
    const std::filesystem::path dir = std::filesystem::path(smtp_dir) / "messages";
    if (!std::filesystem::exists(dir)) return std::nullopt;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".eml") continue;
        std::string message = read_file(entry.path());
        if (message.find(needle) == std::string::npos) continue;
        auto envelope_path = entry.path();
        envelope_path.replace_extension(".envelope");
        return Stored{std::move(message), read_file(envelope_path)};
    }
    return std::nullopt;
}

std::string reason_of(const Error& error) {
    for (const auto& [name, value] : error.args) {
        if (name == "reason") return value;
    }
    return "";
}

int closed_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string unique_id(const std::string& what) {
    static int counter = 0;
    return what + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + "@rapport.test";
}

class SmtpSenderTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto found = mail_test_servers();
        if (!found) GTEST_SKIP() << testing::kSkipMessage;
        servers_ = *found;
    }
    MailTestServers servers_;
};

TEST_F(SmtpSenderTest, SendStoresTheMessageAtTheServerOverStartTls) {
    const std::string id = unique_id("starttls");
    // A line that starts with a dot must arrive as written (SMTP dot-stuffing).
    std::string raw = sample_message("customer@example.test", "Re: your order", id);
    raw += ".a line starting with a dot\r\n";
    const SendResult sent =
        send_mail(smtp_server(servers_), "support@acme.test", {"customer@example.test", "cc@example.test"}, raw);
    ASSERT_EQ(sent.failure, SendFailure::None) << sent.detail;
    EXPECT_NE(sent.detail.find("250"), std::string::npos) << sent.detail;

    auto stored = find_stored(servers_.dir + "/smtp", id);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->message, raw);
    EXPECT_EQ(stored->envelope,
              "MAIL FROM:<support@acme.test>\nRCPT TO:<customer@example.test>\nRCPT TO:<cc@example.test>\n");
}

TEST_F(SmtpSenderTest, SendOverImplicitTlsWithALogin) {
    const std::string id = unique_id("smtps");
    MailServer server = smtp_server(servers_, Security::Tls);
    server.username = "support@acme.test";
    server.password = testing::kPassword;
    const SendResult sent =
        send_mail(server, "support@acme.test", {"customer@example.test"}, sample_message("c@example.test", "Hi", id));
    ASSERT_EQ(sent.failure, SendFailure::None) << sent.detail;
    EXPECT_TRUE(find_stored(servers_.dir + "/smtp", id).has_value());
}

TEST_F(SmtpSenderTest, BareLineFeedsGoOutAsCrlf) {
    const std::string id = unique_id("bare-lf");
    const std::string crlf = sample_message("customer@example.test", "LF", id);
    std::string lf;
    for (char c : crlf) {
        if (c != '\r') lf += c;
    }
    const SendResult sent = send_mail(smtp_server(servers_), "support@acme.test", {"customer@example.test"}, lf);
    ASSERT_EQ(sent.failure, SendFailure::None) << sent.detail;
    auto stored = find_stored(servers_.dir + "/smtp", id);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->message, crlf);
}

TEST_F(SmtpSenderTest, AnAddressThatCouldBreakTheCommandIsRefusedBeforeConnecting) {
    const std::string raw = sample_message("c@example.test", "Hi", unique_id("injection"));
    const SendResult bad_rcpt =
        send_mail(smtp_server(servers_), "support@acme.test", {"c@example.test>\r\nRCPT TO:<other@example.test"}, raw);
    EXPECT_EQ(bad_rcpt.failure, SendFailure::Permanent);
    EXPECT_NE(bad_rcpt.detail.find("invalid recipient"), std::string::npos) << bad_rcpt.detail;
    const SendResult bad_from = send_mail(smtp_server(servers_), "a b@example.test", {"c@example.test"}, raw);
    EXPECT_EQ(bad_from.failure, SendFailure::Permanent);
}

TEST_F(SmtpSenderTest, SendInClearTextWhenTheSettingsSaySo) {
    const std::string id = unique_id("plain");
    const SendResult sent = send_mail(smtp_server(servers_, Security::None), "support@acme.test",
                                      {"customer@example.test"}, sample_message("c@example.test", "Hi", id));
    ASSERT_EQ(sent.failure, SendFailure::None) << sent.detail;
    EXPECT_TRUE(find_stored(servers_.dir + "/smtp", id).has_value());
}

TEST_F(SmtpSenderTest, ARejectedRecipientIsAPermanentFailureAndNothingIsSent) {
    const std::string id = unique_id("rejected");
    const SendResult sent =
        send_mail(smtp_server(servers_), "support@acme.test", {"customer@example.test", "rejected@example.test"},
                  sample_message("c@example.test", "Hi", id));
    EXPECT_EQ(sent.failure, SendFailure::Permanent) << sent.detail;
    EXPECT_NE(sent.detail.find("550"), std::string::npos) << sent.detail;
    EXPECT_FALSE(find_stored(servers_.dir + "/smtp", id).has_value());
}

TEST_F(SmtpSenderTest, A4xxReplyIsATransientFailure) {
    const SendResult sent = send_mail(smtp_server(servers_), "support@acme.test", {"tempfail@example.test"},
                                      sample_message("c@example.test", "Hi", unique_id("tempfail")));
    EXPECT_EQ(sent.failure, SendFailure::Transient) << sent.detail;
    EXPECT_NE(sent.detail.find("451"), std::string::npos) << sent.detail;
}

TEST_F(SmtpSenderTest, AWrongPasswordIsTransientAndTestSmtpNamesIt) {
    MailServer server = smtp_server(servers_);
    server.username = "support@acme.test";
    server.password = "wrong";
    const SendResult sent =
        send_mail(server, "support@acme.test", {"c@example.test"}, sample_message("c@example.test", "Hi", "x@y"));
    EXPECT_EQ(sent.failure, SendFailure::Transient) << sent.detail;

    auto tested = test_smtp(server);
    ASSERT_FALSE(tested);
    EXPECT_EQ(tested.error().code, ErrorCode::Unauthenticated);
    EXPECT_EQ(reason_of(tested.error()), "authentication");

    server.password = testing::kPassword;
    auto good = test_smtp(server);
    EXPECT_TRUE(good) << good.error().detail;
}

TEST_F(SmtpSenderTest, TestSmtpNamesAnUnreachableServer) {
    MailServer server = smtp_server(servers_);
    server.port = closed_port();
    auto tested = test_smtp(server);
    ASSERT_FALSE(tested);
    EXPECT_EQ(tested.error().code, ErrorCode::Unavailable);
    EXPECT_EQ(reason_of(tested.error()), "unreachable");
    EXPECT_NE(tested.error().detail.find("cannot reach"), std::string::npos) << tested.error().detail;
}

// A server that is down fails transiently; once it is back the same send succeeds. It uses an
// SMTP server of its own (scripts/mail-test-servers.sh smtp-start on another directory), so
// stopping it disturbs no other test running at the same time.
TEST_F(SmtpSenderTest, ASendToAStoppedServerIsTransientAndSucceedsWhenItIsBack) {
    const std::string dir = servers_.dir + "/smtp-retry-" + std::to_string(::getpid());
    ASSERT_EQ(testing::run_script("smtp-start " + dir + " >/dev/null"), 0);
    int port = 0, smtps_port = 0;
    std::ifstream(dir + "/smtp.port") >> port >> smtps_port;
    ASSERT_GT(port, 0);
    MailServer server = smtp_server(servers_);
    server.port = port;
    server.ca_file = dir + "/cert.pem";  // that directory's own certificate
    const std::string id = unique_id("retry");
    const std::string raw = sample_message("customer@example.test", "Re: retry", id);

    ASSERT_EQ(testing::run_script("smtp-stop " + dir), 0);
    const SendResult down = send_mail(server, "support@acme.test", {"customer@example.test"}, raw);
    EXPECT_EQ(down.failure, SendFailure::Transient) << down.detail;
    EXPECT_FALSE(down.detail.empty());

    ASSERT_EQ(testing::run_script("smtp-start " + dir + " >/dev/null"), 0);
    const SendResult back = send_mail(server, "support@acme.test", {"customer@example.test"}, raw);
    EXPECT_EQ(back.failure, SendFailure::None) << back.detail;
    auto stored = find_stored(dir + "/smtp", id);
    EXPECT_TRUE(stored.has_value());
    EXPECT_EQ(testing::run_script("smtp-stop " + dir), 0);
}

}  // namespace
}  // namespace rapport::mail
