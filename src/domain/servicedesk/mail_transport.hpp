#pragma once
// What the service desk needs of real mail servers, implemented by the application over
// src/mail (GMime and libcurl): testing a mailbox's settings, and reading again a quarantined
// message. The domain never sees IMAP, SMTP or MIME.
#include "core/error.hpp"
#include "domain/servicedesk/inbound_message.hpp"
#include "domain/servicedesk/mailbox.hpp"
#include "domain/servicedesk/mailbox_repository.hpp"

namespace rapport::domain::servicedesk {

class MailTransport {
public:
    virtual ~MailTransport() = default;
    // Logs in and opens the folder; the error says what failed (address, TLS, password, folder).
    virtual Status test_imap(const Mailbox& mailbox) = 0;
    // Connects and greets (and authenticates when a user is set).
    virtual Status test_smtp(const Mailbox& mailbox) = 0;
    // Parses a quarantined source again and hands it to intake; fails with the reason when it
    // still cannot be read.
    virtual Result<IntakeResult> reprocess(const Mailbox* mailbox, const QuarantinedMail& mail) = 0;
};

}  // namespace rapport::domain::servicedesk
