#include "app/satisfaction/survey_mailer.hpp"

#include <spdlog/spdlog.h>

#include <array>

#include "app/servicedesk/email_channel.hpp"
#include "app/servicedesk/mail_retry.hpp"
#include "core/messages.hpp"
#include "domain/servicedesk/conversation.hpp"
#include "mail/outgoing_mail.hpp"
#include "mail/smtp_sender.hpp"

namespace rapport::app {

using namespace rapport::domain::satisfaction;

namespace {
constexpr std::chrono::seconds kLookEvery{5};
constexpr int kBatch = 50;

}  // namespace

void SurveyMailer::start() {
    loop_.start([this] {
        do {
            while (send_due() >= kBatch && loop_.running()) {
            }
        } while (loop_.wait_for(kLookEvery));
    });
}

int SurveyMailer::send_due() {
    const UnixMillis now = clock_.now_ms();
    auto due = repo_.due_invitations(now, kBatch);
    if (!due) {
        spdlog::warn("satisfaction: cannot read the surveys to send: {}", due.error().detail);
        return 0;
    }
    int attempted = 0;
    for (const auto& inv : *due) {
        ++attempted;
        auto retry = [&](const std::string& error) {
            (void)repo_.mark_invitation_failed(inv.kind, inv.workspace_id, inv.survey_id, error,
                                               now + mail_retry_backoff(inv.send_attempts + 1).count());
        };
        if (inv.expires_at <= now) {
            (void)repo_.mark_invitation_failed(inv.kind, inv.workspace_id, inv.survey_id, "expired before sending",
                                               std::nullopt);
            continue;
        }
        std::optional<domain::servicedesk::Mailbox> mailbox;
        if (inv.mailbox_id) {
            if (auto found = mailboxes_.find(inv.workspace_id, *inv.mailbox_id); found && *found) mailbox = **found;
        }
        if (!mailbox) {
            if (auto found = mailboxes_.default_for(inv.workspace_id); found && *found) mailbox = **found;
        }
        if (!mailbox) {
            retry("no mailbox to send from: add one in Settings, Mailboxes");
            continue;
        }
        auto token = service_.token_for(inv.kind, inv.workspace_id, inv.survey_id, inv.expires_at);
        if (!token) {
            retry(token.error().detail);
            continue;
        }
        const bool csat = inv.kind == SurveyKind::Csat;
        const std::string link = public_url_ + (csat ? "/survey/csat/" : "/survey/nps/") + *token;
        const std::string name = inv.person_name.empty() ? inv.email : inv.person_name;
        mail::OutgoingMail out;
        out.from = {mailbox->name, mailbox->address};
        out.to.push_back({inv.person_name, inv.email});
        if (csat) {
            out.subject = domain::servicedesk::reply_subject(
                messages::render("satisfaction.mail_csat_subject", inv.language, {{"subject", inv.subject}}),
                inv.conversation_number);
            out.text = messages::render("satisfaction.mail_csat_text", inv.language,
                                        {{"name", name}, {"subject", inv.subject}, {"link", link}});
        } else {
            out.subject = messages::render("satisfaction.mail_nps_subject", inv.language);
            out.text = messages::render("satisfaction.mail_nps_text", inv.language,
                                        {{"name", name}, {"question", inv.subject}, {"link", link}});
        }
        out.message_id = mail::make_message_id(domain::servicedesk::address_domain(mailbox->address));
        out.date = now;
        const std::string raw = mail::compose_mail(out);
        auto sent = mail::send_mail(smtp_server(*mailbox), mailbox->address, {inv.email}, raw);
        if (sent.ok()) {
            (void)repo_.mark_invitation_sent(inv.kind, inv.workspace_id, inv.survey_id, clock_.now_ms());
        } else if (sent.failure == mail::SendFailure::Transient) {
            spdlog::warn("satisfaction: survey {} not sent yet ({}); retrying", id_to_string(inv.survey_id),
                         sent.detail);
            retry(sent.detail);
        } else {
            spdlog::warn("satisfaction: survey {} refused: {}", id_to_string(inv.survey_id), sent.detail);
            (void)repo_.mark_invitation_failed(inv.kind, inv.workspace_id, inv.survey_id, sent.detail, std::nullopt);
        }
    }
    return attempted;
}

}  // namespace rapport::app
