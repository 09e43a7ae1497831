#pragma once
// Where a mailbox lives: the address and credentials of an IMAP or SMTP server. A plain value;
// the transport (imap_client.hpp, smtp_sender.hpp) turns it into libcurl options
// (docs/adr/0007-mail-transport.md).
#include <chrono>
#include <string>

namespace rapport::mail {

// How the connection is protected. Tls is implicit TLS from the first byte (imaps, port 993;
// smtps, port 465); StartTls upgrades a plain connection and refuses to go on without TLS
// (imap 143, submission 587); None sends everything, password included, in clear text.
enum class Security { Tls, StartTls, None };

struct MailServer {
    std::string host;
    int port = 0;  // 0: the protocol's default for `security`
    Security security = Security::Tls;
    std::string username;  // empty: no login (SMTP only; IMAP always logs in)
    std::string password;
    bool verify_certificate = true;    // false accepts any certificate (tests with a self-signed one)
    std::string ca_file;               // optional CA bundle (PEM) to verify the server against
    std::chrono::seconds timeout{30};  // for connecting and for each server reply
};

}  // namespace rapport::mail
