#include "app/servicedesk/reply_sender.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <cstdlib>

#include "app/servicedesk/email_channel.hpp"
#include "app/servicedesk/mail_retry.hpp"
#include "mail/outgoing_mail.hpp"
#include "mail/smtp_sender.hpp"

namespace rapport::app {

using namespace rapport::domain::servicedesk;

namespace {
// How often the queue is looked at when nobody wakes the sender.
constexpr std::chrono::seconds kLookEvery{5};
constexpr int kBatch = 50;

}  // namespace

void ReplySender::start() {
    loop_.start([this] {
        do {
            while (send_due() == kBatch && loop_.running()) {
            }
        } while (loop_.wait_for(kLookEvery));
    });
}

int ReplySender::send_due() {
    const UnixMillis now = clock_.now_ms();
    auto due = conversations_.due_replies(now, kBatch);
    if (!due) {
        spdlog::warn("mail: cannot read the replies to send: {}", due.error().detail);
        return 0;
    }
    int attempted = 0;
    for (const auto& reply : *due) {
        ++attempted;
        std::optional<Mailbox> mailbox;
        if (reply.mailbox_id) {
            if (auto found = mailboxes_.find(reply.workspace_id, *reply.mailbox_id); found) mailbox = *found;
        }
        if (!mailbox) {
            if (auto found = mailboxes_.default_for(reply.workspace_id); found) mailbox = *found;
        }
        if (!mailbox) {
            (void)conversations_.mark_attempt_failed(reply.workspace_id, reply.message_id,
                                                     "no mailbox to send from: add one in Settings, Mailboxes",
                                                     now + mail_retry_backoff(reply.send_attempts + 1).count());
            continue;
        }
        mail::OutgoingMail out;
        out.from = {mailbox->name, mailbox->address};
        for (const auto& to : reply.to) out.to.push_back({"", to});
        for (const auto& cc : reply.cc) out.cc.push_back({"", cc});
        out.subject = reply.subject;
        out.text = reply.text;
        out.message_id = reply.external_id.value_or(mail::make_message_id(address_domain(mailbox->address)));
        out.in_reply_to = reply.in_reply_to;
        out.references = reply.references;
        out.date = reply.occurred_at;
        const std::string raw = mail::compose_mail(out);
        std::vector<std::string> recipients = reply.to;
        recipients.insert(recipients.end(), reply.cc.begin(), reply.cc.end());
        auto sent = mail::send_mail(smtp_server(*mailbox), mailbox->address, recipients, raw);
        const UnixMillis done = clock_.now_ms();
        if (sent.ok()) {
            (void)conversations_.mark_sent(reply.workspace_id, reply.message_id, done);
        } else if (sent.failure == mail::SendFailure::Transient) {
            spdlog::warn("mail: reply {} not sent yet ({}); retrying", id_to_string(reply.message_id), sent.detail);
            (void)conversations_.mark_attempt_failed(reply.workspace_id, reply.message_id, sent.detail,
                                                     done + mail_retry_backoff(reply.send_attempts + 1).count());
        } else {
            spdlog::warn("mail: reply {} refused: {}", id_to_string(reply.message_id), sent.detail);
            (void)conversations_.mark_attempt_failed(reply.workspace_id, reply.message_id, sent.detail, std::nullopt);
        }
        if (reply.conversation_id) events_.changed(reply.workspace_id, *reply.conversation_id);
    }
    return attempted;
}

}  // namespace rapport::app
