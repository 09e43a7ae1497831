#include "mail/made_up_message_id.hpp"

#include <glib.h>

#include <memory>

namespace rapport::mail {
namespace {

constexpr std::size_t kBodyBytes = 4096;

std::string without_cr(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        if (c != '\r') out += c;
    return out;
}

struct ChecksumFree {
    void operator()(GChecksum* c) const { g_checksum_free(c); }
};

}  // namespace

std::string made_up_message_id(const MadeUpIdInput& input) {
    std::string text;
    for (auto [name, value] : {std::pair{"Date", input.date}, std::pair{"From", input.from}, std::pair{"To", input.to},
                               std::pair{"Subject", input.subject}}) {
        text += name;
        text += ": ";
        text += without_cr(value);
        text += '\n';
    }
    text += '\n';
    // Enough raw bytes that 4 KB remain once the carriage returns are gone.
    std::string body = without_cr(input.body.substr(0, 2 * kBodyBytes));
    text += std::string_view(body).substr(0, kBodyBytes);

    std::unique_ptr<GChecksum, ChecksumFree> sha(g_checksum_new(G_CHECKSUM_SHA256));
    g_checksum_update(sha.get(), reinterpret_cast<const guchar*>(text.data()), static_cast<gssize>(text.size()));
    return "rapport-" + std::string(g_checksum_get_string(sha.get())) + "@rapport.invalid";
}

std::string_view raw_body(std::string_view raw) {
    std::size_t lf = raw.find("\n\n");
    std::size_t crlf = raw.find("\n\r\n");
    if (lf == std::string_view::npos && crlf == std::string_view::npos) return {};
    if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf < lf)) return raw.substr(crlf + 3);
    return raw.substr(lf + 2);
}

}  // namespace rapport::mail
