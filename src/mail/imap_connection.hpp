#pragma once
// Internal to the mail layer: one IMAP connection. libcurl connects, speaks TLS (or STARTTLS),
// checks the certificate and logs in (CURLOPT_CONNECT_ONLY); from then on this class speaks
// IMAP4rev1 itself over curl_easy_send/curl_easy_recv: tagged commands, untagged responses,
// literals, and IDLE, which libcurl's own IMAP commands cannot do (docs/adr/0007).
// Not thread-safe.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "mail/curl_options.hpp"
#include "mail/mail_server.hpp"

namespace rapport::mail::detail {

// One response line as the server sent it, with each literal ({n} followed by n bytes) taken
// out of `text` into `literals`, in order; `text` keeps the "{n}" marker where it stood.
struct ImapLine {
    std::string text;
    std::vector<std::string> literals;
};

// The outcome of one tagged command: its untagged lines and the tagged status.
struct ImapResponse {
    std::vector<ImapLine> untagged;
    std::string status;  // "OK", "NO" or "BAD"
    std::string text;    // the rest of the tagged line, e.g. "[TRYCREATE] Mailbox doesn't exist"
    bool ok() const { return status == "OK"; }
};

using Deadline = std::chrono::steady_clock::time_point;

class ImapConnection {
public:
    explicit ImapConnection(const MailServer& server);
    ~ImapConnection();
    ImapConnection(const ImapConnection&) = delete;
    ImapConnection& operator=(const ImapConnection&) = delete;

    // Connects and logs in. Errors name the cause (connection_error()).
    Status open();
    bool is_open() const { return handle_ != nullptr; }
    // Logs out politely (bounded by a short wait) and closes.
    void close();

    // Sends `command` with a fresh tag and reads until its tagged reply (each reply line within
    // the server timeout). A transport failure closes the connection and returns an Error; a NO
    // or BAD is a normal response for the caller to judge.
    Result<ImapResponse> command(std::string_view command);
    // APPEND-like: `command` ends with the literal's announcement ("{n}"), which this sends after
    // the server's continuation request.
    Result<ImapResponse> command_with_literal(std::string_view command, std::string_view literal);

    // The pieces IDLE needs. send_line appends CRLF. read_line returns nullopt when `until`
    // passes before a whole line arrived (keeping what did arrive for the next call).
    std::string next_tag();
    Status send_line(std::string_view line);
    Result<std::optional<ImapLine>> read_line(Deadline until);
    // Reads until the tagged reply for `tag`, collecting the untagged lines.
    Result<ImapResponse> read_until_tagged(const std::string& tag);

    Deadline reply_deadline() const;
    const MailServer& server() const { return server_; }

private:
    Status send_all(std::string_view bytes);
    // Reads more bytes into buffer_; false when `until` passed first.
    Result<bool> fill(Deadline until);
    Result<bool> wait_socket(bool for_write, Deadline until);
    Error lost(const std::string& what);

    MailServer server_;
    CurlHandle handle_;
    char error_buffer_[CURL_ERROR_SIZE] = {};
    std::string buffer_;
    std::size_t consumed_ = 0;
    unsigned tag_counter_ = 0;
    // A line being assembled across literals when read_line's deadline passed mid-way.
    std::optional<ImapLine> partial_;
    std::optional<std::size_t> pending_literal_;
};

}  // namespace rapport::mail::detail
