#pragma once
// Reading a mailbox over IMAP (RFC 3501, with UIDPLUS, MOVE and IDLE where offered), in raw
// message bytes: parsing them is mime_parser.hpp's job. How the transport works and why it is
// built this way: docs/adr/0007-mail-transport.md.
//
// Resumable fetching: a message is named by its UID, which the server never reuses within one
// UIDVALIDITY of the folder. A reader keeps (uid_validity, last uid stored); after a restart it
// asks uids_from(last + 1). When examine() reports another uid_validity the old UIDs mean
// nothing any more: the reader starts again from uid 1 and relies on Message-ID deduplication.
//
// Errors about the server carry args {"reason", ...} and {"server", "host:port"}; the reasons:
// "unreachable", "timeout", "tls", "authentication" (ErrorCode::Unauthenticated),
// "folder_missing" (ErrorCode::NotFound), "connection_lost", "protocol", "rejected" (the
// server answered NO to a command), "not_found" (no message with that uid). The detail is
// English, for logs and operators.
//
// This layer never deletes mail: move() is the only command that removes a message from a
// folder, and it puts it in another one.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "mail/mail_server.hpp"

namespace rapport::mail {

namespace detail {
class ImapConnection;
struct ImapResponse;
}  // namespace detail

struct FolderState {
    std::uint32_t uid_validity = 0;
    std::uint32_t uid_next = 0;
    std::uint32_t exists = 0;  // messages in the folder
};

// One IMAP session to one folder. It connects and logs in on first use, selects the folder
// (read-write: mark_seen and move need it) and keeps the connection for later calls; after a
// lost connection the next call connects again. Not thread-safe: one client per thread.
class ImapClient {
public:
    ImapClient(MailServer server, std::string folder = "INBOX");
    ~ImapClient();
    ImapClient(ImapClient&&) noexcept;
    ImapClient& operator=(ImapClient&&) noexcept;

    // Selects the folder again and reports UIDVALIDITY, UIDNEXT and EXISTS.
    Result<FolderState> examine();
    // The UIDs >= first_uid, ascending, at most `max` of them. ("n:*" also matches the last
    // message when its uid is below n; it is left out.)
    Result<std::vector<std::uint32_t>> uids_from(std::uint32_t first_uid, std::size_t max);
    // The whole raw message (BODY.PEEK[]: fetching does not set \Seen). NotFound with reason
    // "not_found" when no message has that uid (any more).
    Result<std::string> fetch(std::uint32_t uid);
    // Sets \Seen on the message.
    Status mark_seen(std::uint32_t uid);
    // Moves the message to `folder`: UID MOVE, or UID COPY + \Deleted + UID EXPUNGE of that one
    // uid (UIDPLUS) when the server lacks MOVE. Without MOVE and UIDPLUS the message is copied
    // and flagged \Deleted but not expunged (a plain EXPUNGE would remove other people's
    // deleted messages too). NotFound with reason "folder_missing" when `folder` does not exist.
    Status move(std::uint32_t uid, const std::string& folder);
    // Creates `folder` (CREATE); succeeds when it exists already.
    Status create_folder(const std::string& folder);
    // Adds `raw_message` to `folder` (APPEND): for saving sent replies, and the tests' deliveries.
    Status append(const std::string& folder, std::string_view raw_message);
    // Whether the server offers IDLE (RFC 2177).
    Result<bool> supports_idle();
    // Waits until the server announces new mail (an untagged EXISTS or RECENT during IDLE),
    // `timeout` passes, or should_stop() returns true (asked at least every 200 ms). True when
    // new mail was announced, also when it was announced in an earlier reply and nobody has
    // asked since. Without IDLE: fails with ErrorCode::Unavailable, reason "idle_unsupported";
    // the caller polls instead.
    Result<bool> wait_for_mail(std::chrono::seconds timeout, const std::function<bool()>& should_stop);
    // Connects afresh, logs in and selects the folder: the settings screen's "test" button.
    Status test_connection();

    const std::string& folder() const { return folder_; }

private:
    Status ensure_selected();
    Result<FolderState> select();
    Result<detail::ImapResponse> run(const std::string& command);
    Result<const std::vector<std::string>*> capabilities();
    void note_unsolicited(const detail::ImapResponse& response);
    Error rejected(const std::string& what, const detail::ImapResponse& response) const;

    MailServer server_;
    std::string folder_;
    std::unique_ptr<detail::ImapConnection> connection_;
    bool selected_ = false;
    std::optional<std::vector<std::string>> capabilities_;
    std::uint32_t exists_ = 0;
    bool new_mail_pending_ = false;
};

}  // namespace rapport::mail
