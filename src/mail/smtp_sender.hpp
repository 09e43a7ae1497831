#pragma once
// Sending mail over SMTP (RFC 5321) through libcurl, in raw message bytes (outgoing_mail.hpp
// composes them). docs/adr/0007-mail-transport.md explains the retry classification.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "mail/mail_server.hpp"

namespace rapport::mail {

// Transient: worth retrying later (no connection, timeout, TLS or login trouble, a 4xx reply);
// Permanent: the server rejected the message or a recipient with a 5xx reply, so sending the
// same message again would fail the same way.
enum class SendFailure { None, Transient, Permanent };

struct SendResult {
    SendFailure failure = SendFailure::None;
    std::string detail;  // the server's last reply ("250 2.0.0 queued as …", "550 5.1.1 …") or libcurl's error
    bool ok() const { return failure == SendFailure::None; }
};

// Sends `raw_message` (CRLF line endings; curl does the dot-stuffing) from `envelope_from` to
// every address of `recipients` in one SMTP transaction. The server must accept every
// recipient: one refused recipient fails the whole send (nobody gets a partial reply).
// Authenticates when server.username is set. Blocks up to about server.timeout per reply.
// Thread-safe (each call has its own connection).
SendResult send_mail(const MailServer& server, const std::string& envelope_from,
                     const std::vector<std::string>& recipients, std::string_view raw_message);

// Connects, says EHLO, and logs in when server.username is set: the settings screen's "test"
// button. Errors carry args {"reason", ...} like the IMAP client's (imap_client.hpp).
Status test_smtp(const MailServer& server);

}  // namespace rapport::mail
