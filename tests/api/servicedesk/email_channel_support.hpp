#pragma once
// The email channel against the real test mail servers (scripts/mail-test-servers.sh, which
// scripts/test.sh starts): raw messages, deliveries into a Dovecot maildir, a mailbox created
// through the API, bounded polls of the API, and the whole stored inbox read back.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "api/api_fixture.hpp"

namespace rapport::testing::email {
// The source tree, for scripts/mail-test-servers.sh: $RAPPORT_SOURCE_DIR, else the one the
// build directory of RAPPORT_BINARY was configured from (its CMakeCache.txt).
inline std::string source_dir() {
    if (const char* v = std::getenv("RAPPORT_SOURCE_DIR"); v != nullptr && *v != '\0') return v;
    const std::filesystem::path cache = std::filesystem::path(RAPPORT_BINARY).parent_path() / "CMakeCache.txt";
    std::ifstream in(cache);
    const std::string key = "CMAKE_HOME_DIRECTORY:INTERNAL=";
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(key, 0) == 0) return line.substr(key.size());
    }
    return ".";
}
}  // namespace rapport::testing::email

#ifndef RAPPORT_SOURCE_DIR
#define RAPPORT_SOURCE_DIR ::rapport::testing::email::source_dir()
#endif
#include "mail/mail_test_servers.hpp"

namespace rapport::testing::email {

namespace fs = std::filesystem;
using mail::testing::MailTestServers;

// A raw message (CRLF). `message_id` empty: no Message-ID header at all. `extra` is more
// header lines, each ending in CRLF.
inline std::string raw_mail(const std::string& from, const std::string& to, const std::string& subject,
                            const std::string& message_id, const std::string& body, const std::string& extra = "") {
    std::string raw = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n";
    if (!message_id.empty()) raw += "Message-ID: <" + message_id + ">\r\n";
    raw += "Date: Mon, 07 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n";
    raw += extra;
    raw += "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
    return raw;
}

// Delivers the messages, in order, into `user`'s INBOX (maildir delivery by the script: fast,
// and Dovecot sees each message whole). Returns false when the script failed.
inline bool deliver_all(const MailTestServers& servers, const std::string& user, const std::vector<std::string>& raws) {
    const fs::path dir = fs::temp_directory_path() / unique_name("rapport-mails");
    fs::create_directories(dir);
    std::string files;
    for (std::size_t i = 0; i < raws.size(); ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "%06zu.eml", i);
        std::ofstream(dir / name, std::ios::binary) << raws[i];
        files += " \"" + (dir / name).string() + "\"";
    }
    const int code = mail::testing::run_script("deliver \"" + servers.dir + "\" " + user + files);
    std::error_code ec;
    fs::remove_all(dir, ec);
    return code == 0;
}

// The maildir the test Dovecot keeps for `user`.
inline fs::path maildir_of(const MailTestServers& servers, const std::string& user) {
    const auto at = user.find('@');
    return fs::path(servers.dir) / "mail" / user.substr(at + 1) / user.substr(0, at);
}

// How many of `user`'s INBOX messages carry the \Seen flag, and how many there are
// (maildir keeps the flags in the file names: "...:2,S").
struct SeenCount {
    int seen = 0;
    int total = 0;
};
inline SeenCount seen_count(const MailTestServers& servers, const std::string& user) {
    SeenCount out;
    const fs::path box = maildir_of(servers, user);
    for (const char* sub : {"new", "cur"}) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(box / sub, ec)) {
            ++out.total;
            const std::string name = entry.path().filename().string();
            const auto info = name.rfind(":2,");
            if (info != std::string::npos && name.find('S', info + 3) != std::string::npos) ++out.seen;
        }
    }
    return out;
}

// The mailbox settings of the API for `user` on the test servers (certificates not verified:
// the test certificate is self-signed). `smtp_port` 0: the shared test SMTP server.
inline nlohmann::json mailbox_body(const MailTestServers& servers, const std::string& user, int smtp_port = 0) {
    return {{"name", "Support"},
            {"address", user},
            {"imap",
             {{"host", servers.host},
              {"port", servers.imaps_port},
              {"security", "tls"},
              {"username", user},
              {"password", mail::testing::kPassword},
              {"verify_certificate", false}}},
            {"smtp",
             {{"host", servers.host},
              {"port", smtp_port != 0 ? smtp_port : servers.smtp_port},
              {"security", "starttls"},
              {"username", user},
              {"password", mail::testing::kPassword},
              {"verify_certificate", false}}},
            {"folder", "INBOX"},
            {"poll_seconds", 10},
            {"use_idle", true},
            {"after_fetch", "mark_seen"}};
}

// A member of a response's JSON body, by value: a range-for over `res.json()["items"]` would
// iterate a member of a temporary that is already gone (before C++23).
inline nlohmann::json json_member(const HttpResult& res, const std::string& key) {
    nlohmann::json body = res.json();
    return body.is_object() && body.contains(key) ? body[key] : nlohmann::json::array();
}

// Polls `done` every 200 ms until it holds or `limit` passes (generous: the machine is shared).
inline bool eventually(const std::function<bool()>& done, std::chrono::seconds limit = std::chrono::seconds(300)) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return done();
}

// Every conversation of the view "all" (summaries), page by page; only those of `mailbox_id`
// when it is given (so tests sharing a server keep to their own mail).
inline std::vector<nlohmann::json> all_conversations(HttpClient& c, const std::string& mailbox_id = "") {
    std::vector<nlohmann::json> out;
    std::string cursor;
    for (int page = 0; page < 10000; ++page) {
        auto res = c.get("/api/v1/conversations?view=all&limit=200" + (cursor.empty() ? "" : "&cursor=" + cursor));
        if (res.status != 200) {
            ADD_FAILURE() << res.body;
            return out;
        }
        auto body = res.json();
        for (auto& item : body["items"]) {
            if (mailbox_id.empty() || item["mailbox_id"] == mailbox_id) out.push_back(item);
        }
        if (body["next_cursor"].is_null()) break;
        cursor = body["next_cursor"].get<std::string>();
    }
    return out;
}

// The sum of message_count over every conversation: cheap progress of an ingestion.
inline long stored_in_conversations(HttpClient& c, const std::string& mailbox_id = "") {
    long n = 0;
    for (const auto& conv : all_conversations(c, mailbox_id)) n += conv["message_count"].get<long>();
    return n;
}

// Each conversation's messages, by conversation id.
inline std::map<std::string, std::vector<nlohmann::json>> all_messages(HttpClient& c,
                                                                       const std::string& mailbox_id = "") {
    std::map<std::string, std::vector<nlohmann::json>> out;
    for (const auto& conv : all_conversations(c, mailbox_id)) {
        const std::string id = conv["id"];
        auto res = c.get("/api/v1/conversations/" + id);
        if (res.status != 200) {
            ADD_FAILURE() << res.body;
            continue;
        }
        auto& list = out[id];
        for (auto& m : json_member(res, "messages")) list.push_back(m);
    }
    return out;
}

// A mailbox's reading status (last_uid, last_error, last_checked_at).
inline nlohmann::json mailbox_status(HttpClient& c, const std::string& id) {
    auto res = c.get("/api/v1/mailboxes/" + id);
    EXPECT_EQ(res.status, 200) << res.body;
    return res.status == 200 ? res.json()["status"] : nlohmann::json::object();
}

// The value after "key=" in a text ("key=T12 thread=T3" -> "T12"), or "".
inline std::string tag_of(const std::string& text, const std::string& key) {
    const auto at = text.find(key + "=");
    if (at == std::string::npos) return "";
    const auto begin = at + key.size() + 1;
    const auto end = text.find_first_of(" \r\n", begin);
    return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

}  // namespace rapport::testing::email
