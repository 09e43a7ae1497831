#pragma once
// Reading a mailbox so that no message is lost or stored twice, whatever stops the process:
// the loop the service desk's ingestion runs for each mailbox, without knowing how messages
// are stored (the caller's StoreBatch commits them). docs/adr/0007-mail-transport.md.
//
//   cursor = storage's (uid_validity, last_uid) for the mailbox
//   loop: cursor = reader.read_new(cursor, store);  reader.wait(should_stop);
//
// Order of effects per batch: fetch (BODY.PEEK[], nothing changes on the server) → store (the
// caller commits the messages and the new cursor in one transaction) → mark \Seen or move on
// the server. A crash before the commit fetches the batch again; after it, the cursor skips
// the batch (the worst case is a batch left unread on the server). Not thread-safe.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "mail/imap_client.hpp"

namespace rapport::mail {

// How far a mailbox has been read: the folder's UIDVALIDITY and the highest uid stored.
struct MailboxCursor {
    std::uint32_t uid_validity = 0;
    std::uint32_t last_uid = 0;
    bool operator==(const MailboxCursor&) const = default;
};

enum class AfterStore {
    MarkSeen,  // set \Seen (the default)
    Move,      // move to ReaderOptions::move_to
    Leave,     // change nothing on the server
};

struct ReaderOptions {
    std::size_t batch_size = 100;
    AfterStore after_store = AfterStore::MarkSeen;
    std::string move_to;                        // for AfterStore::Move
    std::chrono::seconds poll_interval{60};     // between checks when the server has no IDLE
    std::chrono::seconds idle_timeout{5 * 60};  // one wait() at most, with IDLE
};

// One batch for the caller to store durably. `cursor` is what to save with it, in the same
// transaction. `folder_renumbered` says UIDVALIDITY changed since the caller's cursor: uids
// start again at 1, and messages seen before come again (deduplicate by Message-ID).
struct MailBatch {
    MailboxCursor cursor;
    std::vector<FetchedMessage> messages;
    bool folder_renumbered = false;
};
// Returns success only once the batch and its cursor are committed.
using StoreBatch = std::function<Status(const MailBatch& batch)>;

class MailboxReader {
public:
    MailboxReader(ImapClient& client, ReaderOptions options);

    // Stores every message after `cursor`, batch by batch, and returns the cursor after the
    // last committed batch. When `store` fails, returns its error: nothing of that batch was
    // marked or moved, and the caller's saved cursor still points before it. When marking or
    // moving fails after a commit, returns that error; the saved cursor is already past the
    // batch (the caller always resumes from what it saved, not from a returned cursor).
    Result<MailboxCursor> read_new(MailboxCursor cursor, const StoreBatch& store);

    // Waits for new mail: IDLE when the server offers it (up to idle_timeout), else
    // poll_interval. Returns early, with false, when should_stop() turns true (asked at least
    // every 200 ms). True when the server announced mail; after a plain poll interval, true too
    // (read_new will tell).
    Result<bool> wait(const std::function<bool()>& should_stop);

private:
    ImapClient& client_;
    ReaderOptions options_;
};

}  // namespace rapport::mail
