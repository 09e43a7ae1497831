#pragma once
// Mailboxes as admins set them up (validated, passwords write-only), their connection test,
// and the quarantine of mail that could not be read, which admins see and re-process.
#include <functional>

#include "core/clock.hpp"
#include "domain/identity/entities.hpp"
#include "domain/servicedesk/mail_transport.hpp"
#include "domain/servicedesk/mailbox_repository.hpp"

namespace rapport::domain::servicedesk {

// A mailbox's settings as a request gives them; absent members keep their stored values
// (an empty password keeps the stored one).
struct MailboxInput {
    std::optional<std::string> name, address, folder, move_to_folder;
    std::optional<std::optional<Id>> team_id;
    std::optional<MailServerSettings> imap, smtp;
    std::optional<std::int64_t> poll_seconds, max_attachment_bytes;
    std::optional<bool> use_idle, enabled;
    std::optional<AfterFetch> after_fetch;
};

struct ConnectionCheck {
    bool imap_ok = false;
    std::string imap_message;
    bool smtp_ok = false;
    std::string smtp_message;
};

struct Reprocessed {
    bool resolved = false;
    std::optional<Id> conversation_id;
    std::string reason;
};

class MailboxService {
public:
    MailboxService(MailboxRepository& repo, MailTransport& transport, const Clock& clock)
        : repo_(repo), transport_(transport), clock_(clock) {}

    Result<std::vector<Mailbox>> list(const Principal& actor);
    Result<Mailbox> get(const Principal& actor, Id mailbox_id);
    Result<Mailbox> create(const Principal& actor, const MailboxInput& input);
    Result<Mailbox> update(const Principal& actor, Id mailbox_id, const MailboxInput& input);
    Status remove(const Principal& actor, Id mailbox_id);
    // Tests settings before they are saved (input over the stored mailbox when one is named).
    Result<ConnectionCheck> test(const Principal& actor, std::optional<Id> mailbox_id, const MailboxInput& input);

    Result<std::vector<QuarantinedMail>> quarantined(const Principal& actor, int limit);
    Result<Reprocessed> reprocess(const Principal& actor, Id quarantine_id);

    // Called by the mail readers once a listener wants to be woken when settings change.
    void on_change(std::function<void()> listener) { on_change_ = std::move(listener); }

private:
    Status require_admin(const Principal& actor);
    Result<Mailbox> apply(Mailbox mailbox, const MailboxInput& input, bool creating);

    MailboxRepository& repo_;
    MailTransport& transport_;
    const Clock& clock_;
    std::function<void()> on_change_;
};

}  // namespace rapport::domain::servicedesk
