#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "mail/auto_reply.hpp"
#include "mail/delivery_report.hpp"
#include "mail/flowed_text.hpp"
#include "mail/gmime_handles.hpp"
#include "mail/html_text.hpp"
#include "mail/made_up_message_id.hpp"
#include "mail/mail_library.hpp"
#include "mail/parsed_mail.hpp"
#include "mail/text_decoding.hpp"

namespace rapport::mail {
namespace {

using gmime::as;
using gmime::GObjectPtr;
using gmime::is_a;
using gmime::str;

// Each warning once; a hostile mail cannot make the list long.
void warn(std::vector<std::string>& warnings, std::string text) {
    constexpr std::size_t kMaxWarnings = 50;
    static const std::string kMore = "more problems not listed";
    if (std::find(warnings.begin(), warnings.end(), text) != warnings.end()) return;
    if (warnings.size() + 1 < kMaxWarnings) {
        warnings.push_back(std::move(text));
    } else if (warnings.size() + 1 == kMaxWarnings) {
        warnings.push_back(kMore);
    }
}

// A parser's item (a header name, a subtype) fit for a warning: printable ASCII, short.
std::string printable(const char* item) {
    std::string out;
    for (const char* p = item; p != nullptr && *p != '\0' && out.size() < 60; ++p)
        if (*p >= 0x20 && *p < 0x7F) out += *p;
    return out;
}

std::string describe(GMimeParserWarning code, const char* item) {
    switch (code) {
        case GMIME_WARN_DUPLICATED_HEADER: return "repeated header " + printable(item);
        case GMIME_WARN_DUPLICATED_PARAMETER: return "repeated header parameter " + printable(item);
        case GMIME_WARN_UNENCODED_8BIT_HEADER: return "header " + printable(item) + " has unencoded 8-bit characters";
        case GMIME_WARN_INVALID_CONTENT_TYPE: return "invalid Content-Type read as application/octet-stream";
        case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE: return "invalid RFC 2047 encoded word in a header";
        case GMIME_WARN_MALFORMED_MULTIPART:
            return "broken multipart boundary: a multipart/" + printable(item) + " ends at its parent's boundary";
        case GMIME_WARN_TRUNCATED_MESSAGE: return "broken multipart boundary: the closing boundary is missing";
        case GMIME_WARN_MALFORMED_MESSAGE: return "malformed message";
        case GMIME_CRIT_INVALID_HEADER_NAME: return "invalid header name";
        case GMIME_CRIT_CONFLICTING_HEADER: return "conflicting header " + printable(item);
        case GMIME_CRIT_CONFLICTING_PARAMETER: return "conflicting header parameter " + printable(item);
        case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
            return "broken multipart boundary: a multipart/" + printable(item) + " has no boundary parameter";
        case GMIME_WARN_INVALID_PARAMETER: return "invalid header parameter";
        case GMIME_WARN_INVALID_ADDRESS_LIST: return "invalid address list";
        case GMIME_CRIT_NESTING_OVERFLOW: return "MIME parts nested too deep: the deepest were kept unparsed";
        case GMIME_WARN_PART_WITHOUT_CONTENT: return "broken multipart boundary: a part's headers end at a boundary";
        case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT: return "a MIME part has neither headers nor content";
    }
    return "MIME problem " + std::to_string(static_cast<int>(code));
}

// GMime calls this while parsing and while decoding headers later; it must not throw into C.
void on_parser_warning(gint64 /*offset*/, GMimeParserWarning code, const gchar* item, gpointer user_data) {
    try {
        warn(*static_cast<std::vector<std::string>*>(user_data), describe(code, item));
    } catch (...) {  // NOLINT(bugprone-empty-catch): out of memory; the warning is lost, not the mail
    }
}

std::string normalise_newlines(std::string text) {
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

std::vector<MailAddress> mailboxes(InternetAddressList* list) {
    std::vector<MailAddress> out;
    if (list == nullptr) return out;
    for (int i = 0; i < internet_address_list_length(list); ++i) {
        InternetAddress* address = internet_address_list_get_address(list, i);
        if (is_a(address, INTERNET_ADDRESS_TYPE_MAILBOX)) {
            auto* mailbox = as<InternetAddressMailbox>(address);
            std::string email = gmime::lower_ascii(gmime::trim(str(internet_address_mailbox_get_addr(mailbox))));
            if (email.empty()) continue;
            out.push_back({valid_utf8(gmime::trim(str(internet_address_get_name(address)))), valid_utf8(email)});
        } else if (is_a(address, INTERNET_ADDRESS_TYPE_GROUP)) {
            auto members = mailboxes(internet_address_group_get_members(as<InternetAddressGroup>(address)));
            out.insert(out.end(), members.begin(), members.end());
        }
    }
    return out;
}

std::optional<MailAddress> first_mailbox(InternetAddressList* list) {
    auto all = mailboxes(list);
    if (all.empty()) return std::nullopt;
    return all.front();
}

std::vector<std::string> message_ids(GMimeParserOptions* options, const std::string& value) {
    std::vector<std::string> ids;
    if (value.empty()) return ids;
    GMimeReferences* refs = g_mime_references_parse(options, value.c_str());
    if (refs == nullptr) return ids;
    for (int i = 0; i < g_mime_references_length(refs); ++i) {
        std::string id = valid_utf8(str(g_mime_references_get_message_id(refs, i)));
        if (!id.empty()) ids.push_back(std::move(id));
    }
    g_mime_references_free(refs);
    return ids;
}

std::string raw_header(GMimeObject* object, const char* name) {
    GMimeHeader* header = g_mime_header_list_get_header(g_mime_object_get_header_list(object), name);
    return header == nullptr ? std::string() : std::string(gmime::trim(str(g_mime_header_get_raw_value(header))));
}

bool base64_is_valid(std::string_view encoded) {
    std::size_t count = 0, padding = 0;
    for (char c : encoded) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        if (c == '=') {
            ++padding;
            ++count;
            continue;
        }
        bool alphabet =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
        if (!alphabet || padding > 0) return false;  // a stray character, or data after the padding
        ++count;
    }
    return count % 4 == 0 && padding <= 2;
}

// The id of a message another program returned, given its headers as text (text/rfc822-headers).
std::string message_id_of_headers(std::string_view headers) {
    std::string text(headers);
    text += "\n\n";
    auto stream = gmime::memory_stream(text);
    GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
    return message ? valid_utf8(str(g_mime_message_get_message_id(message.get()))) : std::string();
}

// A "Message-ID:" line in a bounce's text, where old mailer-daemons quote the returned message.
std::string message_id_in_text(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        pos = end == std::string_view::npos ? text.size() : end + 1;
        std::size_t start = line.find_first_not_of(" \t>");
        if (start == std::string_view::npos) continue;
        line.remove_prefix(start);
        if (line.size() > 11 && gmime::lower_ascii(line.substr(0, 11)) == "message-id:") {
            std::string value(gmime::trim(line.substr(11)));
            std::string id = gmime::take(g_mime_utils_decode_message_id(value.c_str()));
            if (!id.empty()) return valid_utf8(id);
        }
    }
    return {};
}

// A file name for a forwarded message: its subject, without path separators, and ".eml".
std::string file_name_from(std::string_view subject) {
    std::string name = valid_utf8(gmime::trim(subject).substr(0, 100));
    for (char& c : name)
        if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = '_';
    return name.empty() ? std::string() : name + ".eml";
}

// "type/subtype", lower-case, without parameters.
std::string mime_type(GMimeObject* object) {
    GMimeContentType* type = g_mime_object_get_content_type(object);
    return valid_utf8(gmime::lower_ascii(str(g_mime_content_type_get_media_type(type))) + "/" +
                      gmime::lower_ascii(str(g_mime_content_type_get_media_subtype(type))));
}

struct Walk {
    const ParseOptions& options;
    ParsedMail& mail;
    std::vector<std::string>& warnings;
    int leaf = 0;                  // parts numbered depth-first from 1, for warnings
    bool report = false;           // a multipart/report was seen
    std::string report_type = {};  // its report-type, lower-case
    std::optional<DeliveryReport> delivery_status = {};
    bool returned_message = false;  // a message/rfc822 or text/rfc822-headers part
    std::string returned_message_id = {};

    // Keeps the attachment's bytes when they fit the limit, else says why they were not kept.
    void keep(MailAttachment attachment, std::int64_t size, const std::function<std::string()>& bytes) {
        attachment.size = size;
        if (size > options.max_attachment_bytes) {
            attachment.rejected_reason = "attachment of " + std::to_string(size) + " bytes exceeds the limit of " +
                                         std::to_string(options.max_attachment_bytes) + " bytes";
        } else {
            attachment.data = bytes();
        }
        mail.attachments.push_back(std::move(attachment));
    }

    void message_part(GMimeObject* object) {
        ++leaf;
        GMimeMessage* inner = g_mime_message_part_get_message(as<GMimeMessagePart>(object));
        MailAttachment attachment;
        attachment.content_type = mime_type(object);
        attachment.filename = valid_utf8(str(g_mime_object_get_content_disposition_parameter(object, "filename")));
        returned_message = true;
        std::string data;
        if (inner != nullptr) {
            if (returned_message_id.empty())
                returned_message_id = valid_utf8(str(g_mime_message_get_message_id(inner)));
            // A forwarded mail without a file name is named after its subject.
            if (attachment.filename.empty())
                attachment.filename = file_name_from(str(g_mime_message_get_subject(inner)));
            GObjectPtr<GMimeStream> out(g_mime_stream_mem_new());
            g_mime_object_write_to_stream(as<GMimeObject>(inner), nullptr, out.get());
            data = gmime::bytes_of(out.get());
        }
        if (attachment.filename.empty()) attachment.filename = "message.eml";
        auto size = static_cast<std::int64_t>(data.size());
        keep(std::move(attachment), size, [&data] { return std::move(data); });
    }

    // A text part's bytes in UTF-8 with LF line ends; the repairs become warnings.
    std::string decode(std::string_view bytes, std::string_view charset) {
        std::vector<std::string> repairs;
        std::string text = normalise_newlines(decode_text(bytes, charset, repairs));
        for (std::string& repair : repairs) warn(warnings, std::move(repair));
        return text;
    }

    // Mail clients that put images between paragraphs send several inline text parts: they
    // read as one text.
    static void add_text(std::string& target, std::string text) {
        if (gmime::trim(text).empty()) return;
        if (!target.empty()) target += "\n";
        target += text;
    }

    void leaf_part(GMimeObject* object) {
        int index = ++leaf;
        auto* part = as<GMimePart>(object);
        GMimeContentType* type = g_mime_object_get_content_type(object);
        std::string media = gmime::lower_ascii(str(g_mime_content_type_get_media_type(type)));
        std::string subtype = gmime::lower_ascii(str(g_mime_content_type_get_media_subtype(type)));
        std::string mime = mime_type(object);
        GMimeDataWrapper* content = g_mime_part_get_content(part);
        if (g_mime_part_get_content_encoding(part) == GMIME_CONTENT_ENCODING_BASE64 &&
            !base64_is_valid(gmime::encoded_bytes(content)))
            warn(warnings, "invalid base64 in part " + std::to_string(index) + " (" + mime + ")");

        if (mime == "message/delivery-status" || mime == "message/global-delivery-status") {
            delivery_status = read_delivery_status(gmime::decoded_bytes(content));
        } else if (mime == "text/rfc822-headers") {
            returned_message = true;
            if (returned_message_id.empty()) returned_message_id = message_id_of_headers(gmime::decoded_bytes(content));
        }

        std::string disposition = gmime::lower_ascii(str(g_mime_object_get_disposition(object)));
        std::string filename = valid_utf8(str(g_mime_part_get_filename(part)));
        bool body = media == "text" && (subtype == "plain" || subtype == "html") && disposition != "attachment" &&
                    filename.empty();
        if (body) {
            std::string text =
                decode(gmime::decoded_bytes(content), str(g_mime_object_get_content_type_parameter(object, "charset")));
            std::string format = gmime::lower_ascii(str(g_mime_object_get_content_type_parameter(object, "format")));
            if (subtype == "plain" && format == "flowed") {
                std::string delsp = gmime::lower_ascii(str(g_mime_object_get_content_type_parameter(object, "delsp")));
                text = unflow_text(text, delsp == "yes");
            }
            add_text(subtype == "plain" ? mail.text : mail.html, std::move(text));
            return;
        }
        MailAttachment attachment;
        attachment.filename = filename;
        attachment.content_type = mime;
        attachment.content_id = valid_utf8(str(g_mime_part_get_content_id(part)));
        attachment.is_inline = !attachment.content_id.empty() && disposition != "attachment";
        keep(std::move(attachment), gmime::decoded_size(content), [content] { return gmime::decoded_bytes(content); });
    }

    void visit(GMimeObject* object, int depth) {
        if (object == nullptr || depth > 100) return;
        if (is_a(object, GMIME_TYPE_MULTIPART)) {
            GMimeContentType* type = g_mime_object_get_content_type(object);
            if (g_mime_content_type_is_type(type, "multipart", "report") != FALSE && !report) {
                report = true;
                report_type =
                    gmime::lower_ascii(gmime::trim(str(g_mime_content_type_get_parameter(type, "report-type"))));
            }
            auto* multipart = as<GMimeMultipart>(object);
            int count = g_mime_multipart_get_count(multipart);
            for (int i = 0; i < count; ++i) visit(g_mime_multipart_get_part(multipart, i), depth + 1);
            // A multipart whose boundary never comes (or that names none) leaves GMime all of
            // its content as the prologue: it is the only text there is.
            if (count == 0) add_text(mail.text, decode(str(g_mime_multipart_get_prologue(multipart)), ""));
        } else if (is_a(object, GMIME_TYPE_MESSAGE_PART)) {
            message_part(object);
        } else if (is_a(object, GMIME_TYPE_PART)) {
            leaf_part(object);
        }
    }
};

void classify(GMimeMessage* message, Walk& walk, ParsedMail& mail) {
    auto* object = as<GMimeObject>(message);
    std::string failed_recipients = gmime::header(object, "X-Failed-Recipients");
    bool from_mail_system = mail.from && is_mail_system_address(mail.from->email);
    bool bounce = (walk.report && walk.report_type != "disposition-notification") || walk.delivery_status ||
                  !failed_recipients.empty() ||
                  (from_mail_system && (walk.returned_message || !message_id_in_text(mail.text).empty()));
    if (bounce) {
        mail.auto_kind = AutoKind::DeliveryReport;
        DeliveryReport report = walk.delivery_status.value_or(DeliveryReport{});
        // A bounce that is not RFC 3464 returns the message because it failed.
        if (!walk.delivery_status && report.action.empty()) report.action = "failed";
        if (report.recipient.empty() && !failed_recipients.empty())
            report.recipient =
                gmime::lower_ascii(gmime::trim(failed_recipients.substr(0, failed_recipients.find(','))));
        report.original_message_id = walk.returned_message_id;
        if (report.original_message_id.empty()) report.original_message_id = message_id_in_text(mail.text);
        for (std::string* field : {&report.action, &report.status, &report.recipient, &report.diagnostic})
            *field = valid_utf8(*field);
        mail.delivery_report = std::move(report);
        return;
    }
    // A read receipt (RFC 8098) is a report too, but about a message that arrived.
    if (walk.report || headers_say_auto_reply([object](const char* name) { return gmime::header(object, name); }))
        mail.auto_kind = AutoKind::AutoReply;
}

}  // namespace

Result<ParsedMail> parse_mail(std::string_view raw, const ParseOptions& options) {
    ensure_mail_libraries();
    if (gmime::trim(raw).empty()) return fail(Error::validation("not a mail message: the input is empty"));
    // An mbox "From " separator line is not a header; GMime's message format would stop at it.
    if (raw.starts_with("From ")) {
        std::size_t newline = raw.find('\n');
        raw = newline == std::string_view::npos ? std::string_view() : raw.substr(newline + 1);
    }

    // Declared before the GMime objects so it outlives them: GMime reports while it decodes
    // headers lazily, not only while it parses.
    std::vector<std::string> warnings;
    gmime::ParserOptionsPtr parser_options(g_mime_parser_options_new());
    // Raw 8-bit headers: UTF-8 when valid, else Windows-1252 (a superset of Latin-1).
    const char* fallback_charsets[] = {"utf-8", "windows-1252", nullptr};
    g_mime_parser_options_set_fallback_charsets(parser_options.get(), fallback_charsets);
    g_mime_parser_options_set_warning_callback(parser_options.get(), on_parser_warning, &warnings);

    auto stream = gmime::memory_stream(raw);
    GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), parser_options.get()));
    if (!message) return fail(Error::validation("not a mail message: no header block"));
    auto* object = as<GMimeObject>(message.get());
    if (raw_header(object, "From").empty() && raw_header(object, "Message-ID").empty() &&
        raw_header(object, "Date").empty())
        return fail(Error::validation("not a mail message: no From, Message-ID or Date header"));

    ParsedMail mail;
    mail.message_id = valid_utf8(gmime::trim(str(g_mime_message_get_message_id(message.get()))));
    if (mail.message_id.empty()) {
        mail.message_id = made_up_message_id({raw_header(object, "Date"), raw_header(object, "From"),
                                              raw_header(object, "To"), raw_header(object, "Subject"), raw_body(raw)});
        mail.message_id_made_up = true;
    }
    mail.in_reply_to = message_ids(parser_options.get(), gmime::header(object, "In-Reply-To"));
    mail.references = message_ids(parser_options.get(), gmime::header(object, "References"));
    mail.subject = valid_utf8(gmime::trim(str(g_mime_message_get_subject(message.get()))));
    mail.from = first_mailbox(g_mime_message_get_from(message.get()));
    mail.reply_to = first_mailbox(g_mime_message_get_reply_to(message.get()));
    mail.to = mailboxes(g_mime_message_get_to(message.get()));
    mail.cc = mailboxes(g_mime_message_get_cc(message.get()));
    if (GDateTime* date = g_mime_message_get_date(message.get()); date != nullptr)
        mail.date =
            static_cast<UnixMillis>(g_date_time_to_unix(date)) * 1000 + g_date_time_get_microsecond(date) / 1000;

    Walk walk{options, mail, warnings};
    walk.visit(g_mime_message_get_mime_part(message.get()), 0);
    if (mail.text.empty() && !mail.html.empty()) mail.text = html_to_text(mail.html);
    classify(message.get(), walk, mail);

    // Let GMime go before the warnings are moved: it may still report while it is torn down.
    message.reset();
    parser.reset();
    mail.warnings = std::move(warnings);
    return mail;
}

}  // namespace rapport::mail
