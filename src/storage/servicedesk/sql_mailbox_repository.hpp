#pragma once
// Mailboxes and quarantined mail in SQL (both engines).
#include "domain/servicedesk/mailbox_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

class SqlMailboxRepository final : public domain::servicedesk::MailboxRepository {
public:
    explicit SqlMailboxRepository(Database& db) : db_(db) {}

    using Mailbox = domain::servicedesk::Mailbox;
    using QuarantinedMail = domain::servicedesk::QuarantinedMail;

    Result<std::vector<Mailbox>> list(Id workspace_id) override;
    Result<std::vector<Mailbox>> enabled() override;
    Result<std::optional<Mailbox>> find(Id workspace_id, Id mailbox_id) override;
    Result<std::optional<Mailbox>> default_for(Id workspace_id) override;
    Status insert(const Mailbox& mailbox) override;
    Status update(const Mailbox& mailbox) override;
    Status remove(Id workspace_id, Id mailbox_id) override;
    Status save_progress(Id workspace_id, Id mailbox_id, std::int64_t uid_validity, std::int64_t last_uid,
                         UnixMillis checked_at, const std::optional<std::string>& error) override;

    Status quarantine(const QuarantinedMail& mail) override;
    Result<std::vector<QuarantinedMail>> quarantined(Id workspace_id, int limit) override;
    Result<std::optional<QuarantinedMail>> quarantined_mail(Id workspace_id, Id quarantine_id) override;
    Status resolve_quarantine(Id workspace_id, Id quarantine_id, std::optional<Id> message_id, UnixMillis at) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
