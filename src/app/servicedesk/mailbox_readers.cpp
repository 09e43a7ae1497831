#include "app/servicedesk/mailbox_readers.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "app/servicedesk/email_channel.hpp"
#include "mail/imap_client.hpp"
#include "mail/parsed_mail.hpp"

namespace rapport::app {

using namespace rapport::domain::servicedesk;

namespace {

// Fetched per round trip of UID SEARCH; the UID reached is recorded at least this often.
constexpr std::size_t kUidBatch = 500;
constexpr int kProgressEvery = 100;
// How long one IDLE lasts before it is renewed (RFC 2177 asks for less than 29 minutes).
constexpr std::chrono::seconds kIdleRenewal{25 * 60};
// After a failure (server down, wrong password) the next attempt waits this long at least.
constexpr std::chrono::seconds kRetryAfterError{30};

}  // namespace

bool MailboxReaders::Reader::sleep_for(std::chrono::seconds d) {
    std::unique_lock lock(mutex);
    return !wake.wait_for(lock, d, [this] { return stop.load(); });
}

MailboxReaders::~MailboxReaders() {
    stop();
}

void MailboxReaders::start() {
    std::lock_guard lock(mutex_);
    if (supervisor_.joinable()) return;
    stopping_ = false;
    supervisor_ = std::thread([this] { supervise(); });
}

void MailboxReaders::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (supervisor_.joinable()) supervisor_.join();
    for (auto& [key, reader] : readers_) {
        reader->stop = true;
        reader->wake.notify_all();
    }
    for (auto& [key, reader] : readers_) {
        if (reader->thread.joinable()) reader->thread.join();
    }
    readers_.clear();
}

void MailboxReaders::settings_changed() {
    {
        std::lock_guard lock(mutex_);
        changed_ = true;
    }
    wake_.notify_all();
}

void MailboxReaders::supervise() {
    for (;;) {
        reconcile();
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, std::chrono::seconds(30), [this] { return stopping_ || changed_; });
        if (stopping_) return;
        changed_ = false;
    }
}

void MailboxReaders::reconcile() {
    auto enabled = mailboxes_.enabled();
    if (!enabled) {
        spdlog::warn("mail: cannot list the mailboxes: {}", enabled.error().detail);
        return;
    }
    std::map<std::pair<Id, Id>, Mailbox> wanted;
    for (auto& m : *enabled) wanted[{m.workspace_id, m.mailbox_id}] = std::move(m);
    // Stop readers whose mailbox is gone or whose settings changed.
    for (auto it = readers_.begin(); it != readers_.end();) {
        auto w = wanted.find(it->first);
        if (w == wanted.end() || w->second.updated_at != it->second->settings.updated_at) {
            it->second->stop = true;
            it->second->wake.notify_all();
            if (it->second->thread.joinable()) it->second->thread.join();
            it = readers_.erase(it);
        } else {
            ++it;
        }
    }
    for (auto& [key, mailbox] : wanted) {
        if (readers_.count(key)) continue;
        auto reader = std::make_unique<Reader>();
        reader->settings = mailbox;
        Reader* r = reader.get();
        reader->thread = std::thread([this, r] { read_mailbox(*r); });
        readers_[key] = std::move(reader);
    }
}

void MailboxReaders::read_mailbox(Reader& reader) {
    const Mailbox settings = reader.settings;
    const Id ws = settings.workspace_id;
    const Id id = settings.mailbox_id;
    mail::ImapClient client(imap_server(settings), settings.folder);
    mail::ParseOptions options;
    options.max_attachment_bytes = settings.max_attachment_bytes;
    const auto stopped = [&reader] { return reader.stop.load(); };

    while (!stopped()) {
        std::optional<std::string> error;
        std::int64_t uid_validity = 0;
        std::int64_t last_uid = 0;
        // One pass: everything new since the UID reached.
        [&] {
            auto current = mailboxes_.find(ws, id);
            if (!current || !*current) return;
            uid_validity = (*current)->uid_validity;
            last_uid = (*current)->last_uid;
            auto state = client.examine();
            if (!state) {
                error = state.error().detail;
                return;
            }
            if (state->uid_validity != uid_validity) {
                if (uid_validity != 0) {
                    spdlog::warn("mail: mailbox {} changed UIDVALIDITY ({} -> {}); reading it again from the start",
                                 id_to_string(id), uid_validity, state->uid_validity);
                }
                uid_validity = state->uid_validity;
                last_uid = 0;
            }
            int since_saved = 0;
            while (!stopped()) {
                auto uids = client.uids_from(static_cast<std::uint32_t>(last_uid + 1), kUidBatch);
                if (!uids) {
                    error = uids.error().detail;
                    return;
                }
                if (uids->empty()) return;
                for (std::uint32_t uid : *uids) {
                    if (stopped()) return;
                    auto raw = client.fetch(uid);
                    if (!raw) {
                        if (raw.error().code == ErrorCode::NotFound) {  // expunged meanwhile
                            last_uid = uid;
                            continue;
                        }
                        error = raw.error().detail;
                        return;
                    }
                    const UnixMillis now = clock_.now_ms();
                    auto parsed = mail::parse_mail(*raw, options);
                    std::optional<std::string> refused;  // why the mail goes to the quarantine
                    if (!parsed) {
                        refused = parsed.error().detail;
                    } else {
                        auto stored = intake_.receive(inbound_from_mail(std::move(*parsed), settings, *raw, now));
                        if (!stored && stored.error().code == ErrorCode::Validation) {
                            // Refused for what it says, not by the database: reading it again
                            // would refuse it again and stop the mailbox here for ever.
                            refused = stored.error().detail;
                        } else if (!stored) {  // the database refused: read this UID again later
                            error = stored.error().detail;
                            return;
                        }
                    }
                    if (refused) {
                        QuarantinedMail q;
                        q.workspace_id = ws;
                        q.quarantine_id = new_id();
                        q.mailbox_id = id;
                        q.uid = uid;
                        q.reason = std::move(*refused);
                        q.raw = std::move(*raw);
                        q.received_at = now;
                        if (auto st = mailboxes_.quarantine(q); !st) {
                            error = st.error().detail;
                            return;
                        }
                    }
                    // Committed: only now does the server hear that the message was read.
                    Status after = Status{};
                    if (settings.after_fetch == AfterFetch::MarkSeen) after = client.mark_seen(uid);
                    if (settings.after_fetch == AfterFetch::Move) after = client.move(uid, settings.move_to_folder);
                    if (!after)
                        spdlog::warn("mail: mailbox {}: uid {}: {}", id_to_string(id), uid, after.error().detail);
                    last_uid = uid;
                    if (++since_saved >= kProgressEvery) {
                        (void)mailboxes_.save_progress(ws, id, uid_validity, last_uid, clock_.now_ms(), std::nullopt);
                        since_saved = 0;
                    }
                }
            }
        }();
        if (uid_validity != 0 || error) {
            (void)mailboxes_.save_progress(ws, id, uid_validity, last_uid, clock_.now_ms(), error);
        }
        if (stopped()) return;
        if (error) {
            spdlog::warn("mail: mailbox {} ({}): {}", id_to_string(id), settings.address, *error);
            if (!reader.sleep_for(std::max(kRetryAfterError, std::chrono::seconds(settings.poll_seconds)))) return;
            continue;
        }
        if (settings.use_idle) {
            auto idle = client.wait_for_mail(kIdleRenewal, stopped);
            if (idle) continue;  // new mail, or time to renew: read again
            if (idle.error().code != ErrorCode::Unavailable) {
                spdlog::warn("mail: mailbox {}: IDLE: {}", id_to_string(id), idle.error().detail);
            }
        }
        if (!reader.sleep_for(std::chrono::seconds(settings.poll_seconds))) return;
    }
}

}  // namespace rapport::app
