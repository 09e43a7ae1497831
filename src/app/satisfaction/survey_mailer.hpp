#pragma once
// Sends the satisfaction surveys' invitations: a CSAT request by email from the mailbox of its
// conversation (threaded under the conversation's ticket reference), an NPS question from the
// workspace's default mailbox, each with its signed link. A background thread looks at the queue
// every few seconds and when woken; a failed send is retried with backoff and stays visible
// (send_error) until it succeeds. Requests without an email are never queued.
//
// The invitation is not stored as a reply of the conversation: a reply would count as the
// agent's first response and move the conversation's status, and the service desk's message
// table belongs to its own area; the request row records when it went out instead.
#include <string>

#include "app/background_loop.hpp"
#include "core/clock.hpp"
#include "domain/satisfaction/satisfaction_repository.hpp"
#include "domain/satisfaction/satisfaction_service.hpp"
#include "domain/servicedesk/mailbox_repository.hpp"

namespace rapport::app {

class SurveyMailer {
public:
    // `public_url` is the server's address as customers reach it ("https://crm.example.com"),
    // put in front of the links.
    SurveyMailer(domain::satisfaction::SatisfactionRepository& repo, domain::satisfaction::SatisfactionService& service,
                 domain::servicedesk::MailboxRepository& mailboxes, std::string public_url, const Clock& clock)
        : repo_(repo), service_(service), mailboxes_(mailboxes), public_url_(std::move(public_url)), clock_(clock) {}
    ~SurveyMailer() { stop(); }

    void start();
    void stop() { loop_.stop(); }
    void wake() { loop_.wake(); }
    // Sends what is due now; returns how many were attempted.
    int send_due();

private:
    domain::satisfaction::SatisfactionRepository& repo_;
    domain::satisfaction::SatisfactionService& service_;
    domain::servicedesk::MailboxRepository& mailboxes_;
    std::string public_url_;
    const Clock& clock_;
    BackgroundLoop loop_;
};

}  // namespace rapport::app
