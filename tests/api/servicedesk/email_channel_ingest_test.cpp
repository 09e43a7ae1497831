// The email channel end to end with the real Dovecot: 1,000 delivered messages (new threads,
// replies, a "[#n]" subject, a duplicate, an auto-reply, a message without Message-ID) are read
// through a mailbox created with the API, each stored once in its conversation and marked \Seen.
#include <set>

#include "api/servicedesk/email_channel_support.hpp"

namespace rapport::testing {
namespace {

using namespace email;

class EmailChannelIngest : public ApiTest {};

TEST_F(EmailChannelIngest, ThousandMessagesAreStoredOnceEachInTheirConversationsAndSeen) {
    auto servers = mail::testing::mail_test_servers();
    if (!servers) GTEST_SKIP() << mail::testing::kSkipMessage;
    const std::string user = mail::testing::fresh_user();
    const std::string run = unique_name("r");

    constexpr int kThreads = 300;
    std::vector<std::string> raws;
    std::vector<std::string> thread_ids(kThreads);
    std::map<int, std::vector<std::string>> ids_in_thread;  // Message-IDs a reply may answer
    for (int i = 0; i < kThreads; ++i) {
        thread_ids[i] = "t" + std::to_string(i) + "." + run + "@cust.test";
        ids_in_thread[i].push_back(thread_ids[i]);
        const std::string from =
            "Customer " + std::to_string(i % 40) + " <c" + std::to_string(i % 40) + "@example.test>";
        raws.push_back(raw_mail(from, user, "Order T" + std::to_string(i), thread_ids[i],
                                "key=T" + std::to_string(i) + " thread=T" + std::to_string(i)));
    }
    const std::string duplicate = raws[5];
    raws.push_back(
        raw_mail("Nobody Knows <anon@example.test>", user, "A message without an id", "", "key=N0 thread=N0"));
    raws.push_back(raw_mail("Robot <robot@example.test>", user, "Out of office", "auto0." + run + "@cust.test",
                            "key=A0 I am away.", "Auto-Submitted: auto-replied\r\n"));
    constexpr int kFirstBatch = 999;  // the "[#n]" reply follows once the numbers exist
    for (int k = 0; static_cast<int>(raws.size()) < kFirstBatch; ++k) {
        const int j = (k * 7) % kThreads;
        auto& earlier = ids_in_thread[j];
        const std::string answered = earlier[k % 2 == 1 ? earlier.size() - 1 : 0];
        const std::string id = "r" + std::to_string(k) + "." + run + "@cust.test";
        raws.push_back(raw_mail(
            "Customer " + std::to_string(j % 40) + " <c" + std::to_string(j % 40) + "@example.test>", user,
            "Re: Order T" + std::to_string(j), id, "key=R" + std::to_string(k) + " thread=T" + std::to_string(j),
            "In-Reply-To: <" + answered + ">\r\n"));
        earlier.push_back(id);
        if (k == 400) raws.push_back(duplicate);  // the same message delivered a second time
        // ... and one delivered twice within the same batch of the reader (one transaction).
        if (k == 420) raws.push_back(raws.back());
    }
    ASSERT_EQ(static_cast<int>(raws.size()), kFirstBatch);
    ASSERT_TRUE(deliver_all(*servers, user, raws));

    auto owner = owner_of(acme_);
    auto created = owner.post("/api/v1/mailboxes", mailbox_body(*servers, user));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string mailbox_id = created.json()["id"];

    // Inbound: 300 threads + the one without id + the replies; the duplicates and the auto-reply
    // are not customer messages of a conversation.
    const long expected_first = kFirstBatch - 3;
    ASSERT_TRUE(eventually([&] {
        return mailbox_status(owner, mailbox_id)["last_uid"] == kFirstBatch &&
               stored_in_conversations(owner, mailbox_id) >= expected_first;
    })) << "not all read: "
        << mailbox_status(owner, mailbox_id).dump();

    // The reply that names its conversation only by "[#n]" in the subject.
    long number_of_t7 = -1;
    for (const auto& [id, messages] : all_messages(owner, mailbox_id)) {
        for (const auto& m : messages) {
            if (tag_of(m["text"], "key") == "T7") {
                auto res = owner.get("/api/v1/conversations/" + id);
                number_of_t7 = res.json()["number"].get<long>();
            }
        }
    }
    ASSERT_GT(number_of_t7, 0);
    ASSERT_TRUE(deliver_all(
        *servers, user,
        {raw_mail("Someone Else <else@example.test>", user, "Still waiting [#" + std::to_string(number_of_t7) + "]",
                  "hash0." + run + "@cust.test", "key=H0 thread=T7")}));
    ASSERT_TRUE(eventually([&] { return mailbox_status(owner, mailbox_id)["last_uid"] == kFirstBatch + 1; }))
        << mailbox_status(owner, mailbox_id).dump();

    // Every message once, each conversation holding exactly one thread.
    std::map<std::string, int> times_stored;
    std::map<std::string, std::set<std::string>> conversations_of_thread;
    int inbound = 0;
    const auto messages = all_messages(owner, mailbox_id);
    for (const auto& [conversation, list] : messages) {
        std::set<std::string> threads;
        for (const auto& m : list) {
            const std::string text = m["text"];
            EXPECT_NE(tag_of(text, "key"), "A0") << "the auto-reply is in conversation " << conversation;
            if (m["kind"] != "inbound") continue;
            ++inbound;
            ++times_stored[tag_of(text, "key")];
            threads.insert(tag_of(text, "thread"));
            conversations_of_thread[tag_of(text, "thread")].insert(conversation);
        }
        EXPECT_EQ(threads.size(), 1u) << "conversation " << conversation << " mixes threads";
    }
    EXPECT_EQ(inbound, kFirstBatch + 1 - 3);  // 1,000 delivered, minus the two duplicates and the auto-reply
    EXPECT_EQ(static_cast<int>(times_stored.size()), inbound);
    for (const auto& [key, n] : times_stored) EXPECT_EQ(n, 1) << key;
    EXPECT_EQ(times_stored.count("N0"), 1u);
    EXPECT_EQ(times_stored.count("H0"), 1u);
    EXPECT_EQ(messages.size(), static_cast<std::size_t>(kThreads + 1));  // the threads and N0; no auto-reply one
    for (const auto& [thread, in] : conversations_of_thread) EXPECT_EQ(in.size(), 1u) << thread;

    const auto seen = seen_count(*servers, user);
    EXPECT_EQ(seen.total, kFirstBatch + 1);
    EXPECT_EQ(seen.seen, kFirstBatch + 1);
    EXPECT_TRUE(mailbox_status(owner, mailbox_id)["last_error"].is_null());
}

TEST_F(EmailChannelIngest, MalformedMailIsQuarantinedAndReadingGoesOn) {
    auto servers = mail::testing::mail_test_servers();
    if (!servers) GTEST_SKIP() << mail::testing::kSkipMessage;
    const std::string user = mail::testing::fresh_user();
    const std::string run = unique_name("q");
    // No From, Message-ID or Date: not a mail message.
    const std::string malformed = "Subject: broken\r\nX-Whatever: 1\r\n\r\nkey=M0\r\n";
    ASSERT_TRUE(deliver_all(
        *servers, user,
        {malformed, raw_mail("Ada <ada@example.test>", user, "Fine", "ok." + run + "@cust.test", "key=OK thread=OK")}));
    auto owner = owner_of(acme_);
    auto created = owner.post("/api/v1/mailboxes", mailbox_body(*servers, user));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string mailbox_id = created.json()["id"];
    ASSERT_TRUE(eventually([&] { return mailbox_status(owner, mailbox_id)["last_uid"] == 2; }))
        << mailbox_status(owner, mailbox_id).dump();

    auto quarantine = owner.get("/api/v1/mail-quarantine");
    ASSERT_EQ(quarantine.status, 200) << quarantine.body;
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : json_member(quarantine, "items")) {
        if (item["mailbox_id"] == mailbox_id) items.push_back(item);
    }
    ASSERT_EQ(items.size(), 1u) << quarantine.body;
    EXPECT_EQ(items[0]["mailbox_id"], mailbox_id);
    EXPECT_FALSE(items[0]["reason"].get<std::string>().empty());
    EXPECT_GT(items[0]["size"].get<long>(), 0);
    EXPECT_TRUE(items[0]["resolved_at"].is_null());
    // The good message after it was stored.
    EXPECT_EQ(stored_in_conversations(owner, mailbox_id), 1);
    EXPECT_EQ(seen_count(*servers, user).seen, 2);

    // Re-processing cannot make a mail of it: it says why, and the mail stays in quarantine.
    const std::string qid = items[0]["id"];
    auto again = owner.post("/api/v1/mail-quarantine/" + qid + "/reprocess", nlohmann::json::object());
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.json()["resolved"], false);
    EXPECT_TRUE(again.json()["reason"].is_string());
    EXPECT_FALSE(again.json()["reason"].get<std::string>().empty());
    EXPECT_TRUE(again.json()["conversation_id"].is_null());
    for (const auto& item : json_member(owner.get("/api/v1/mail-quarantine"), "items")) {
        if (item["id"] == qid) {
            EXPECT_TRUE(item["resolved_at"].is_null());
        }
    }

    // Another workspace neither sees nor re-processes it.
    auto stranger = owner_of(globex_);
    for (const auto& item : json_member(stranger.get("/api/v1/mail-quarantine"), "items")) EXPECT_NE(item["id"], qid);
    expect_problem(stranger.post("/api/v1/mail-quarantine/" + qid + "/reprocess", nlohmann::json::object()), 404);
}

TEST_F(EmailChannelIngest, AnotherWorkspaceNeverSeesTheMailboxOrItsConversations) {
    auto servers = mail::testing::mail_test_servers();
    if (!servers) GTEST_SKIP() << mail::testing::kSkipMessage;
    const std::string user = mail::testing::fresh_user();
    const std::string other_user = mail::testing::fresh_user("globex.test");
    const std::string run = unique_name("w");
    ASSERT_TRUE(deliver_all(
        *servers, user,
        {raw_mail("Ada <ada@example.test>", user, "Acme only", "a." + run + "@cust.test", "key=ACME thread=ACME")}));
    ASSERT_TRUE(deliver_all(*servers, other_user,
                            {raw_mail("Bob <bob@example.test>", other_user, "Globex only", "g." + run + "@cust.test",
                                      "key=GLOBEX thread=GLOBEX")}));
    auto acme = owner_of(acme_);
    auto globex = owner_of(globex_);
    auto acme_box = acme.post("/api/v1/mailboxes", mailbox_body(*servers, user));
    ASSERT_EQ(acme_box.status, 201) << acme_box.body;
    auto globex_box = globex.post("/api/v1/mailboxes", mailbox_body(*servers, other_user));
    ASSERT_EQ(globex_box.status, 201) << globex_box.body;
    const std::string acme_mailbox = acme_box.json()["id"];
    const std::string globex_mailbox = globex_box.json()["id"];
    ASSERT_TRUE(eventually([&] {
        return stored_in_conversations(acme, acme_mailbox) == 1 && stored_in_conversations(globex, globex_mailbox) == 1;
    }));

    const auto acme_conversations = all_conversations(acme, acme_mailbox);
    const auto globex_conversations = all_conversations(globex);
    ASSERT_EQ(acme_conversations.size(), 1u);
    ASSERT_EQ(globex_conversations.size(), 1u);
    EXPECT_EQ(acme_conversations[0]["subject"], "Acme only");
    EXPECT_EQ(globex_conversations[0]["subject"], "Globex only");
    const std::string acme_conversation = acme_conversations[0]["id"];

    auto listed = globex.get("/api/v1/mailboxes").json()["items"];
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0]["id"], globex_mailbox);
    expect_problem(globex.get("/api/v1/mailboxes/" + acme_mailbox), 404);
    expect_problem(globex.patch("/api/v1/mailboxes/" + acme_mailbox, {{"name", "Taken"}}), 404);
    expect_problem(globex.post("/api/v1/mailboxes/" + acme_mailbox + "/test", nlohmann::json::object()), 404);
    expect_problem(globex.get("/api/v1/conversations/" + acme_conversation), 404);
    expect_problem(globex.post("/api/v1/conversations/" + acme_conversation + "/replies", {{"text", "Hi"}}), 404);
    for (const auto& view : {"all", "open", "unanswered", "unassigned"}) {
        for (const auto& c : json_member(globex.get(std::string("/api/v1/conversations?view=") + view), "items")) {
            EXPECT_NE(c["id"], acme_conversation) << view;
        }
    }
    EXPECT_EQ(acme.get("/api/v1/mailboxes/" + acme_mailbox).json()["name"], "Support");
}

}  // namespace
}  // namespace rapport::testing
