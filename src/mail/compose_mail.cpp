#include <string>

#include "core/crypto.hpp"
#include "mail/gmime_handles.hpp"
#include "mail/mail_library.hpp"
#include "mail/outgoing_mail.hpp"

namespace rapport::mail {
namespace {

using gmime::as;
using gmime::GObjectPtr;

// Header values never carry a line break of their own: GMime folds them where it must.
std::string one_line(std::string_view value) {
    std::string out(value);
    for (char& c : out)
        if (c == '\r' || c == '\n') c = ' ';
    return out;
}

// A header name is printable ASCII without a colon (RFC 5322 §2.2).
std::string header_name(std::string_view name) {
    std::string out;
    for (char c : name)
        if (c > 32 && c < 127 && c != ':') out += c;
    return out;
}

std::string bare_id(std::string_view id) {
    id = gmime::trim(id);
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    return one_line(id);
}

std::string id_list(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) {
        std::string bare = bare_id(id);
        if (bare.empty()) continue;
        if (!out.empty()) out += ' ';
        out += "<" + bare + ">";
    }
    return out;
}

void add_mailbox(GMimeMessage* message, GMimeAddressType type, const MailAddress& address) {
    std::string name = one_line(address.name);
    std::string email = one_line(gmime::trim(address.email));
    g_mime_message_add_mailbox(message, type, name.empty() ? nullptr : name.c_str(), email.c_str());
}

// LF line ends in; GMime writes them as CRLF on the way out.
std::string unix_newlines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

std::string compose_mail(const OutgoingMail& mail) {
    ensure_mail_libraries();
    GObjectPtr<GMimeMessage> message(g_mime_message_new(TRUE));
    auto* object = as<GMimeObject>(message.get());
    add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, mail.from);
    for (const MailAddress& to : mail.to) add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, to);
    for (const MailAddress& cc : mail.cc) add_mailbox(message.get(), GMIME_ADDRESS_TYPE_CC, cc);
    g_mime_message_set_subject(message.get(), one_line(mail.subject).c_str(), "utf-8");

    UnixMillis millis = mail.date != 0 ? mail.date : SystemClock().now_ms();
    GDateTime* date = g_date_time_new_from_unix_utc(millis / 1000);
    g_mime_message_set_date(message.get(), date);
    g_date_time_unref(date);

    if (std::string id = bare_id(mail.message_id); !id.empty())
        g_mime_message_set_message_id(message.get(), id.c_str());
    if (std::string ids = id_list(mail.in_reply_to); !ids.empty())
        g_mime_object_set_header(object, "In-Reply-To", ids.c_str(), nullptr);
    if (std::string ids = id_list(mail.references); !ids.empty())
        g_mime_object_set_header(object, "References", ids.c_str(), nullptr);
    for (const auto& [name, value] : mail.extra_headers) {
        std::string clean = header_name(name);
        if (!clean.empty()) g_mime_object_append_header(object, clean.c_str(), one_line(value).c_str(), "utf-8");
    }

    GObjectPtr<GMimeTextPart> body(g_mime_text_part_new_with_subtype("plain"));
    g_mime_text_part_set_charset(body.get(), "utf-8");
    g_mime_text_part_set_text(body.get(), unix_newlines(mail.text).c_str());
    // Quoted-printable for mostly-ASCII text, base64 otherwise: 7-bit safe for any SMTP server.
    g_mime_object_encode(as<GMimeObject>(body.get()), GMIME_ENCODING_CONSTRAINT_7BIT);
    g_mime_message_set_mime_part(message.get(), as<GMimeObject>(body.get()));

    gmime::FormatOptionsPtr format(g_mime_format_options_new());
    g_mime_format_options_set_newline_format(format.get(), GMIME_NEWLINE_FORMAT_DOS);
    return gmime::take(g_mime_object_to_string(object, format.get()));
}

std::string make_message_id(std::string_view domain) {
    crypto::initialize();
    std::string host(gmime::trim(domain));
    if (host.empty()) host = "localhost";
    return crypto::random_token(18) + "@" + host;
}

}  // namespace rapport::mail
