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

// Keeps the server's last reply line, for SendResult::detail.
int record_reply(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
    if (type != CURLINFO_HEADER_IN) return 0;
    std::string line(data, size);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) *static_cast<std::string*>(user) = std::move(line);
    return 0;
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
    CurlHandle handle(curl_easy_init());
    if (!handle) return {SendFailure::Transient, "libcurl could not create a handle"};
    char error_buffer[CURL_ERROR_SIZE] = {};
    std::string last_reply;
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
    ok = ok && curl_easy_setopt(h, CURLOPT_DEBUGDATA, &last_reply) == CURLE_OK;
    ok = ok && curl_easy_setopt(h, CURLOPT_VERBOSE, 1L) == CURLE_OK;
    if (!ok) return {SendFailure::Transient, "libcurl refused an SMTP option"};

    const CURLcode code = curl_easy_perform(h);
    if (code == CURLE_OK) return {SendFailure::None, last_reply};
    long reply_code = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply_code);
    const std::string curl_words = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
    // A refused login is the mailbox's settings, not the message: once an admin fixes them the
    // same message goes out, so it stays queued.
    const bool login = code == CURLE_LOGIN_DENIED || code == CURLE_AUTH_ERROR;
    if (reply_code >= 500 && reply_code < 600 && !login) {
        return {SendFailure::Permanent, last_reply.empty() ? curl_words : last_reply};
    }
    const Error error = detail::connection_error(code, error_buffer, server, Protocol::Smtp);
    std::string detail = error.detail;
    if (reply_code >= 400 && !last_reply.empty()) detail += " (" + last_reply + ")";
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
