#pragma once
// The email channel between src/mail and the service desk's domain: a parsed mail becomes an
// InboundMessage of its mailbox, a mailbox's settings become the mail layer's servers, and
// quarantined mail is parsed again. The one place that sees both vocabularies.
#include <string>

#include "domain/servicedesk/inbound_message.hpp"
#include "domain/servicedesk/intake_service.hpp"
#include "domain/servicedesk/mail_transport.hpp"
#include "domain/servicedesk/mailbox.hpp"
#include "mail/mail_server.hpp"
#include "mail/parsed_mail.hpp"

namespace rapport::app {

mail::MailServer imap_server(const domain::servicedesk::Mailbox& mailbox);
mail::MailServer smtp_server(const domain::servicedesk::Mailbox& mailbox);

// The customer message a parsed mail of `mailbox` is; `raw` is kept as its source.
domain::servicedesk::InboundMessage inbound_from_mail(mail::ParsedMail parsed,
                                                      const domain::servicedesk::Mailbox& mailbox, std::string raw,
                                                      UnixMillis received_at);

// Real servers behind MailboxService: connection tests and re-processing of quarantined mail.
class EmailTransport final : public domain::servicedesk::MailTransport {
public:
    EmailTransport(domain::servicedesk::IntakeService& intake, const Clock& clock) : intake_(intake), clock_(clock) {}
    Status test_imap(const domain::servicedesk::Mailbox& mailbox) override;
    Status test_smtp(const domain::servicedesk::Mailbox& mailbox) override;
    Result<domain::servicedesk::IntakeResult> reprocess(const domain::servicedesk::Mailbox* mailbox,
                                                        const domain::servicedesk::QuarantinedMail& mail) override;

private:
    domain::servicedesk::IntakeService& intake_;
    const Clock& clock_;
};

}  // namespace rapport::app
