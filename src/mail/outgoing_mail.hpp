#pragma once
// Composing a plain-text mail (a reply) with GMime: RFC 5322 headers with RFC 2047-encoded
// non-ASCII, a UTF-8 text/plain body in quoted-printable or base64 (GMime chooses), CRLF line
// ends, ready for SMTP. Pure functions, thread-safe.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "mail/mail_address.hpp"

namespace rapport::mail {

struct OutgoingMail {
    MailAddress from;
    std::vector<MailAddress> to, cc;
    std::string subject;                               // UTF-8
    std::string text;                                  // UTF-8 plain text body; LF or CRLF line ends
    std::string message_id;                            // without <>; the caller makes it (make_message_id)
    std::vector<std::string> in_reply_to, references;  // ids without <>
    UnixMillis date = 0;                               // 0: the current time
    std::vector<std::pair<std::string, std::string>> extra_headers;  // {"Auto-Submitted", "auto-generated"}
};

// The message as RFC 5322 bytes with CRLF line ends. Line breaks inside header values and
// names are replaced by spaces (no header injection).
std::string compose_mail(const OutgoingMail& mail);

// A new globally unique Message-ID "<random>@<domain>" without the <>: 144 random bits from
// libsodium, URL-safe base64.
std::string make_message_id(std::string_view domain);

}  // namespace rapport::mail
