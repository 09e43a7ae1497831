// Replies go out through the real SMTP server (aiosmtpd, a private one per test so that
// stopping it disturbs nobody): threaded headers and the "[#n]" subject; with the server down
// the reply stays queued with its error and is sent once the server is back (the backoff is
// scaled down by RAPPORT_MAIL_RETRY_SCALE); a bounce about a reply marks it failed.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>

#include "api/servicedesk/email_channel_support.hpp"

namespace rapport::testing {
namespace {

using namespace email;

class EmailChannelReply : public ApiTest {
protected:
    static void SetUpTestSuite() {
        ::setenv("RAPPORT_MAIL_RETRY_SCALE", "0.01", 1);  // 15 s -> 150 ms; the server inherits it
        ApiTest::SetUpTestSuite();
    }
};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The messages the private SMTP server accepted, oldest first.
std::vector<std::string> accepted(const std::string& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(dir) / "smtp" / "messages", ec)) {
        if (e.path().extension() == ".eml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(read_file(f));
    return out;
}

// A header's value (the first line of it); names compare without case ("Message-Id").
std::string header_value(const std::string& raw, const std::string& name) {
    std::string lower = raw, key = "\n" + name + ": ";
    for (auto* text : {&lower, &key}) {
        std::transform(text->begin(), text->end(), text->begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    }
    const auto at = lower.find(key);
    if (at == std::string::npos) return "";
    const auto begin = at + key.size();
    return raw.substr(begin, raw.find_first_of("\r\n", begin) - begin);
}

nlohmann::json message_in(HttpClient& c, const std::string& conversation, const std::string& message) {
    auto res = c.get("/api/v1/conversations/" + conversation);
    if (res.status != 200) return nullptr;
    for (const auto& m : json_member(res, "messages")) {
        if (m["id"] == message) return m;
    }
    return nullptr;
}

TEST_F(EmailChannelReply, RepliesAreSentRetriedWhileTheServerIsDownAndBouncesMarkThemFailed) {
    auto servers = mail::testing::mail_test_servers();
    if (!servers) GTEST_SKIP() << mail::testing::kSkipMessage;
    // A private SMTP server (the script's smtp-start on a directory of its own).
    const std::string smtp_dir = "/tmp/" + unique_name("rs");
    ASSERT_EQ(mail::testing::run_script("smtp-start " + smtp_dir), 0);
    struct Stop {
        std::string dir;
        ~Stop() {
            mail::testing::run_script("smtp-stop " + dir);
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    } stop_smtp{smtp_dir};
    int smtp_port = 0;
    std::ifstream(smtp_dir + "/smtp.port") >> smtp_port;
    ASSERT_GT(smtp_port, 0);

    const std::string user = mail::testing::fresh_user();
    const std::string customer_id = unique_name("c") + "@cust.test";
    ASSERT_TRUE(deliver_all(
        *servers, user,
        {raw_mail("Ada Customer <ada@example.test>", user, "Where is my order", customer_id, "key=Q thread=Q")}));
    auto owner = owner_of(acme_);
    auto created = owner.post("/api/v1/mailboxes", mailbox_body(*servers, user, smtp_port));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string mailbox_id = created.json()["id"];
    ASSERT_TRUE(eventually([&] { return stored_in_conversations(owner, mailbox_id) == 1; }));
    const auto conversation = all_conversations(owner, mailbox_id).at(0);
    const std::string conversation_id = conversation["id"];
    const std::string ticket = "[#" + std::to_string(conversation["number"].get<long>()) + "]";

    // 1. Sent, threaded, with the ticket number in the subject.
    auto reply = owner.post("/api/v1/conversations/" + conversation_id + "/replies",
                            {{"text", "key=R1 On its way."}, {"force", true}});
    ASSERT_EQ(reply.status, 201) << reply.body;
    const std::string first = reply.json()["id"];
    ASSERT_TRUE(eventually([&] { return message_in(owner, conversation_id, first)["delivery_status"] == "sent"; }))
        << message_in(owner, conversation_id, first).dump();
    auto mails = accepted(smtp_dir);
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_EQ(header_value(mails[0], "In-Reply-To"), "<" + customer_id + ">") << mails[0];
    EXPECT_NE(header_value(mails[0], "References").find("<" + customer_id + ">"), std::string::npos) << mails[0];
    EXPECT_NE(header_value(mails[0], "Subject").find(ticket), std::string::npos) << mails[0];
    EXPECT_NE(mails[0].find("ada@example.test"), std::string::npos);
    const std::string first_message_id = header_value(mails[0], "Message-ID");
    ASSERT_FALSE(first_message_id.empty()) << mails[0];

    // 2. The server is down: queued, with the error and the attempts; sent when it is back.
    ASSERT_EQ(mail::testing::run_script("smtp-stop " + smtp_dir), 0);
    auto second_reply = owner.post("/api/v1/conversations/" + conversation_id + "/replies",
                                   {{"text", "key=R2 One more thing."}, {"force", true}});
    ASSERT_EQ(second_reply.status, 201) << second_reply.body;
    const std::string second = second_reply.json()["id"];
    ASSERT_TRUE(eventually([&] {
        auto m = message_in(owner, conversation_id, second);
        return m.is_object() && m["send_attempts"].get<long>() > 0 && m["delivery_error"].is_string();
    })) << message_in(owner, conversation_id, second).dump();
    auto waiting = message_in(owner, conversation_id, second);
    EXPECT_EQ(waiting["delivery_status"], "queued") << waiting.dump();
    EXPECT_FALSE(waiting["delivery_error"].get<std::string>().empty());
    ASSERT_EQ(mail::testing::run_script("smtp-start " + smtp_dir), 0);
    ASSERT_TRUE(eventually([&] { return message_in(owner, conversation_id, second)["delivery_status"] == "sent"; }))
        << message_in(owner, conversation_id, second).dump();
    mails = accepted(smtp_dir);
    ASSERT_EQ(mails.size(), 2u);
    EXPECT_NE(mails[1].find("key=R2"), std::string::npos);

    // 3. A delivery report about the first reply comes back to the mailbox: that reply failed.
    const std::string dsn =
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.test>\r\nTo: " + user +
        "\r\nSubject: Undelivered Mail Returned to Sender\r\nDate: Mon, 07 Dec 2026 11:00:05 +0000\r\n"
        "Message-ID: <" +
        unique_name("dsn") +
        "@mx.example.test>\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B0\"\r\n\r\n"
        "--B0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nYour message could not be delivered.\r\n"
        "--B0\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.test\r\n\r\n"
        "Final-Recipient: rfc822; ada@example.test\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n\r\n"
        "--B0\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: " +
        user + "\r\nTo: ada@example.test\r\nSubject: Re: Where is my order\r\nMessage-ID: " + first_message_id +
        "\r\n\r\n--B0--\r\n";
    ASSERT_TRUE(deliver_all(*servers, user, {dsn}));
    ASSERT_TRUE(eventually([&] { return message_in(owner, conversation_id, first)["delivery_status"] == "failed"; }))
        << message_in(owner, conversation_id, first).dump();
    auto failed = message_in(owner, conversation_id, first);
    EXPECT_NE(failed["delivery_error"].get<std::string>().find("5.1.1"), std::string::npos) << failed.dump();
    EXPECT_EQ(message_in(owner, conversation_id, second)["delivery_status"], "sent");
}

}  // namespace
}  // namespace rapport::testing
