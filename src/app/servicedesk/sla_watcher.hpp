#pragma once
// Escalates service-level breaches: every half minute, each conversation whose earliest due
// time has passed (and whose breach was not escalated yet) gets a task on its customer's
// timeline for a manager of its team (else the workspace owner), due now, so the breach shows
// on that person's desk and task list; the conversation is marked escalated until its due time
// changes. Warnings before a breach need no job: lists show the SLA state (warning within the
// policy's warning minutes) and the "breaching" view lists what falls due within 30 minutes.
#include "app/background_loop.hpp"
#include "core/clock.hpp"
#include "domain/servicedesk/conversation_events.hpp"
#include "domain/servicedesk/conversation_repository.hpp"

namespace rapport::app {

class SlaWatcher {
public:
    SlaWatcher(domain::servicedesk::ConversationRepository& conversations,
               domain::servicedesk::ConversationEvents& events, const Clock& clock)
        : conversations_(conversations), events_(events), clock_(clock) {}

    void start();
    void stop() { loop_.stop(); }
    // One pass; returns how many breaches it escalated.
    int escalate_due();

private:
    domain::servicedesk::ConversationRepository& conversations_;
    domain::servicedesk::ConversationEvents& events_;
    const Clock& clock_;
    BackgroundLoop loop_;
};

}  // namespace rapport::app
