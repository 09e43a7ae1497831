#pragma once
// Storing and reading conversations and their messages. Thread-safe; every write method is
// one transaction, so a message, its conversation's new state, its attachments, its source
// and its timeline entry are stored together or not at all.
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "domain/permissions/record_access.hpp"
#include "domain/servicedesk/conversation.hpp"

namespace rapport::domain::servicedesk {

struct PersonRef {
    Id id = 0;
    std::string name;
    std::optional<std::string> email;
};
struct CompanyRef {
    Id id = 0;
    std::string name;
};

// A conversation as lists show it.
struct ConversationRow {
    Conversation conversation;
    std::optional<PersonRef> person;
    std::optional<CompanyRef> company;
    std::string assignee_name;
    std::string preview;  // the start of the latest customer message or reply
    std::int64_t message_count = 0;
};

struct InboxCursor {
    UnixMillis at = 0;  // the sort time of the view (awaiting_since, sla_due_at or last_message_at)
    Id conversation_id = 0;
};
std::string format_cursor(const InboxCursor& c);
std::optional<InboxCursor> parse_inbox_cursor(std::string_view text);

struct InboxQuery {
    Id workspace_id = 0;
    AccessFilter access;  // conversations about people the reader may read
    InboxView view = InboxView::Unanswered;
    std::optional<Id> team_id;
    std::optional<Id> me;  // the "mine" view's user
    UnixMillis now = 0;    // what "breaching" is measured against
    std::int64_t breach_window_minutes = 0;
    std::optional<InboxCursor> after;
    int limit = 50;
};

struct InboxCounts {
    std::int64_t unanswered = 0, unassigned = 0, mine = 0, waiting = 0, breaching = 0, open = 0;
};

// A new customer message and what it does to its conversation.
struct InboundWrite {
    ConversationMessage message;
    std::optional<std::string> raw;  // the source as received
    // Exactly one of: the conversation it continues (reopened when resolved or closed), or a
    // new conversation to create (its number is allocated in the transaction).
    std::optional<Id> existing_conversation_id;
    std::optional<Conversation> new_conversation;
    bool timeline = true;  // add an entry to the person's (and company's) timeline
    // For an existing conversation with nothing waiting: when the next response is due.
    std::optional<UnixMillis> next_response_due;
};

// Changes to a conversation's fields, checked against its version.
struct ConversationChange {
    std::optional<ConversationStatus> status;
    std::optional<Priority> priority;
    std::optional<std::optional<Topic>> topic;
    std::optional<std::optional<Id>> team_id;
    std::optional<std::optional<Id>> assignee_user_id;
    std::optional<std::vector<std::string>> tags;
};

class ConversationRepository {
public:
    virtual ~ConversationRepository() = default;

    // --- intake
    // The message stored under this external id (Message-ID), if any.
    virtual Result<std::optional<ConversationMessage>> find_by_external_id(Id workspace_id,
                                                                           const std::string& external_id) = 0;
    // The conversation that holds any of these external ids (the newest match), following merges.
    virtual Result<std::optional<Id>> thread_of(Id workspace_id, const std::vector<std::string>& external_ids) = 0;
    virtual Result<std::optional<Id>> by_number(Id workspace_id, std::int64_t number) = 0;
    // Stores a customer message (see InboundWrite). Returns the stored message, or nullopt
    // when a message with the same external id was stored meanwhile (nothing written).
    virtual Result<std::optional<ConversationMessage>> store_inbound(const InboundWrite& write) = 0;
    // Stores several customer messages, in order, in one transaction (a mailbox's batch: one
    // commit instead of one per message). One entry per write, as store_inbound answers; a
    // write may continue a conversation created by an earlier write of the same batch. Any
    // error rolls back the whole batch.
    virtual Result<std::vector<std::optional<ConversationMessage>>> store_inbound_batch(
        const std::vector<InboundWrite>& writes) = 0;
    // A delivery report about one of our replies: marks it failed with the detail.
    virtual Status mark_reply_bounced(Id workspace_id, Id message_id, const std::string& detail) = 0;

    // --- reading
    virtual Result<std::optional<Conversation>> find(Id workspace_id, Id conversation_id) = 0;
    virtual Result<std::optional<ConversationRow>> row(Id workspace_id, const AccessFilter& access,
                                                       Id conversation_id) = 0;
    virtual Result<std::vector<ConversationRow>> list(const InboxQuery& query) = 0;
    virtual Result<InboxCounts> counts(const InboxQuery& query) = 0;
    // The conversation's messages, oldest first, with their attachments' metadata (no bytes).
    virtual Result<std::vector<ConversationMessage>> messages(Id workspace_id, Id conversation_id) = 0;
    virtual Result<std::optional<Attachment>> attachment(Id workspace_id, Id conversation_id, Id attachment_id) = 0;
    virtual Result<std::optional<std::string>> raw_source(Id workspace_id, Id message_id) = 0;

    // --- agents' work
    // Applies `change` if the conversation is still at `version`; Conflict otherwise.
    virtual Result<Conversation> update(Id workspace_id, Id conversation_id, std::int64_t version,
                                        const ConversationChange& change, UnixMillis now) = 0;
    // Stores a reply or a note. A reply answers every waiting customer message (awaiting_since
    // cleared), sets the first response, and moves the status to `status_after` (or open).
    virtual Result<ConversationMessage> add_agent_message(const ConversationMessage& message,
                                                          std::optional<ConversationStatus> status_after,
                                                          std::optional<UnixMillis> next_response_due) = 0;
    // Marks every waiting customer message answered without a reply, with `reason`.
    virtual Result<Conversation> close_without_reply(Id workspace_id, Id conversation_id, Id user_id,
                                                     const std::string& reason, UnixMillis now) = 0;
    virtual Result<std::optional<ConversationMessage>> find_message(Id workspace_id, Id message_id) = 0;
    // The newest message's id (to detect two agents replying at once).
    virtual Result<std::optional<Id>> latest_message_id(Id workspace_id, Id conversation_id) = 0;
    // Moves every message of `from` into `into` and marks `from` merged; `into` keeps the
    // oldest waiting message.
    virtual Result<Conversation> merge(Id workspace_id, Id from, Id into, UnixMillis now) = 0;
    // Moves `message_id` and every later message into a new conversation `fresh`.
    virtual Result<Conversation> split(Id workspace_id, Id conversation_id, Id message_id, Conversation fresh) = 0;

    // --- sending
    // Replies waiting to go out by email whose next attempt is due, across workspaces.
    virtual Result<std::vector<ConversationMessage>> due_replies(UnixMillis now, int limit) = 0;
    virtual Status mark_sent(Id workspace_id, Id message_id, UnixMillis at) = 0;
    // A failed attempt: retried at `retry_at`, or failed for good (permanent) when absent.
    virtual Status mark_attempt_failed(Id workspace_id, Id message_id, const std::string& error,
                                       std::optional<UnixMillis> retry_at) = 0;
    virtual Result<ConversationMessage> requeue(Id workspace_id, Id message_id, UnixMillis now) = 0;
    // The replies of a bridge's channel waiting to be delivered by it, oldest first.
    virtual Result<std::vector<ConversationMessage>> channel_outbox(Id workspace_id, const std::string& channel,
                                                                    int limit) = 0;

    // --- service levels
    // Conversations whose earliest due time has passed and whose breach nobody escalated yet,
    // across workspaces, soonest due first.
    virtual Result<std::vector<Conversation>> unescalated_breaches(UnixMillis now, int limit) = 0;
    // Escalates a breach: a task for `notify_user_id` (the team's manager) on the customer's
    // timeline, and the breach marked escalated. Nothing when the due time moved meanwhile.
    virtual Status escalate(const Conversation& breached, std::optional<Id> notify_user_id,
                            const std::string& task_subject, UnixMillis now) = 0;
    // Who hears of a breach: a manager (or above) of the conversation's team, else the
    // workspace's first owner.
    virtual Result<std::optional<Id>> escalation_contact(Id workspace_id, std::optional<Id> team_id) = 0;

    // --- presence: agents writing a reply now
    virtual Status touch_replying(Id workspace_id, Id conversation_id, Id user_id, UnixMillis now) = 0;
    struct Replying {
        Id user_id = 0;
        std::string name;
        UnixMillis since = 0;
    };
    virtual Result<std::vector<Replying>> replying(Id workspace_id, Id conversation_id, UnixMillis since) = 0;
};

}  // namespace rapport::domain::servicedesk
