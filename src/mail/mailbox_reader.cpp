#include "mail/mailbox_reader.hpp"

#include <algorithm>
#include <thread>
#include <utility>

namespace rapport::mail {

MailboxReader::MailboxReader(ImapClient& client, ReaderOptions options)
    : client_(client), options_(std::move(options)) {
    options_.batch_size = std::max<std::size_t>(options_.batch_size, 1);
}

Result<MailboxCursor> MailboxReader::read_new(MailboxCursor cursor, const StoreBatch& store) {
    const FolderState state = RAPPORT_TRY(client_.examine());
    bool renumbered = false;
    if (cursor.uid_validity != state.uid_validity) {
        // A new folder, or one the server renumbered: every uid starts again.
        renumbered = cursor.uid_validity != 0;
        cursor = {state.uid_validity, 0};
    }
    for (;;) {
        const auto uids = RAPPORT_TRY(client_.uids_from(cursor.last_uid + 1, options_.batch_size));
        if (uids.empty()) return cursor;
        MailBatch batch;
        batch.messages = RAPPORT_TRY(client_.fetch_batch(uids));
        batch.folder_renumbered = renumbered;
        // Uids that vanished between the search and the fetch (moved by someone else) are
        // passed over too: the cursor covers the whole searched range.
        batch.cursor = {cursor.uid_validity, uids.back()};
        RAPPORT_CHECK(store(batch));
        cursor = batch.cursor;
        renumbered = false;
        std::vector<std::uint32_t> stored;
        stored.reserve(batch.messages.size());
        for (const FetchedMessage& message : batch.messages) stored.push_back(message.uid);
        switch (options_.after_store) {
            case AfterStore::MarkSeen: RAPPORT_CHECK(client_.mark_seen(stored)); break;
            case AfterStore::Move: RAPPORT_CHECK(client_.move(stored, options_.move_to)); break;
            case AfterStore::Leave: break;
        }
    }
}

Result<bool> MailboxReader::wait(const std::function<bool()>& should_stop) {
    auto idle = client_.wait_for_mail(options_.idle_timeout, should_stop);
    if (idle) return idle;
    const bool unsupported = std::any_of(idle.error().args.begin(), idle.error().args.end(), [](const auto& arg) {
        return arg.first == "reason" && arg.second == "idle_unsupported";
    });
    if (!unsupported) return idle;
    // No IDLE: sleep the poll interval in short steps so a stop request is heard.
    const auto until = std::chrono::steady_clock::now() + options_.poll_interval;
    while (std::chrono::steady_clock::now() < until) {
        if (should_stop && should_stop()) return false;
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
            std::chrono::milliseconds(200), until - std::chrono::steady_clock::now()));
    }
    return true;
}

}  // namespace rapport::mail
