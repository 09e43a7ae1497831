#include "mail/curl_options.hpp"

#include <utility>

namespace rapport::mail::detail {

namespace {

int default_port(Security security, Protocol protocol) {
    if (protocol == Protocol::Imap) return security == Security::Tls ? 993 : 143;
    switch (security) {
        case Security::Tls: return 465;
        case Security::StartTls: return 587;
        case Security::None: return 25;
    }
    return 25;
}

std::string host_for_url(const std::string& host) {
    // An IPv6 literal goes in brackets.
    if (host.find(':') != std::string::npos && host.front() != '[') return "[" + host + "]";
    return host;
}

int port_of(const MailServer& server, Protocol protocol) {
    return server.port > 0 ? server.port : default_port(server.security, protocol);
}

}  // namespace

std::string server_url(const MailServer& server, Protocol protocol) {
    std::string scheme = protocol == Protocol::Imap ? "imap" : "smtp";
    if (server.security == Security::Tls) scheme += "s";
    return scheme + "://" + host_for_url(server.host) + ":" + std::to_string(port_of(server, protocol)) + "/";
}

std::string server_name(const MailServer& server, Protocol protocol) {
    return host_for_url(server.host) + ":" + std::to_string(port_of(server, protocol));
}

bool apply_server_options(CURL* handle, const MailServer& server, Protocol protocol, char* error_buffer) {
    const std::string url = server_url(server, protocol);
    const long seconds = static_cast<long>(server.timeout.count() > 0 ? server.timeout.count() : 30);
    bool ok = curl_easy_setopt(handle, CURLOPT_URL, url.c_str()) == CURLE_OK;
    ok = ok && curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_buffer) == CURLE_OK;
    ok = ok && curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L) == CURLE_OK;
    ok = ok && curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, seconds) == CURLE_OK;
    ok = ok && curl_easy_setopt(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, seconds) == CURLE_OK;
    // Only the mail protocols, so a crafted host can never turn this into another kind of request.
    ok = ok && curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "imap,imaps,smtp,smtps") == CURLE_OK;
    const long use_ssl = server.security == Security::None ? CURLUSESSL_NONE : CURLUSESSL_ALL;
    ok = ok && curl_easy_setopt(handle, CURLOPT_USE_SSL, use_ssl) == CURLE_OK;
    ok = ok && curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, server.verify_certificate ? 1L : 0L) == CURLE_OK;
    ok = ok && curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, server.verify_certificate ? 2L : 0L) == CURLE_OK;
    if (!server.ca_file.empty())
        ok = ok && curl_easy_setopt(handle, CURLOPT_CAINFO, server.ca_file.c_str()) == CURLE_OK;
    if (!server.username.empty()) {
        ok = ok && curl_easy_setopt(handle, CURLOPT_USERNAME, server.username.c_str()) == CURLE_OK;
        ok = ok && curl_easy_setopt(handle, CURLOPT_PASSWORD, server.password.c_str()) == CURLE_OK;
    }
    return ok;
}

std::string failure_reason(CURLcode code) {
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT:
        case CURLE_URL_MALFORMAT: return "unreachable";
        case CURLE_OPERATION_TIMEDOUT: return "timeout";
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_SHUTDOWN_FAILED:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_USE_SSL_FAILED: return "tls";
        case CURLE_LOGIN_DENIED:
        case CURLE_AUTH_ERROR: return "authentication";
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING: return "connection_lost";
        default: return "protocol";
    }
}

Error server_error(ErrorCode code, std::string reason, std::string detail, const MailServer& server,
                   Protocol protocol) {
    Error error(code, std::move(detail));
    error.args = {{"reason", std::move(reason)}, {"server", server_name(server, protocol)}};
    return error;
}

Error connection_error(CURLcode code, const char* error_buffer, const MailServer& server, Protocol protocol) {
    const std::string name = server_name(server, protocol);
    const std::string reason = failure_reason(code);
    std::string words = error_buffer != nullptr && error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
    std::string what;
    if (reason == "unreachable") {
        what = "cannot reach the mail server " + name;
    } else if (reason == "timeout") {
        what = "the mail server " + name + " did not answer in time";
    } else if (reason == "tls") {
        what = "the secure (TLS) connection to " + name + " failed";
    } else if (reason == "authentication") {
        what =
            "the mail server " + name + " refused the login of " + server.username + " (wrong user name or password?)";
    } else if (reason == "connection_lost") {
        what = "the connection to the mail server " + name + " was lost";
    } else {
        what = "the mail server " + name + " answered in an unexpected way";
    }
    const ErrorCode error_code = reason == "authentication" ? ErrorCode::Unauthenticated : ErrorCode::Unavailable;
    return server_error(error_code, reason, what + ": " + words, server, protocol);
}

}  // namespace rapport::mail::detail
