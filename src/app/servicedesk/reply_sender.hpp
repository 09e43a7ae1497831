#pragma once
// Sends the agents' email replies: a thread takes the queued replies whose time has come,
// composes each (GMime) with its threading headers (In-Reply-To, References, the ticket
// reference in the subject) and sends it over the mailbox's SMTP server. A transient failure
// (server down, 4xx) is retried later, backing off up to an hour and never giving up; a
// permanent one (5xx) marks the reply failed, visible in its conversation until an agent
// retries it. Nothing is dropped silently.
#include "app/background_loop.hpp"
#include "core/clock.hpp"
#include "domain/servicedesk/conversation_events.hpp"
#include "domain/servicedesk/conversation_repository.hpp"
#include "domain/servicedesk/mailbox_repository.hpp"

namespace rapport::app {

class ReplySender {
public:
    ReplySender(domain::servicedesk::ConversationRepository& conversations,
                domain::servicedesk::MailboxRepository& mailboxes, domain::servicedesk::ConversationEvents& events,
                const Clock& clock)
        : conversations_(conversations), mailboxes_(mailboxes), events_(events), clock_(clock) {}
    ~ReplySender() { stop(); }
    ReplySender(const ReplySender&) = delete;
    ReplySender& operator=(const ReplySender&) = delete;

    void start();
    void stop() { loop_.stop(); }
    // A reply was queued: send now rather than at the next look.
    void wake() { loop_.wake(); }

    // Sends what is due now; returns how many replies it attempted.
    int send_due();

private:
    domain::servicedesk::ConversationRepository& conversations_;
    domain::servicedesk::MailboxRepository& mailboxes_;
    domain::servicedesk::ConversationEvents& events_;
    const Clock& clock_;
    BackgroundLoop loop_;
};

}  // namespace rapport::app
