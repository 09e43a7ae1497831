#pragma once
// Parsing one raw mail message (RFC 5322 + MIME) into what the service desk needs: who wrote,
// to whom, how it threads, its text and HTML in UTF-8, its attachments, and whether a machine
// wrote it (an auto-reply or a delivery report). GMime 3 does the MIME work
// (docs/adr/0006-mail-libraries.md); this layer adds the repairs real mail needs and says
// what it repaired in `warnings`.
//
// Pure function of its input: the same bytes always give the same ParsedMail (the made-up
// Message-ID included). Thread-safe: each call builds its own GMime objects.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "mail/mail_address.hpp"

namespace rapport::mail {

// Who (or what) wrote the message. Neither kind may create or reopen a conversation.
enum class AutoKind {
    None,
    AutoReply,       // RFC 3834 Auto-Submitted other than "no", X-Autoreply, X-Autorespond,
                     // Precedence auto_reply/bulk/junk, a read receipt (disposition notification)
    DeliveryReport,  // a bounce: multipart/report, or a mailer-daemon/postmaster returning a message
};

// The interesting fields of a delivery status notification (RFC 3464). For a bounce that is not
// a multipart/report (an old-style mailer-daemon text), `action` is "failed" and the rest is
// what could be found: the returned message's id, X-Failed-Recipients.
struct DeliveryReport {
    std::string action;               // "failed", "delayed", "delivered", "relayed", "expanded"
    std::string status;               // "5.1.1"
    std::string recipient;            // Original-Recipient, else Final-Recipient, lower-cased, no "rfc822;"
    std::string diagnostic;           // Diagnostic-Code without its type ("550 5.1.1 user unknown")
    std::string original_message_id;  // Message-ID of the returned message, without <>; empty if none
};

struct MailAttachment {
    std::string filename;         // decoded from RFC 2231 / RFC 2047; empty when the part names none
    std::string content_type;     // "image/png", lower-case, no parameters
    std::string content_id;       // without <>; empty if none
    bool is_inline = false;       // a Content-ID and a disposition other than "attachment" (an inline image)
    std::int64_t size = 0;        // decoded size in bytes
    std::string data;             // decoded bytes; EMPTY when rejected
    std::string rejected_reason;  // non-empty when over ParseOptions::max_attachment_bytes
};

struct ParsedMail {
    // Without <>. When the mail has none: "rapport-<hex sha256 of Date, From, To, Subject and the
    // first 4 KB of body>@rapport.invalid", the same for the same raw mail.
    std::string message_id;
    bool message_id_made_up = false;
    std::vector<std::string> in_reply_to;  // ids without <>
    std::vector<std::string> references;   // ids without <>, in order
    std::string subject;                   // decoded (RFC 2047), UTF-8
    std::optional<MailAddress> from;
    std::optional<MailAddress> reply_to;
    std::vector<MailAddress> to, cc;
    std::optional<UnixMillis> date;  // from the Date header when parseable
    // The text body in UTF-8 with LF line ends: the inline text/plain part(s) (format=flowed
    // joined back into paragraphs), else text derived from the HTML (tags stripped, entities
    // decoded).
    std::string text;
    std::string html;  // the first inline text/html part in UTF-8 as sent (unsanitised); empty if none
    std::vector<MailAttachment> attachments;  // every other part, inline images included
    AutoKind auto_kind = AutoKind::None;
    std::optional<DeliveryReport> delivery_report;  // set when auto_kind is DeliveryReport
    // What was repaired, in English, each once, at most 50 (the last then says more were left out).
    std::vector<std::string> warnings;
};

struct ParseOptions {
    std::int64_t max_attachment_bytes = 25 * 1024 * 1024;
};

// Parses `raw`. Fails (ErrorCode::Validation, an English reason fit for a quarantine, e.g.
// "not a mail message: no header block") only when the bytes are not a mail message at all:
// empty input, no header block, or none of From, Message-ID and Date. Everything GMime can
// repair (broken boundaries, bad base64, wrong charsets) is parsed with a warning.
Result<ParsedMail> parse_mail(std::string_view raw, const ParseOptions& options = {});

}  // namespace rapport::mail
