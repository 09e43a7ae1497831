#pragma once
// Storing mailboxes and the mail that could not be read. Thread-safe.
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "domain/servicedesk/mailbox.hpp"

namespace rapport::domain::servicedesk {

// Mail that could not be parsed, kept whole with the reason, for an admin to re-process.
struct QuarantinedMail {
    Id workspace_id = 0;
    Id quarantine_id = 0;
    std::optional<Id> mailbox_id;
    std::int64_t uid = 0;
    std::string reason;
    std::string raw;  // empty in lists
    std::int64_t size = 0;
    UnixMillis received_at = 0;
    std::optional<UnixMillis> resolved_at;
    std::optional<Id> resolved_message_id;
};

class MailboxRepository {
public:
    virtual ~MailboxRepository() = default;
    virtual Result<std::vector<Mailbox>> list(Id workspace_id) = 0;
    // Every enabled mailbox of every workspace (the readers' work list).
    virtual Result<std::vector<Mailbox>> enabled() = 0;
    virtual Result<std::optional<Mailbox>> find(Id workspace_id, Id mailbox_id) = 0;
    // The mailbox replies of a workspace go out from when a conversation has none: the oldest.
    virtual Result<std::optional<Mailbox>> default_for(Id workspace_id) = 0;
    virtual Status insert(const Mailbox& mailbox) = 0;
    virtual Status update(const Mailbox& mailbox) = 0;
    virtual Status remove(Id workspace_id, Id mailbox_id) = 0;
    // Where reading stands, after a batch of messages was committed.
    virtual Status save_progress(Id workspace_id, Id mailbox_id, std::int64_t uid_validity, std::int64_t last_uid,
                                 UnixMillis checked_at, const std::optional<std::string>& error) = 0;

    virtual Status quarantine(const QuarantinedMail& mail) = 0;
    virtual Result<std::vector<QuarantinedMail>> quarantined(Id workspace_id, int limit) = 0;
    virtual Result<std::optional<QuarantinedMail>> quarantined_mail(Id workspace_id, Id quarantine_id) = 0;
    virtual Status resolve_quarantine(Id workspace_id, Id quarantine_id, std::optional<Id> message_id,
                                      UnixMillis at) = 0;
};

}  // namespace rapport::domain::servicedesk
