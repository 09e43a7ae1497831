#pragma once
// The agents' work on conversations: the inbox views and their counts, a conversation with its
// thread, replies (queued for sending, with a warning when another agent answered meanwhile),
// internal notes, "no reply needed", assignment, status, priority, topic and tags, merge and
// split, and retrying a failed send. A reader sees a conversation when they may read the person
// it is about (so a partner user sees only their buyer's consumers); members and above work on
// what they see, viewers only read.
#include "core/clock.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/servicedesk/conversation_events.hpp"
#include "domain/servicedesk/conversation_repository.hpp"
#include "domain/servicedesk/mailbox_repository.hpp"
#include "domain/servicedesk/sla_planner.hpp"

namespace rapport::domain::servicedesk {

struct ConversationDetail {
    ConversationRow row;
    std::vector<ConversationMessage> messages;
    std::vector<ConversationRepository::Replying> replying;  // other agents writing a reply now
};

struct ReplyRequest {
    std::string text;
    std::vector<std::string> cc;
    std::optional<Id> after_message_id;  // the newest message the agent saw
    bool force = false;                  // send although another message came after it
    std::int64_t minutes_spent = 0;
    std::optional<ConversationStatus> status_after;  // pending or resolved; open by default
};

class ConversationService {
public:
    ConversationService(ConversationRepository& repo, MailboxRepository& mailboxes, ActorDirectory& actors,
                        SlaPlanner& sla, ConversationEvents& events, const Clock& clock)
        : repo_(repo), mailboxes_(mailboxes), actors_(actors), sla_(sla), events_(events), clock_(clock) {}

    struct ListRequest {
        InboxView view = InboxView::Unanswered;
        std::optional<Id> team_id;
        std::optional<InboxCursor> after;
        int limit = 50;
    };
    struct ListPage {
        std::vector<ConversationRow> items;
        std::optional<InboxCursor> next;
    };
    Result<ListPage> list(const Principal& actor, const ListRequest& request);
    Result<InboxCounts> counts(const Principal& actor, std::optional<Id> team_id);
    Result<ConversationDetail> get(const Principal& actor, Id conversation_id);
    Result<ConversationRow> update(const Principal& actor, Id conversation_id, std::int64_t version,
                                   const ConversationChange& change);
    Result<ConversationMessage> reply(const Principal& actor, Id conversation_id, const ReplyRequest& request);
    Result<ConversationMessage> note(const Principal& actor, Id conversation_id, const std::string& text,
                                     std::int64_t minutes_spent);
    Result<ConversationRow> no_reply(const Principal& actor, Id conversation_id, const std::string& reason);
    Status replying(const Principal& actor, Id conversation_id);
    Result<ConversationRow> merge(const Principal& actor, Id conversation_id, Id into_id);
    Result<ConversationRow> split(const Principal& actor, Id conversation_id, Id message_id);
    Result<ConversationMessage> retry(const Principal& actor, Id conversation_id, Id message_id);
    // The bridges' side of a channel (chat, WhatsApp, social): the replies waiting for them,
    // and their word on each: delivered, or failed with the reason (the agent sees it and may
    // retry). Members and above (a bridge signs in with an API key of such a role).
    Result<std::vector<ConversationMessage>> outbox(const Principal& actor, const std::string& channel, int limit);
    Result<ConversationMessage> delivered(const Principal& actor, Id message_id, bool ok, const std::string& error);
    Result<Attachment> attachment(const Principal& actor, Id conversation_id, Id attachment_id);
    Result<std::string> raw_source(const Principal& actor, Id conversation_id, Id message_id);

    // How long a "replying" signal lasts without being renewed.
    static constexpr UnixMillis kReplyingWindowMs = 60'000;
    // How far ahead of a due time the breaching view starts listing a conversation.
    static constexpr std::int64_t kBreachWindowMinutes = 30;

private:
    Result<AccessFilter> access(const Principal& actor);
    Result<ConversationRow> readable(const Principal& actor, Id conversation_id);
    Result<ConversationRow> workable(const Principal& actor, Id conversation_id);

    ConversationRepository& repo_;
    MailboxRepository& mailboxes_;
    ActorDirectory& actors_;
    SlaPlanner& sla_;
    ConversationEvents& events_;
    const Clock& clock_;
};

}  // namespace rapport::domain::servicedesk
