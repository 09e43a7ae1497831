#pragma once
// A mailbox of the workspace: an address customers write to, read over IMAP and answered
// over SMTP. Its conversations land in its team's inbox. Passwords are kept to log in
// (they cannot be hashed) and are never returned by the API.
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/ids.hpp"

namespace rapport::domain::servicedesk {

enum class MailSecurity { Tls, StartTls, None };
enum class AfterFetch { MarkSeen, Move, Leave };
std::string_view to_string(MailSecurity v);
std::string_view to_string(AfterFetch v);
std::optional<MailSecurity> parse_mail_security(std::string_view s);
std::optional<AfterFetch> parse_after_fetch(std::string_view s);

struct MailServerSettings {
    std::string host;
    std::int64_t port = 0;
    MailSecurity security = MailSecurity::Tls;
    std::string username;
    std::string password;
    bool verify_certificate = true;
};

struct Mailbox {
    Id workspace_id = 0;
    Id mailbox_id = 0;
    std::string name;
    std::string address;  // replies come from here
    std::optional<Id> team_id;
    MailServerSettings imap;
    std::string folder = "INBOX";
    MailServerSettings smtp;
    std::int64_t poll_seconds = 60;
    bool use_idle = true;
    AfterFetch after_fetch = AfterFetch::MarkSeen;  // never delete mail from the server
    std::string move_to_folder;
    std::int64_t max_attachment_bytes = 25 * 1024 * 1024;
    bool enabled = true;
    // Where reading stands: the folder's UIDVALIDITY and the last uid stored.
    std::int64_t uid_validity = 0;
    std::int64_t last_uid = 0;
    std::optional<UnixMillis> last_checked_at;
    std::optional<std::string> last_error;
    UnixMillis created_at = 0;
    UnixMillis updated_at = 0;
};

// The domain part of the mailbox's address, for the Message-IDs of its replies.
std::string address_domain(const std::string& address);

}  // namespace rapport::domain::servicedesk
