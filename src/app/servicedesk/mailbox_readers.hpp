#pragma once
// Reads every enabled mailbox: one thread per mailbox, which fetches new mail by UID, hands
// each message to intake, and only once intake has committed it marks it read (or moves it)
// on the server and records the UID reached. Between passes it waits in IMAP IDLE when the
// server offers it (new mail is read within a second or so), else it polls at the mailbox's
// interval. Mail that cannot be parsed goes to the quarantine, whole, with the reason. A
// supervisor starts and stops readers as mailboxes are added, changed or removed.
//
// Exactly once: a message is committed before its UID is recorded, so a crash in between
// reads it again, and intake's Message-ID key stores it once. A changed UIDVALIDITY restarts
// from the first UID on the same guarantee.
#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "domain/servicedesk/intake_service.hpp"
#include "domain/servicedesk/mailbox_repository.hpp"

namespace rapport::app {

class MailboxReaders {
public:
    MailboxReaders(domain::servicedesk::MailboxRepository& mailboxes, domain::servicedesk::IntakeService& intake,
                   const Clock& clock)
        : mailboxes_(mailboxes), intake_(intake), clock_(clock) {}
    ~MailboxReaders();
    MailboxReaders(const MailboxReaders&) = delete;
    MailboxReaders& operator=(const MailboxReaders&) = delete;

    void start();
    void stop();
    // Mailboxes were added, changed or removed: the supervisor looks again now.
    void settings_changed();

private:
    // One mailbox's reading thread and the settings it started with (a change restarts it).
    struct Reader {
        domain::servicedesk::Mailbox settings;
        std::atomic<bool> stop{false};
        std::mutex mutex;
        std::condition_variable wake;
        std::thread thread;
        // Sleeps up to `d`, or until stopped. False once stopped.
        bool sleep_for(std::chrono::seconds d);
    };
    void supervise();
    void reconcile();
    void read_mailbox(Reader& reader);

    domain::servicedesk::MailboxRepository& mailboxes_;
    domain::servicedesk::IntakeService& intake_;
    const Clock& clock_;

    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool changed_ = false;
    std::thread supervisor_;
    std::map<std::pair<Id, Id>, std::unique_ptr<Reader>> readers_;  // by (workspace, mailbox)
};

}  // namespace rapport::app
