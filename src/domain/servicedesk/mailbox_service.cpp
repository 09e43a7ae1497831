#include "domain/servicedesk/mailbox_service.hpp"

namespace rapport::domain::servicedesk {

namespace {

bool looks_like_address(const std::string& s) {
    auto at = s.find('@');
    return at != std::string::npos && at > 0 && at + 1 < s.size() && s.find(' ') == std::string::npos &&
           s.find('.', at) != std::string::npos;
}

void check_server(const MailServerSettings& s, const std::string& at, std::vector<FieldError>& errors) {
    if (s.host.empty()) errors.push_back(FieldError::localized(at + "/host", "servicedesk.field_required"));
    if (s.port < 1 || s.port > 65535) errors.push_back(FieldError::localized(at + "/port", "servicedesk.port_invalid"));
}

}  // namespace

Status MailboxService::require_admin(const Principal& actor) {
    if (!role_at_least(actor.role, Role::Admin)) {
        return fail(Error::localized(ErrorCode::Forbidden, "servicedesk.admin_only",
                                     {{"role", std::string(to_string(actor.role))}}));
    }
    return {};
}

Result<Mailbox> MailboxService::apply(Mailbox m, const MailboxInput& in, bool creating) {
    if (in.name) m.name = *in.name;
    if (in.address) m.address = *in.address;
    if (in.folder) m.folder = in.folder->empty() ? "INBOX" : *in.folder;
    if (in.move_to_folder) m.move_to_folder = *in.move_to_folder;
    if (in.team_id) m.team_id = *in.team_id;
    for (auto [given, stored] : {std::pair{&in.imap, &m.imap}, std::pair{&in.smtp, &m.smtp}}) {
        if (!*given) continue;
        std::string keep = stored->password;
        *stored = **given;
        if (stored->password.empty()) stored->password = keep;  // write-only: empty keeps it
    }
    if (in.poll_seconds) m.poll_seconds = *in.poll_seconds;
    if (in.max_attachment_bytes) m.max_attachment_bytes = *in.max_attachment_bytes;
    if (in.use_idle) m.use_idle = *in.use_idle;
    if (in.enabled) m.enabled = *in.enabled;
    if (in.after_fetch) m.after_fetch = *in.after_fetch;

    std::vector<FieldError> errors;
    if (m.name.empty()) errors.push_back(FieldError::localized("/name", "servicedesk.field_required"));
    if (!looks_like_address(m.address))
        errors.push_back(FieldError::localized("/address", "servicedesk.address_invalid"));
    check_server(m.imap, "/imap", errors);
    check_server(m.smtp, "/smtp", errors);
    if (m.poll_seconds < 10 || m.poll_seconds > 86400) {
        errors.push_back(FieldError::localized("/poll_seconds", "servicedesk.poll_invalid"));
    }
    if (m.after_fetch == AfterFetch::Move && m.move_to_folder.empty()) {
        errors.push_back(FieldError::localized("/move_to_folder", "servicedesk.field_required"));
    }
    if (m.max_attachment_bytes < 0) {
        errors.push_back(FieldError::localized("/max_attachment_bytes", "servicedesk.field_required"));
    }
    if (!errors.empty()) {
        const std::string count = std::to_string(errors.size());  // before the move
        return fail(Error::localized(ErrorCode::Validation, "servicedesk.mailbox_invalid", {{"count", count}},
                                     std::move(errors)));
    }
    (void)creating;
    return m;
}

Result<std::vector<Mailbox>> MailboxService::list(const Principal& actor) {
    RAPPORT_CHECK(require_admin(actor));
    return repo_.list(actor.workspace_id);
}

Result<Mailbox> MailboxService::get(const Principal& actor, Id id) {
    RAPPORT_CHECK(require_admin(actor));
    auto found = RAPPORT_TRY(repo_.find(actor.workspace_id, id));
    if (!found) {
        return fail(Error::localized(ErrorCode::NotFound, "servicedesk.mailbox_not_found", {{"id", id_to_string(id)}}));
    }
    return std::move(*found);
}

Result<Mailbox> MailboxService::create(const Principal& actor, const MailboxInput& input) {
    RAPPORT_CHECK(require_admin(actor));
    Mailbox m;
    m.workspace_id = actor.workspace_id;
    m.mailbox_id = new_id();
    m.created_at = m.updated_at = clock_.now_ms();
    m = RAPPORT_TRY(apply(std::move(m), input, true));
    RAPPORT_CHECK(repo_.insert(m));
    if (on_change_) on_change_();
    return m;
}

Result<Mailbox> MailboxService::update(const Principal& actor, Id id, const MailboxInput& input) {
    auto m = RAPPORT_TRY(get(actor, id));
    m = RAPPORT_TRY(apply(std::move(m), input, false));
    m.updated_at = clock_.now_ms();
    RAPPORT_CHECK(repo_.update(m));
    if (on_change_) on_change_();
    return m;
}

Status MailboxService::remove(const Principal& actor, Id id) {
    (void)RAPPORT_TRY(get(actor, id));
    RAPPORT_CHECK(repo_.remove(actor.workspace_id, id));
    if (on_change_) on_change_();
    return {};
}

Result<ConnectionCheck> MailboxService::test(const Principal& actor, std::optional<Id> id, const MailboxInput& input) {
    Mailbox base;
    if (id) {
        base = RAPPORT_TRY(get(actor, *id));
    } else {
        RAPPORT_CHECK(require_admin(actor));
        base.workspace_id = actor.workspace_id;
    }
    auto m = RAPPORT_TRY(apply(std::move(base), input, !id));
    ConnectionCheck check;
    auto imap = transport_.test_imap(m);
    check.imap_ok = static_cast<bool>(imap);
    if (!imap) check.imap_message = imap.error().detail;
    auto smtp = transport_.test_smtp(m);
    check.smtp_ok = static_cast<bool>(smtp);
    if (!smtp) check.smtp_message = smtp.error().detail;
    return check;
}

Result<std::vector<QuarantinedMail>> MailboxService::quarantined(const Principal& actor, int limit) {
    RAPPORT_CHECK(require_admin(actor));
    return repo_.quarantined(actor.workspace_id, limit);
}

Result<Reprocessed> MailboxService::reprocess(const Principal& actor, Id quarantine_id) {
    RAPPORT_CHECK(require_admin(actor));
    auto mail = RAPPORT_TRY(repo_.quarantined_mail(actor.workspace_id, quarantine_id));
    if (!mail) {
        return fail(Error::localized(ErrorCode::NotFound, "servicedesk.quarantine_not_found",
                                     {{"id", id_to_string(quarantine_id)}}));
    }
    std::optional<Mailbox> mailbox;
    if (mail->mailbox_id) mailbox = RAPPORT_TRY(repo_.find(actor.workspace_id, *mail->mailbox_id));
    Reprocessed out;
    auto result = transport_.reprocess(mailbox ? &*mailbox : nullptr, *mail);
    if (!result) {
        out.reason = result.error().detail;
        return out;
    }
    out.resolved = true;
    out.conversation_id = result->conversation_id;
    RAPPORT_CHECK(repo_.resolve_quarantine(actor.workspace_id, quarantine_id, result->message_id, clock_.now_ms()));
    return out;
}

}  // namespace rapport::domain::servicedesk
