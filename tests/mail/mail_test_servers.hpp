#pragma once
// The real mail servers of the tests (scripts/mail-test-servers.sh, which scripts/test.sh
// starts): where they are, a fresh mailbox per test, and deliveries into it.
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>

#include "mail/imap_client.hpp"
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

// scripts/mail-test-servers.sh with `arguments`; its exit status.
inline int run_script(const std::string& arguments) {
    const std::string command = std::string("\"") + RAPPORT_SOURCE_DIR + "/scripts/mail-test-servers.sh\" " + arguments;
    return std::system(command.c_str());
}

}  // namespace rapport::mail::testing
