#include "app/servicedesk/email_channel.hpp"

#include "mail/imap_client.hpp"
#include "mail/smtp_sender.hpp"

namespace rapport::app {

using namespace rapport::domain::servicedesk;

namespace {

mail::MailServer server_of(const MailServerSettings& s) {
    mail::MailServer out;
    out.host = s.host;
    out.port = static_cast<int>(s.port);
    out.security = s.security == MailSecurity::Tls        ? mail::Security::Tls
                   : s.security == MailSecurity::StartTls ? mail::Security::StartTls
                                                          : mail::Security::None;
    out.username = s.username;
    out.password = s.password;
    out.verify_certificate = s.verify_certificate;
    return out;
}

std::vector<std::string> addresses(const std::vector<mail::MailAddress>& list) {
    std::vector<std::string> out;
    for (const auto& a : list) out.push_back(a.email);
    return out;
}

}  // namespace

mail::MailServer imap_server(const Mailbox& mailbox) {
    return server_of(mailbox.imap);
}

mail::MailServer smtp_server(const Mailbox& mailbox) {
    return server_of(mailbox.smtp);
}

InboundMessage inbound_from_mail(mail::ParsedMail parsed, const Mailbox& mailbox, std::string raw,
                                 UnixMillis received_at) {
    InboundMessage m;
    m.workspace_id = mailbox.workspace_id;
    m.channel = "email";
    m.mailbox_id = mailbox.mailbox_id;
    m.team_id = mailbox.team_id;
    m.external_id = parsed.message_id;
    // Reply-To names where the customer wants the answer; From is who they are.
    if (parsed.from) {
        m.sender.name = parsed.from->name;
        m.sender.email = parsed.from->email;
    } else if (parsed.reply_to) {
        m.sender.name = parsed.reply_to->name;
        m.sender.email = parsed.reply_to->email;
    }
    m.to = addresses(parsed.to);
    m.cc = addresses(parsed.cc);
    m.subject = std::move(parsed.subject);
    m.text = std::move(parsed.text);
    m.html = std::move(parsed.html);
    m.in_reply_to = std::move(parsed.in_reply_to);
    m.references = std::move(parsed.references);
    if (parsed.auto_kind == mail::AutoKind::AutoReply) m.auto_kind = AutoKind::AutoReply;
    if (parsed.auto_kind == mail::AutoKind::DeliveryReport) {
        m.auto_kind = AutoKind::DeliveryReport;
        if (parsed.delivery_report) {
            DeliveryNotice notice;
            notice.original_message_id = parsed.delivery_report->original_message_id;
            notice.failed = parsed.delivery_report->action == "failed";
            notice.detail = parsed.delivery_report->status;
            if (!parsed.delivery_report->diagnostic.empty()) {
                notice.detail += (notice.detail.empty() ? "" : " ") + parsed.delivery_report->diagnostic;
            }
            if (!parsed.delivery_report->recipient.empty()) {
                notice.detail += " (" + parsed.delivery_report->recipient + ")";
            }
            if (!notice.original_message_id.empty()) m.delivery_notice = std::move(notice);
        }
    }
    for (auto& a : parsed.attachments) {
        Attachment out;
        out.filename = std::move(a.filename);
        out.content_type = std::move(a.content_type);
        out.content_id = std::move(a.content_id);
        out.is_inline = a.is_inline;
        out.size = a.size;
        out.data = std::move(a.data);
        out.rejected_reason = std::move(a.rejected_reason);
        m.attachments.push_back(std::move(out));
    }
    // The Date header is the sender's clock: trusted unless it claims the future.
    m.occurred_at = parsed.date && *parsed.date <= received_at ? *parsed.date : received_at;
    m.raw = std::move(raw);
    return m;
}

Status EmailTransport::test_imap(const Mailbox& mailbox) {
    mail::ImapClient client(imap_server(mailbox), mailbox.folder);
    return client.test_connection();
}

Status EmailTransport::test_smtp(const Mailbox& mailbox) {
    return mail::test_smtp(smtp_server(mailbox));
}

Result<IntakeResult> EmailTransport::reprocess(const Mailbox* mailbox, const QuarantinedMail& q) {
    mail::ParseOptions options;
    if (mailbox) options.max_attachment_bytes = mailbox->max_attachment_bytes;
    auto parsed = RAPPORT_TRY(mail::parse_mail(q.raw, options));
    Mailbox fallback;
    fallback.workspace_id = q.workspace_id;
    auto inbound = inbound_from_mail(std::move(parsed), mailbox ? *mailbox : fallback, q.raw, clock_.now_ms());
    return intake_.receive(std::move(inbound));
}

}  // namespace rapport::app
