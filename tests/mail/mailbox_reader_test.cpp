// MailboxReader against the real Dovecot of scripts/mail-test-servers.sh (label mail).
#include "mail/mailbox_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "mail_test_servers.hpp"

namespace rapport::mail {
namespace {

using testing::flags_of;
using testing::fresh_user;
using testing::imap_server;
using testing::mail_test_servers;
using testing::MailTestServers;
using testing::sample_message;

class MailboxReaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto found = mail_test_servers();
        if (!found) GTEST_SKIP() << testing::kSkipMessage;
        servers_ = *found;
        user_ = fresh_user();
    }
    MailServer server() const { return imap_server(servers_, user_); }
    std::vector<std::string> deliver(int count, const std::string& tag) {
        std::vector<std::string> messages;
        for (int i = 0; i < count; ++i) {
            messages.push_back(sample_message(user_, tag, tag + "-" + std::to_string(i) + "@x.test"));
        }
        EXPECT_TRUE(testing::deliver_many(servers_, user_, messages));
        return messages;
    }
    bool seen(std::uint32_t uid) const { return flags_of(server(), uid).find("\\Seen") != std::string::npos; }

    MailTestServers servers_;
    std::string user_;
};

TEST_F(MailboxReaderTest, StoresEverythingInBatchesAndMarksEachBatchOnlyAfterItIsStored) {
    const auto messages = deliver(250, "batches");
    ImapClient client(server());
    ReaderOptions options;
    options.batch_size = 100;
    MailboxReader reader(client, options);
    std::vector<std::string> stored;
    std::vector<std::size_t> sizes;
    MailboxCursor saved;
    auto cursor = reader.read_new({}, [&](const MailBatch& batch) -> Status {
        EXPECT_FALSE(seen(batch.messages.front().uid));  // not marked before it is stored
        EXPECT_FALSE(batch.folder_renumbered);
        for (const auto& m : batch.messages) stored.push_back(m.raw);
        sizes.push_back(batch.messages.size());
        saved = batch.cursor;
        return {};
    });
    ASSERT_TRUE(cursor) << cursor.error().detail;
    EXPECT_EQ(cursor->last_uid, 250u);
    EXPECT_EQ(*cursor, saved);
    EXPECT_EQ(sizes, (std::vector<std::size_t>{100, 100, 50}));
    EXPECT_EQ(stored, messages);
    EXPECT_TRUE(seen(1));
    EXPECT_TRUE(seen(250));

    // Nothing new: no batch. Then only the new ones.
    auto again = reader.read_new(*cursor, [&](const MailBatch&) -> Status {
        ADD_FAILURE() << "no batch expected";
        return {};
    });
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, *cursor);
    const auto more = deliver(3, "more");
    std::vector<std::string> later;
    auto last = reader.read_new(*cursor, [&](const MailBatch& batch) -> Status {
        for (const auto& m : batch.messages) later.push_back(m.raw);
        return {};
    });
    ASSERT_TRUE(last);
    EXPECT_EQ(last->last_uid, 253u);
    EXPECT_EQ(later, more);
}

TEST_F(MailboxReaderTest, AFailedStoreLeavesTheBatchUnreadAndItComesAgain) {
    const auto messages = deliver(3, "failing");
    ImapClient client(server());
    MailboxReader reader(client, {});
    auto failed = reader.read_new({}, [](const MailBatch&) -> Status { return fail(Error::internal("disk full")); });
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().detail, "disk full");
    EXPECT_FALSE(seen(1));

    std::vector<std::string> stored;
    auto cursor = reader.read_new({}, [&](const MailBatch& batch) -> Status {
        for (const auto& m : batch.messages) stored.push_back(m.raw);
        return {};
    });
    ASSERT_TRUE(cursor) << cursor.error().detail;
    EXPECT_EQ(stored, messages);
}

TEST_F(MailboxReaderTest, ResumesAfterTheCursorAndStartsAgainWhenTheFolderWasRenumbered) {
    const auto messages = deliver(5, "resume");
    ImapClient client(server());
    auto state = client.examine();
    ASSERT_TRUE(state);
    ReaderOptions options;
    options.after_store = AfterStore::Leave;
    MailboxReader reader(client, options);

    std::vector<std::string> stored;
    const auto keep = [&](const MailBatch& batch) -> Status {
        for (const auto& m : batch.messages) stored.push_back(m.raw);
        return {};
    };
    auto resumed = reader.read_new({state->uid_validity, 3}, keep);
    ASSERT_TRUE(resumed);
    EXPECT_EQ(stored, (std::vector<std::string>{messages[3], messages[4]}));
    EXPECT_FALSE(seen(4));  // AfterStore::Leave

    stored.clear();
    bool renumbered = false;
    auto restarted = reader.read_new({state->uid_validity + 1, 5}, [&](const MailBatch& batch) -> Status {
        renumbered = renumbered || batch.folder_renumbered;
        return keep(batch);
    });
    ASSERT_TRUE(restarted);
    EXPECT_TRUE(renumbered);
    EXPECT_EQ(stored, messages);
    EXPECT_EQ(restarted->uid_validity, state->uid_validity);
}

TEST_F(MailboxReaderTest, MovesStoredMessagesWhenAskedTo) {
    deliver(2, "move");
    ImapClient client(server());
    ASSERT_TRUE(client.create_folder("Rapport"));
    ReaderOptions options;
    options.after_store = AfterStore::Move;
    options.move_to = "Rapport";
    MailboxReader reader(client, options);
    auto cursor = reader.read_new({}, [](const MailBatch&) -> Status { return {}; });
    ASSERT_TRUE(cursor) << cursor.error().detail;
    auto inbox = client.examine();
    ASSERT_TRUE(inbox);
    EXPECT_EQ(inbox->exists, 0u);
    ImapClient moved(server(), "Rapport");
    auto there = moved.examine();
    ASSERT_TRUE(there);
    EXPECT_EQ(there->exists, 2u);
}

TEST_F(MailboxReaderTest, WaitWakesWhenMailArrives) {
    ImapClient client(server());
    ReaderOptions options;
    options.idle_timeout = std::chrono::seconds(60);
    MailboxReader reader(client, options);
    auto cursor = reader.read_new({}, [](const MailBatch&) -> Status { return {}; });
    ASSERT_TRUE(cursor);
    std::thread deliverer([this] { deliver(1, "wake"); });
    auto woke = reader.wait([] { return false; });
    deliverer.join();
    ASSERT_TRUE(woke) << woke.error().detail;
    EXPECT_TRUE(*woke);
    int batches = 0;
    auto after = reader.read_new(*cursor, [&](const MailBatch&) -> Status {
        ++batches;
        return {};
    });
    ASSERT_TRUE(after);
    EXPECT_EQ(batches, 1);
}

}  // namespace
}  // namespace rapport::mail
