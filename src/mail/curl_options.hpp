#pragma once
// Internal to the mail layer: what IMAP and SMTP share when they talk through libcurl — the
// URL of a server, the options that carry a MailServer (TLS, certificate checks, credentials,
// timeouts), and the translation of a failed connection into an Error whose English detail
// names the cause. Not part of the layer's interface.
#include <curl/curl.h>

#include <memory>
#include <string>

#include "core/error.hpp"
#include "mail/mail_server.hpp"

namespace rapport::mail::detail {

struct CurlDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;

struct CurlListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using CurlList = std::unique_ptr<curl_slist, CurlListDeleter>;

enum class Protocol { Imap, Smtp };

// "imaps://host:993/" and the like; the port defaults by protocol and security.
std::string server_url(const MailServer& server, Protocol protocol);

// Where the server is, as people write it: "mail.example.com:993".
std::string server_name(const MailServer& server, Protocol protocol);

// Sets URL, TLS (required for StartTls), certificate checks, credentials and timeouts on a
// fresh easy handle, plus `error_buffer` (CURL_ERROR_SIZE bytes, owned by the caller).
// Returns false when libcurl refuses an option (an old libcurl).
bool apply_server_options(CURL* handle, const MailServer& server, Protocol protocol, char* error_buffer);

// Why a connection failed, as a short stable word the application maps to its own messages:
// "unreachable", "timeout", "tls", "authentication", "folder_missing", "connection_lost",
// "protocol". Every Error this layer returns about a server carries it in its args as
// {"reason", ...}, with {"server", "host:port"}.
std::string failure_reason(CURLcode code);

// An Error for a failed libcurl call: ErrorCode Unauthenticated for a refused login,
// Unavailable otherwise; the detail says, in English, what failed and libcurl's words for it.
Error connection_error(CURLcode code, const char* error_buffer, const MailServer& server, Protocol protocol);

// An Error with a reason of this layer's own (a missing folder, a server's NO).
Error server_error(ErrorCode code, std::string reason, std::string detail, const MailServer& server, Protocol protocol);

}  // namespace rapport::mail::detail
