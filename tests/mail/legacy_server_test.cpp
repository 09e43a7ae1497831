// The fallbacks for a server without IDLE, MOVE or UIDPLUS: the test Dovecot's old@legacy.test
// (scripts/mail-test-servers.sh) announces only IMAP4rev1 (label mail).
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "mail/imap_client.hpp"
#include "mail/imap_connection.hpp"
#include "mail/mailbox_reader.hpp"
#include "mail_test_servers.hpp"

namespace rapport::mail {
namespace {

constexpr const char* kLegacyUser = "old@legacy.test";

// One test, so parallel test processes never share the fixed legacy mailbox.
TEST(LegacyServerTest, WithoutIdleMoveOrUidplusTheClientPollsAndMovesByCopyWithoutExpunging) {
    auto found = testing::mail_test_servers();
    if (!found) GTEST_SKIP() << testing::kSkipMessage;
    const MailServer server = testing::imap_server(*found, kLegacyUser);
    {  // An empty INBOX to start from (the mailbox is fixed, earlier runs left mail in it).
        detail::ImapConnection admin(server);
        ASSERT_TRUE(admin.open());
        ASSERT_TRUE(admin.command("SELECT INBOX"));
        ASSERT_TRUE(admin.command("STORE 1:* +FLAGS.SILENT (\\Deleted)"));
        ASSERT_TRUE(admin.command("EXPUNGE"));
    }
    const std::string raw = testing::sample_message(kLegacyUser, "Legacy", "legacy@example.test");
    ASSERT_TRUE(testing::deliver(*found, kLegacyUser, raw));

    ImapClient client(server);
    auto idle = client.supports_idle();
    ASSERT_TRUE(idle) << idle.error().detail;
    EXPECT_FALSE(*idle);
    auto waited = client.wait_for_mail(std::chrono::seconds(5), {});
    ASSERT_FALSE(waited);
    EXPECT_EQ(waited.error().code, ErrorCode::Unavailable);

    // MailboxReader polls instead: its wait sleeps the poll interval and says "look again".
    ReaderOptions options;
    options.poll_interval = std::chrono::seconds(1);
    options.after_store = AfterStore::Move;
    options.move_to = "Archive-" + std::to_string(::getpid());
    ASSERT_TRUE(client.create_folder(options.move_to));
    MailboxReader reader(client, options);
    auto polled = reader.wait({});
    ASSERT_TRUE(polled) << polled.error().detail;
    EXPECT_TRUE(*polled);

    // Moving without MOVE: COPY, then \Deleted; without UIDPLUS no EXPUNGE, which would also
    // remove messages someone else flagged.
    std::vector<std::string> stored;
    std::uint32_t uid = 0;
    auto cursor = reader.read_new({}, [&](const MailBatch& batch) -> Status {
        for (const auto& m : batch.messages) {
            stored.push_back(m.raw);
            uid = m.uid;
        }
        return {};
    });
    ASSERT_TRUE(cursor) << cursor.error().detail;
    EXPECT_EQ(stored, std::vector<std::string>{raw});
    EXPECT_NE(testing::flags_of(server, uid).find("\\Deleted"), std::string::npos) << testing::flags_of(server, uid);
    ImapClient archive(server, options.move_to);
    auto copied = archive.uids_from(1, 10);
    ASSERT_TRUE(copied) << copied.error().detail;
    ASSERT_EQ(copied->size(), 1u);
    auto fetched = archive.fetch(copied->front());
    ASSERT_TRUE(fetched);
    EXPECT_EQ(*fetched, raw);
}

}  // namespace
}  // namespace rapport::mail
