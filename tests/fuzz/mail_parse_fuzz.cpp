// parse_mail on arbitrary bytes: no memory error or leak (GObject references included), and
// what it accepts keeps its promises: every text is valid UTF-8, a message always has an id and
// gets the same one again, a kept attachment holds exactly its size in bytes.
#include <glib.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "mail/parsed_mail.hpp"

using namespace rapport::mail;

namespace {

bool utf8(const std::string& s) {
    return g_utf8_validate(s.data(), static_cast<gssize>(s.size()), nullptr) != FALSE;
}

bool utf8(const MailAddress& a) {
    return utf8(a.name) && utf8(a.email);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    ParseOptions options;
    options.max_attachment_bytes = 512;  // both sides of the limit within -max_len
    auto mail = parse_mail(input, options);
    if (!mail) {
        RAPPORT_FUZZ_CHECK(!mail.error().detail.empty());
        return 0;
    }
    RAPPORT_FUZZ_CHECK(!mail->message_id.empty() && utf8(mail->message_id));
    RAPPORT_FUZZ_CHECK(utf8(mail->subject) && utf8(mail->text) && utf8(mail->html));
    if (mail->from) RAPPORT_FUZZ_CHECK(utf8(*mail->from));
    for (const auto& a : mail->to) RAPPORT_FUZZ_CHECK(utf8(a));
    for (const auto& a : mail->cc) RAPPORT_FUZZ_CHECK(utf8(a));
    for (const auto& id : mail->references) RAPPORT_FUZZ_CHECK(!id.empty() && utf8(id));
    for (const auto& w : mail->warnings) RAPPORT_FUZZ_CHECK(!w.empty() && utf8(w));
    for (const auto& a : mail->attachments) {
        RAPPORT_FUZZ_CHECK(utf8(a.filename) && utf8(a.content_type) && utf8(a.content_id));
        if (a.rejected_reason.empty()) {
            RAPPORT_FUZZ_CHECK(static_cast<std::int64_t>(a.data.size()) == a.size);
        } else {
            RAPPORT_FUZZ_CHECK(a.data.empty() && a.size > options.max_attachment_bytes);
        }
    }
    RAPPORT_FUZZ_CHECK(mail->delivery_report.has_value() == (mail->auto_kind == AutoKind::DeliveryReport));
    if (const auto& r = mail->delivery_report) {
        RAPPORT_FUZZ_CHECK(utf8(r->action) && utf8(r->status) && utf8(r->recipient) && utf8(r->diagnostic) &&
                           utf8(r->original_message_id));
    }
    auto again = parse_mail(input, options);
    RAPPORT_FUZZ_CHECK(again && again->message_id == mail->message_id);
    return 0;
}
