#include "mail/smtp_sender.hpp"

#include <algorithm>
#include <cstring>

#include "mail/curl_options.hpp"
#include "mail/mail_library.hpp"

namespace rapport::mail {

using detail::CurlHandle;
using detail::CurlList;
using detail::Protocol;

namespace {

struct Upload {
    std::string_view rest;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const std::size_t n = std::min(size * count, upload->rest.size());
    std::memcpy(buffer, upload->rest.data(), n);
    upload->rest.remove_prefix(n);
    return n;
}

// The server's replies, for SendResult::detail: the last one, and the last refusal (4xx/5xx),
// which a failed transaction's closing "221 Bye" must not hide.
struct Replies {
    std::string last;
    std::string refusal;
};

int record_reply(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
    if (type != CURLINFO_HEADER_IN) return 0;
    std::string line(data, size);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.empty()) return 0;
    auto* replies = static_cast<Replies*>(user);
    if (line[0] == '4' || line[0] == '5') replies->refusal = line;
    replies->last = std::move(line);
    return 0;
}

// An envelope address must not be able to end the SMTP command it is written into.
bool safe_address(const std::string& address) {
    if (address.empty()) return false;
    return std::none_of(address.begin(), address.end(),
                        [](char c) { return c == '\r' || c == '\n' || c == '\0' || c == '<' || c == '>' || c == ' '; });
}

bool has_bare_lf(std::string_view raw) {
    for (std::size_t i = raw.find('\n'); i != std::string_view::npos; i = raw.find('\n', i + 1)) {
        if (i == 0 || raw[i - 1] != '\r') return true;
    }
    return false;
}

// SMTP wants CRLF line ends; a bare LF becomes CRLF (many servers refuse bare LFs, and curl
// sends the bytes as they are).
std::string with_crlf(std::string_view raw) {
    std::string out;
    out.reserve(raw.size() + raw.size() / 32);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) out += '\r';
        out += raw[i];
    }
    return out;
}

std::string angle(const std::string& address) {
    if (!address.empty() && address.front() == '<') return address;
    return "<" + address + ">";
}

}  // namespace

SendResult send_mail(const MailServer& server, const std::string& envelope_from,
                     const std::vector<std::string>& recipients, std::string_view raw_message) {
    ensure_mail_libraries();
    if (recipients.empty()) return {SendFailure::Permanent, "no recipients"};
    if (!envelope_from.empty() && !safe_address(envelope_from)) {
        return {SendFailure::Permanent, "invalid sender address: " + envelope_from};
    }
    for (const std::string& rcpt : recipients) {
        if (!safe_address(rcpt)) return {SendFailure::Permanent, "invalid recipient address: " + rcpt};
    }
    // Only copied when it has a bare LF; a CRLF message goes out from the caller's buffer.
    std::string normalised;
    const bool bare_lf = has_bare_lf(raw_message);
    if (bare_lf) {
        normalised = with_crlf(raw_message);
        raw_message = normalised;
    }
    CurlHandle handle(curl_easy_init());
    if (!handle) return {SendFailure::Transient, "libcurl could not create a handle"};
    char error_buffer[CURL_ERROR_SIZE] = {};
    Replies replies;
    Upload upload{raw_message};
    const std::string from = angle(envelope_from);
    curl_slist* list = nullptr;
    for (const std::string& rcpt : recipients) {
        curl_slist* grown = curl_slist_append(list, angle(rcpt).c_str());
        if (grown == nullptr) {
            curl_slist_free_all(list);
            return {SendFailure::Transient, "out of memory"};
        }
        list = grown;
    }
    CurlList rcpt_list(list);
    CURL* h = handle.get();
    bool ok = detail::apply_server_options(h, server, Protocol::Smtp, error_buffer);
    ok = ok && curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str()) == CURLE_OK;
    ok = ok && curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt_list.get()) == CURLE_OK;
    ok = ok && curl_easy_setopt(h, CURLOPT_UPLOAD, 1L) == CURLE_OK;
    ok = ok && curl_easy_setopt(h, CURLOPT_READFUNCTION, &read_upload) == CURLE_OK;
    ok = ok && curl_easy_setopt(h, CURLOPT_READDATA, &upload) == CURLE_OK;
    ok = ok && curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(raw_message.size())) == CURLE_OK;
    // The reply lines come through the debug callback, which needs VERBOSE (it prints nothing:
    // the callback takes the output).
    ok = ok && curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, &record_reply) == CURLE_OK;
    ok = ok && curl_easy_setopt(h, CURLOPT_DEBUGDATA, &replies) == CURLE_OK;
    ok = ok && curl_easy_setopt(h, CURLOPT_VERBOSE, 1L) == CURLE_OK;
    if (!ok) return {SendFailure::Transient, "libcurl refused an SMTP option"};

    const CURLcode code = curl_easy_perform(h);
    if (code == CURLE_OK) return {SendFailure::None, replies.last};
    long reply_code = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply_code);
    const std::string curl_words = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
    // A refused login is the mailbox's settings, not the message: once an admin fixes them the
    // same message goes out, so it stays queued.
    const bool login = code == CURLE_LOGIN_DENIED || code == CURLE_AUTH_ERROR;
    if (reply_code >= 500 && reply_code < 600 && !login) {
        return {SendFailure::Permanent, replies.refusal.empty() ? curl_words : replies.refusal};
    }
    const Error error = detail::connection_error(code, error_buffer, server, Protocol::Smtp);
    std::string detail = error.detail;
    if (!replies.refusal.empty()) detail += " (" + replies.refusal + ")";
    return {SendFailure::Transient, detail};
}

Status test_smtp(const MailServer& server) {
    ensure_mail_libraries();
    CurlHandle handle(curl_easy_init());
    if (!handle) return fail(Error::internal("libcurl could not create a handle"));
    char error_buffer[CURL_ERROR_SIZE] = {};
    if (!detail::apply_server_options(handle.get(), server, Protocol::Smtp, error_buffer) ||
        curl_easy_setopt(handle.get(), CURLOPT_CONNECT_ONLY, 1L) != CURLE_OK) {
        return fail(Error::internal("libcurl refused an SMTP option"));
    }
    // CONNECT_ONLY on an SMTP URL: connect, EHLO, STARTTLS when asked, AUTH when a user is set.
    const CURLcode code = curl_easy_perform(handle.get());
    if (code != CURLE_OK) return fail(detail::connection_error(code, error_buffer, server, Protocol::Smtp));
    return {};
}

}  // namespace rapport::mail
