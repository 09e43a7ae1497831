// ImapClient against the real Dovecot of scripts/mail-test-servers.sh (label mail).
#include "mail/imap_client.hpp"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "mail/imap_connection.hpp"
#include "mail_test_servers.hpp"

namespace rapport::mail {
namespace {

using testing::deliver;
using testing::fresh_user;
using testing::imap_server;
using testing::mail_test_servers;
using testing::MailTestServers;
using testing::sample_message;

std::string reason_of(const Error& error) {
    for (const auto& [name, value] : error.args) {
        if (name == "reason") return value;
    }
    return "";
}

// The flags of a message, read over a connection of its own (ImapClient has no such call).
std::string flags_of(const MailServer& server, std::uint32_t uid) {
    detail::ImapConnection connection(server);
    if (!connection.open()) return "<no connection>";
    auto selected = connection.command("EXAMINE INBOX");
    if (!selected || !selected->ok()) return "<no INBOX>";
    auto fetched = connection.command("UID FETCH " + std::to_string(uid) + " FLAGS");
    if (!fetched || !fetched->ok()) return "<no message>";
    for (const auto& line : fetched->untagged) {
        if (line.text.find("FETCH") != std::string::npos) return line.text;
    }
    return "<no FETCH>";
}

// A TCP port on 127.0.0.1 where nothing listens (bound, then released).
int closed_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

class ImapClientTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto found = mail_test_servers();
        if (!found) GTEST_SKIP() << testing::kSkipMessage;
        servers_ = *found;
        user_ = fresh_user();
    }
    MailServer server(Security security = Security::Tls) const { return imap_server(servers_, user_, security); }
    void deliver_one(const std::string& id) {
        ASSERT_TRUE(deliver(servers_, user_, sample_message(user_, "Where is my order?", id)));
    }

    MailTestServers servers_;
    std::string user_;
};

TEST_F(ImapClientTest, ExamineReportsUidValidityUidNextAndExists) {
    ImapClient client(server());
    auto empty = client.examine();
    ASSERT_TRUE(empty) << empty.error().detail;
    EXPECT_EQ(empty->exists, 0u);
    EXPECT_EQ(empty->uid_next, 1u);
    EXPECT_NE(empty->uid_validity, 0u);

    deliver_one("examine-1@example.test");
    deliver_one("examine-2@example.test");
    auto two = client.examine();
    ASSERT_TRUE(two) << two.error().detail;
    EXPECT_EQ(two->exists, 2u);
    EXPECT_EQ(two->uid_next, 3u);
    EXPECT_EQ(two->uid_validity, empty->uid_validity);
}

TEST_F(ImapClientTest, StartTlsServesTheSameMailbox) {
    deliver_one("starttls@example.test");
    ImapClient client(server(Security::StartTls));
    auto state = client.examine();
    ASSERT_TRUE(state) << state.error().detail;
    EXPECT_EQ(state->exists, 1u);
}

TEST_F(ImapClientTest, FetchReturnsTheWholeMessageAndOnlyMarkSeenSetsSeen) {
    const std::string raw = sample_message(user_, "Fattura di novembre", "fetch@example.test");
    ASSERT_TRUE(deliver(servers_, user_, raw));
    ImapClient client(server());
    auto uids = client.uids_from(1, 10);
    ASSERT_TRUE(uids) << uids.error().detail;
    ASSERT_EQ(*uids, std::vector<std::uint32_t>{1});

    auto fetched = client.fetch(1);
    ASSERT_TRUE(fetched) << fetched.error().detail;
    EXPECT_EQ(*fetched, raw);
    EXPECT_EQ(flags_of(server(), 1).find("\\Seen"), std::string::npos) << flags_of(server(), 1);

    ASSERT_TRUE(client.mark_seen(1));
    EXPECT_NE(flags_of(server(), 1).find("\\Seen"), std::string::npos) << flags_of(server(), 1);
}

TEST_F(ImapClientTest, FetchesALargeMessageByteForByte) {
    std::string raw = sample_message(user_, "Attachment", "large@example.test");
    raw.resize(raw.size() - 2);  // drop the final CRLF, then add 2 MB of base64-like lines
    for (int i = 0; i < 30000; ++i)
        raw += "\r\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2" + std::to_string(i);
    raw += "\r\n";
    ASSERT_TRUE(deliver(servers_, user_, raw));
    ImapClient client(server());
    auto fetched = client.fetch(1);
    ASSERT_TRUE(fetched) << fetched.error().detail;
    EXPECT_EQ(fetched->size(), raw.size());
    EXPECT_TRUE(*fetched == raw);
}

TEST_F(ImapClientTest, FetchOfAMissingUidIsNotFound) {
    deliver_one("only@example.test");
    ImapClient client(server());
    auto fetched = client.fetch(42);
    ASSERT_FALSE(fetched);
    EXPECT_EQ(fetched.error().code, ErrorCode::NotFound);
    EXPECT_EQ(reason_of(fetched.error()), "not_found");
}

TEST_F(ImapClientTest, UidsFromResumesAfterAUidAndSkipsTheLastMessageBelowIt) {
    for (int i = 1; i <= 3; ++i) deliver_one("uids-" + std::to_string(i) + "@example.test");
    ImapClient client(server());
    auto all = client.uids_from(1, 100);
    ASSERT_TRUE(all) << all.error().detail;
    EXPECT_EQ(*all, (std::vector<std::uint32_t>{1, 2, 3}));

    auto after_one = client.uids_from(2, 100);
    ASSERT_TRUE(after_one);
    EXPECT_EQ(*after_one, (std::vector<std::uint32_t>{2, 3}));

    auto bounded = client.uids_from(1, 2);
    ASSERT_TRUE(bounded);
    EXPECT_EQ(*bounded, (std::vector<std::uint32_t>{1, 2}));

    // "4:*" matches uid 3 (the last message) on the server; the client leaves it out.
    auto none = client.uids_from(4, 100);
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());

    deliver_one("uids-4@example.test");
    auto fourth = client.uids_from(4, 100);
    ASSERT_TRUE(fourth);
    EXPECT_EQ(*fourth, (std::vector<std::uint32_t>{4}));
}

TEST_F(ImapClientTest, MoveTakesTheMessageToAnotherFolderWithoutDeletingIt) {
    const std::string raw = sample_message(user_, "Move me", "move@example.test");
    ASSERT_TRUE(deliver(servers_, user_, raw));
    ImapClient inbox(server());
    ASSERT_TRUE(inbox.create_folder("Processed"));
    ASSERT_TRUE(inbox.create_folder("Processed"));  // a second time is fine

    auto moved = inbox.move(1, "Processed");
    ASSERT_TRUE(moved) << moved.error().detail;
    auto state = inbox.examine();
    ASSERT_TRUE(state);
    EXPECT_EQ(state->exists, 0u);

    ImapClient processed(server(), "Processed");
    auto uids = processed.uids_from(1, 10);
    ASSERT_TRUE(uids) << uids.error().detail;
    ASSERT_EQ(uids->size(), 1u);
    auto fetched = processed.fetch(uids->front());
    ASSERT_TRUE(fetched);
    EXPECT_EQ(*fetched, raw);
}

TEST_F(ImapClientTest, MoveToAMissingFolderIsNotFound) {
    deliver_one("nowhere@example.test");
    ImapClient client(server());
    auto moved = client.move(1, "No Such Folder");
    ASSERT_FALSE(moved);
    EXPECT_EQ(moved.error().code, ErrorCode::NotFound);
    EXPECT_EQ(reason_of(moved.error()), "folder_missing");
    auto state = client.examine();
    ASSERT_TRUE(state);
    EXPECT_EQ(state->exists, 1u);  // still there
}

TEST_F(ImapClientTest, IdleWakesWhenAMessageIsDelivered) {
    ImapClient client(server());
    auto idle = client.supports_idle();
    ASSERT_TRUE(idle) << idle.error().detail;
    ASSERT_TRUE(*idle);
    ASSERT_TRUE(client.examine());

    // Delivered from another connection while this one waits (or just before: Dovecot then
    // reports it when IDLE begins). The bound is generous; the test asserts the result only.
    std::thread deliverer([this] { deliver_one("idle@example.test"); });
    auto woke = client.wait_for_mail(std::chrono::seconds(60), [] { return false; });
    deliverer.join();
    ASSERT_TRUE(woke) << woke.error().detail;
    EXPECT_TRUE(*woke);

    // The session is usable after IDLE, and the message is there.
    auto uids = client.uids_from(1, 10);
    ASSERT_TRUE(uids) << uids.error().detail;
    EXPECT_EQ(*uids, std::vector<std::uint32_t>{1});
}

TEST_F(ImapClientTest, WaitForMailStopsWhenAskedOrWhenTheTimeoutPasses) {
    ImapClient client(server());
    ASSERT_TRUE(client.examine());
    auto stopped = client.wait_for_mail(std::chrono::seconds(600), [] { return true; });
    ASSERT_TRUE(stopped) << stopped.error().detail;
    EXPECT_FALSE(*stopped);

    int asked = 0;
    auto stopped_later = client.wait_for_mail(std::chrono::seconds(600), [&] { return ++asked > 3; });
    ASSERT_TRUE(stopped_later) << stopped_later.error().detail;
    EXPECT_FALSE(*stopped_later);
    EXPECT_GT(asked, 3);

    auto timed_out = client.wait_for_mail(std::chrono::seconds(1), {});
    ASSERT_TRUE(timed_out) << timed_out.error().detail;
    EXPECT_FALSE(*timed_out);
    EXPECT_TRUE(client.uids_from(1, 10));  // and the session goes on
}

TEST_F(ImapClientTest, MailAnnouncedInAnEarlierReplyIsNotMissedByTheNextWait) {
    deliver_one("first@example.test");
    ImapClient client(server());
    auto first = client.uids_from(1, 10);
    ASSERT_TRUE(first);
    ASSERT_EQ(*first, std::vector<std::uint32_t>{1});
    // Mail that arrives while the reader works on the first message is announced in the reply
    // to its next command ("* 2 EXISTS" with the STORE); the next wait returns at once.
    deliver_one("second@example.test");
    ASSERT_TRUE(client.mark_seen(1));
    auto woke = client.wait_for_mail(std::chrono::seconds(60), [] { return false; });
    ASSERT_TRUE(woke) << woke.error().detail;
    EXPECT_TRUE(*woke);
    auto second = client.uids_from(2, 10);
    ASSERT_TRUE(second);
    EXPECT_EQ(*second, std::vector<std::uint32_t>{2});
}

TEST_F(ImapClientTest, TestConnectionSucceedsWithTheRightSettings) {
    ImapClient client(server());
    auto tested = client.test_connection();
    EXPECT_TRUE(tested) << tested.error().detail;
}

TEST_F(ImapClientTest, TestConnectionNamesAWrongPassword) {
    MailServer wrong = server();
    wrong.password = "not-the-password";
    ImapClient client(wrong);
    auto tested = client.test_connection();
    ASSERT_FALSE(tested);
    EXPECT_EQ(tested.error().code, ErrorCode::Unauthenticated);
    EXPECT_EQ(reason_of(tested.error()), "authentication");
    EXPECT_NE(tested.error().detail.find("refused the login"), std::string::npos) << tested.error().detail;
}

TEST_F(ImapClientTest, TestConnectionNamesAnUnreachableServer) {
    MailServer wrong = server();
    wrong.port = closed_port();
    ImapClient client(wrong);
    auto tested = client.test_connection();
    ASSERT_FALSE(tested);
    EXPECT_EQ(tested.error().code, ErrorCode::Unavailable);
    EXPECT_EQ(reason_of(tested.error()), "unreachable");
    EXPECT_NE(tested.error().detail.find("cannot reach"), std::string::npos) << tested.error().detail;
}

TEST_F(ImapClientTest, TestConnectionNamesATlsFailure) {
    // Implicit TLS against the plain (STARTTLS) port: the handshake fails.
    MailServer wrong = server();
    wrong.port = servers_.imap_port;
    ImapClient wrong_port(wrong);
    auto tested = wrong_port.test_connection();
    ASSERT_FALSE(tested);
    EXPECT_EQ(reason_of(tested.error()), "tls") << tested.error().detail;
    EXPECT_NE(tested.error().detail.find("TLS"), std::string::npos) << tested.error().detail;

    // The self-signed certificate is refused without its CA.
    MailServer untrusted = server();
    untrusted.ca_file = "";
    ImapClient client(untrusted);
    auto refused = client.test_connection();
    ASSERT_FALSE(refused);
    EXPECT_EQ(reason_of(refused.error()), "tls") << refused.error().detail;

    // ...and accepted when the settings say not to verify it.
    untrusted.verify_certificate = false;
    ImapClient lenient(untrusted);
    EXPECT_TRUE(lenient.test_connection());
}

TEST_F(ImapClientTest, TestConnectionNamesAMissingFolder) {
    ImapClient client(server(), "Nonexistent");
    auto tested = client.test_connection();
    ASSERT_FALSE(tested);
    EXPECT_EQ(tested.error().code, ErrorCode::NotFound);
    EXPECT_EQ(reason_of(tested.error()), "folder_missing");
    EXPECT_NE(tested.error().detail.find("Nonexistent"), std::string::npos) << tested.error().detail;
}

TEST_F(ImapClientTest, TheScriptDeliversFilesIntoTheInbox) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("deliver-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::vector<std::string> files;
    for (int i = 0; i < 25; ++i) {
        const auto path = dir / (std::to_string(i) + ".eml");
        std::ofstream(path, std::ios::binary) << sample_message(user_, "Bulk", "bulk-" + std::to_string(i) + "@x.test");
        files.push_back(path.string());
    }
    std::string arguments = "deliver " + servers_.dir + " " + user_;
    for (const auto& f : files) arguments += " " + f;
    EXPECT_EQ(testing::run_script(arguments), 0);
    std::filesystem::remove_all(dir);

    ImapClient client(server());
    auto uids = client.uids_from(1, 1000);
    ASSERT_TRUE(uids) << uids.error().detail;
    EXPECT_EQ(uids->size(), 25u);
}

}  // namespace
}  // namespace rapport::mail
