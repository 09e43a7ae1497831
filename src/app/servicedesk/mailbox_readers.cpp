#include "app/servicedesk/mailbox_readers.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "app/servicedesk/email_channel.hpp"
#include "mail/imap_client.hpp"
#include "mail/mailbox_reader.hpp"
#include "mail/parsed_mail.hpp"

namespace rapport::app {

using namespace rapport::domain::servicedesk;

namespace {

// Messages fetched per round trip (one UID FETCH); the UID reached is recorded after each batch.
constexpr std::size_t kBatch = 100;
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
    mail::ReaderOptions read_options;
    read_options.batch_size = kBatch;
    read_options.after_store = settings.after_fetch == AfterFetch::Move    ? mail::AfterStore::Move
                               : settings.after_fetch == AfterFetch::Leave ? mail::AfterStore::Leave
                                                                           : mail::AfterStore::MarkSeen;
    read_options.move_to = settings.move_to_folder;
    read_options.poll_interval = std::chrono::seconds(settings.poll_seconds);
    read_options.idle_timeout = kIdleRenewal;
    mail::MailboxReader mailbox_reader(client, read_options);
    mail::ParseOptions parse_options;
    parse_options.max_attachment_bytes = settings.max_attachment_bytes;
    const auto stopped = [&reader] { return reader.stop.load(); };

    // Stores one batch: every message through intake (or the quarantine), then the cursor.
    // Intake writes the batch's customer messages in one transaction; the cursor is saved after
    // them, so a crash in between reads the batch again and the Message-ID key keeps each
    // message once.
    const auto store = [&](const mail::MailBatch& batch) -> Status {
        if (stopped()) return fail(Error::unavailable("the server is stopping"));
        const UnixMillis now = clock_.now_ms();
        // Why each mail goes to the quarantine, if it does.
        std::vector<std::optional<std::string>> refused(batch.messages.size());
        std::vector<domain::servicedesk::InboundMessage> inbound;
        std::vector<std::size_t> inbound_of;  // each inbound message's place in the batch
        for (std::size_t i = 0; i < batch.messages.size(); ++i) {
            const auto& fetched = batch.messages[i];
            auto parsed = mail::parse_mail(fetched.raw, parse_options);
            if (!parsed) {
                refused[i] = parsed.error().detail;
                continue;
            }
            inbound.push_back(inbound_from_mail(std::move(*parsed), settings, fetched.raw, now));
            inbound_of.push_back(i);
        }
        auto results = intake_.receive_batch(std::move(inbound));
        for (std::size_t k = 0; k < results.size(); ++k) {
            auto& stored = results[k];
            if (stored) continue;
            if (stored.error().code != ErrorCode::Validation) {  // the database refused: read again later
                return fail(std::move(stored).error());
            }
            // Refused for what it says, not by the database: reading it again would refuse it
            // again and stop the mailbox here for ever.
            refused[inbound_of[k]] = stored.error().detail;
        }
        for (std::size_t i = 0; i < batch.messages.size(); ++i) {
            if (!refused[i]) continue;
            QuarantinedMail q;
            q.workspace_id = ws;
            q.quarantine_id = new_id();
            q.mailbox_id = id;
            q.uid = batch.messages[i].uid;
            q.reason = std::move(*refused[i]);
            q.raw = batch.messages[i].raw;
            q.received_at = now;
            RAPPORT_CHECK(mailboxes_.quarantine(q));
        }
        return mailboxes_.save_progress(ws, id, batch.cursor.uid_validity, batch.cursor.last_uid, clock_.now_ms(),
                                        std::nullopt);
    };

    while (!stopped()) {
        auto current = mailboxes_.find(ws, id);
        if (!current || !*current) return;
        mail::MailboxCursor cursor{static_cast<std::uint32_t>((*current)->uid_validity),
                                   static_cast<std::uint32_t>((*current)->last_uid)};
        auto read = mailbox_reader.read_new(cursor, store);
        if (stopped()) return;
        if (!read) {
            const std::string error = read.error().detail;
            spdlog::warn("mail: mailbox {} ({}): {}", id_to_string(id), settings.address, error);
            auto saved = mailboxes_.find(ws, id);
            if (saved && *saved) {
                (void)mailboxes_.save_progress(ws, id, (*saved)->uid_validity, (*saved)->last_uid, clock_.now_ms(),
                                               error);
            }
            if (!reader.sleep_for(std::max(kRetryAfterError, std::chrono::seconds(settings.poll_seconds)))) return;
            continue;
        }
        (void)mailboxes_.save_progress(ws, id, read->uid_validity, read->last_uid, clock_.now_ms(), std::nullopt);
        if (!settings.use_idle) {  // the admin chose polling
            if (!reader.sleep_for(std::chrono::seconds(settings.poll_seconds))) return;
            continue;
        }
        auto waited = mailbox_reader.wait(stopped);  // IDLE, or the poll interval without it
        if (!waited && !reader.sleep_for(kRetryAfterError)) return;
    }
}

}  // namespace rapport::app
