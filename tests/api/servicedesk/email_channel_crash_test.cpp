// kill -9 of the server while it reads a mailbox, then a restart on the same database: every
// message is stored exactly once (the UID progress is saved every 100 messages, so the restart
// reads again messages it had already stored, and must recognise them).
#include <set>

#include "api/servicedesk/email_channel_support.hpp"
#include "api/servicedesk/relaunched_server.hpp"

namespace rapport::testing {
namespace {

using namespace email;

class EmailChannelCrash : public ApiTest {};

// The sum of message_count over the first page (the whole inbox here: fewer than 200 threads).
long stored_on_first_page(HttpClient& c) {
    auto res = c.get("/api/v1/conversations?view=all&limit=200");
    if (res.status != 200) return -1;
    long n = 0;
    for (const auto& conv : json_member(res, "items")) n += conv["message_count"].get<long>();
    return n;
}

TEST_F(EmailChannelCrash, KillNineWhileIngestingThenRestartStoresEveryMessageOnce) {
    auto servers = mail::testing::mail_test_servers();
    if (!servers) GTEST_SKIP() << mail::testing::kSkipMessage;
    const std::string user = mail::testing::fresh_user();
    const std::string run = unique_name("k");
    constexpr int kMessages = 1000;
    constexpr int kThreads = 150;
    std::vector<std::string> raws;
    for (int i = 0; i < kMessages; ++i) {
        const int thread = i % kThreads;
        const std::string root = "t" + std::to_string(thread) + "." + run + "@cust.test";
        const std::string id = i < kThreads ? root : "m" + std::to_string(i) + "." + run + "@cust.test";
        raws.push_back(raw_mail("Customer <c" + std::to_string(thread) + "@example.test>", user,
                                (i < kThreads ? "Order " : "Re: Order ") + std::to_string(thread), id,
                                "key=K" + std::to_string(i) + " thread=T" + std::to_string(thread),
                                i < kThreads ? "" : "In-Reply-To: <" + root + ">\r\n"));
    }
    ASSERT_TRUE(deliver_all(*servers, user, raws));

    auto owner = owner_of(acme_);
    auto created = owner.post("/api/v1/mailboxes", mailbox_body(*servers, user));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string mailbox_id = created.json()["id"];

    // Past the first saved progress (100), well before the end.
    long at_kill = 0;
    ASSERT_TRUE(eventually(
        [&] {
            at_kill = stored_on_first_page(owner);
            return at_kill >= 150;
        },
        std::chrono::seconds(300)));
    server_->kill_now();
    ASSERT_LT(at_kill, kMessages) << "the whole mailbox was read before the kill: nothing was interrupted";

    // The same database (SQLite file or PostgreSQL database), a new process: it must go on
    // from the saved progress and recognise what it had stored after it.
    RelaunchedServer restarted(server_->database_url(),
                               (fs::temp_directory_path() / (unique_name("relaunch") + ".log")).string());
    auto again = restarted.signed_in(acme_.owner_email, acme_.password);
    ASSERT_TRUE(eventually([&] { return mailbox_status(again, mailbox_id)["last_uid"] == kMessages; }))
        << mailbox_status(again, mailbox_id).dump();

    std::map<std::string, int> times_stored;
    std::map<std::string, std::set<std::string>> conversations_of_thread;
    for (const auto& [conversation, list] : all_messages(again, mailbox_id)) {
        for (const auto& m : list) {
            if (m["kind"] != "inbound") continue;
            ++times_stored[tag_of(m["text"], "key")];
            conversations_of_thread[tag_of(m["text"], "thread")].insert(conversation);
        }
    }
    EXPECT_EQ(times_stored.size(), static_cast<std::size_t>(kMessages));
    for (const auto& [key, n] : times_stored) EXPECT_EQ(n, 1) << key << " stored " << n << " times";
    EXPECT_EQ(conversations_of_thread.size(), static_cast<std::size_t>(kThreads));
    for (const auto& [thread, in] : conversations_of_thread) EXPECT_EQ(in.size(), 1u) << thread;
    EXPECT_EQ(seen_count(*servers, user).seen, kMessages);
}

}  // namespace
}  // namespace rapport::testing
