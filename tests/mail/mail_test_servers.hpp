#pragma once
// The real mail servers of the tests (scripts/mail-test-servers.sh, which scripts/test.sh
// starts): where they are, a fresh mailbox per test, and deliveries into it.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "mail/imap_client.hpp"
#include "mail/imap_connection.hpp"
#include "mail/mail_server.hpp"

namespace rapport::mail::testing {

struct MailTestServers {
    std::string host;
    int imap_port = 0;   // STARTTLS
    int imaps_port = 0;  // implicit TLS
    int smtp_port = 0;   // STARTTLS offered
    int smtps_port = 0;  // implicit TLS
    std::string dir;     // RAPPORT_TEST_MAIL_DIR
    std::string ca_file;
};

inline std::string env_or_empty(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

// The servers named by the RAPPORT_TEST_* variables, or nullopt when they are not set (then the
// tests skip: run them through scripts/test.sh, or eval "$(scripts/mail-test-servers.sh start DIR)").
inline std::optional<MailTestServers> mail_test_servers() {
    MailTestServers s;
    s.host = env_or_empty("RAPPORT_TEST_IMAP_HOST");
    s.dir = env_or_empty("RAPPORT_TEST_MAIL_DIR");
    if (s.host.empty() || s.dir.empty()) return std::nullopt;
    s.imap_port = std::atoi(env_or_empty("RAPPORT_TEST_IMAP_PORT").c_str());
    s.imaps_port = std::atoi(env_or_empty("RAPPORT_TEST_IMAPS_PORT").c_str());
    s.smtp_port = std::atoi(env_or_empty("RAPPORT_TEST_SMTP_PORT").c_str());
    s.smtps_port = std::atoi(env_or_empty("RAPPORT_TEST_SMTPS_PORT").c_str());
    s.ca_file = env_or_empty("RAPPORT_TEST_MAIL_CA");
    if (s.ca_file.empty()) s.ca_file = s.dir + "/cert.pem";
    return s;
}

inline constexpr const char* kSkipMessage =
    "no mail test servers: set RAPPORT_TEST_IMAP_HOST etc. with "
    "eval \"$(scripts/mail-test-servers.sh start /tmp/mail-test)\" (scripts/test.sh does)";

inline constexpr const char* kPassword = "secret";

// A mailbox no other test uses, e.g. "t4242-3-91823@acme.test": the test Dovecot knows every
// user (all with kPassword) and makes an empty mailbox at the first login.
inline std::string fresh_user(const std::string& domain = "acme.test") {
    static std::atomic<int> counter{0};
    std::random_device random;
    return "t" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + "-" +
           std::to_string(random() % 1000000) + "@" + domain;
}

// The IMAP server for `user`, verified against the test certificate.
inline MailServer imap_server(const MailTestServers& servers, const std::string& user,
                              Security security = Security::Tls) {
    MailServer server;
    server.host = servers.host;
    server.port = security == Security::Tls ? servers.imaps_port : servers.imap_port;
    server.security = security;
    server.username = user;
    server.password = kPassword;
    server.ca_file = servers.ca_file;
    server.timeout = std::chrono::seconds(20);
    return server;
}

inline MailServer smtp_server(const MailTestServers& servers, Security security = Security::StartTls) {
    MailServer server;
    server.host = servers.host;
    server.port = security == Security::Tls ? servers.smtps_port : servers.smtp_port;
    server.security = security;
    server.ca_file = servers.ca_file;
    server.timeout = std::chrono::seconds(20);
    return server;
}

// A small raw message with a unique Message-ID (CRLF line endings).
inline std::string sample_message(const std::string& to, const std::string& subject, const std::string& message_id) {
    return "From: Customer <customer@example.test>\r\n"
           "To: " +
           to + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + message_id +
           ">\r\nDate: Mon, 07 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n\r\nHello,\r\nmy order has not arrived.\r\n";
}

// Delivers `raw` into `user`'s INBOX (IMAP APPEND as that user).
inline Status deliver(const MailTestServers& servers, const std::string& user, const std::string& raw) {
    ImapClient client(imap_server(servers, user));
    return client.append("INBOX", raw);
}

// The repository's scripts/mail-test-servers.sh: from RAPPORT_SOURCE_DIR (compiled into the
// mail tests) or the environment variable of that name.
inline std::string script_path() {
#ifdef RAPPORT_SOURCE_DIR
    std::string root = RAPPORT_SOURCE_DIR;
#else
    std::string root = env_or_empty("RAPPORT_SOURCE_DIR");
#endif
    return root + "/scripts/mail-test-servers.sh";
}

// The flags of a message, read over a connection of its own (ImapClient has no such call).
inline std::string flags_of(const MailServer& server, std::uint32_t uid) {
    detail::ImapConnection connection(server);
    if (!connection.open()) return "<no connection>";
    auto selected = connection.command("EXAMINE INBOX");
    if (!selected || !selected->ok()) return "<no INBOX>";
    auto fetched = connection.command("UID FETCH " + std::to_string(uid) + " FLAGS");
    if (!fetched || !fetched->ok()) return "<no message>";
    for (const auto& line : fetched->untagged) {
        if (line.text.find("FETCH") != std::string::npos) return line.text;
    }
    return "<no FETCH>";
}

// scripts/mail-test-servers.sh with `arguments`; its exit status.
inline int run_script(const std::string& arguments) {
    const std::string command = "\"" + script_path() + "\" " + arguments;
    return std::system(command.c_str());
}

// Delivers many messages at once straight into `user`'s maildir (the script's `deliver`):
// thousands a second, for ingestion tests. They get uids in the order given.
inline bool deliver_many(const MailTestServers& servers, const std::string& user,
                         const std::vector<std::string>& messages) {
    namespace fs = std::filesystem;
    static std::atomic<int> counter{0};
    const fs::path dir =
        fs::temp_directory_path() / ("rapport-deliver-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    fs::create_directories(dir);
    bool ok = true;
    constexpr std::size_t kFilesPerCall = 1000;  // keeps the command line short
    for (std::size_t first = 0; ok && first < messages.size(); first += kFilesPerCall) {
        std::string arguments = "deliver " + servers.dir + " " + user;
        for (std::size_t i = first; i < std::min(messages.size(), first + kFilesPerCall); ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "%08zu.eml", i);
            std::ofstream(dir / name, std::ios::binary) << messages[i];
            arguments += " " + (dir / name).string();
        }
        ok = run_script(arguments) == 0;
    }
    fs::remove_all(dir);
    return ok;
}

}  // namespace rapport::mail::testing
