#pragma once
// The service desk's conversations: every message a customer sends through any channel
// (email, the web form, chat and social bridges through the API), the replies and internal
// notes of the agents, and the state that says whether the customer has been answered.
// "Unanswered" is not a status someone sets: a conversation is unanswered from its oldest
// customer message that has had neither a reply nor a "no reply needed" (awaiting_since),
// so the list of unanswered conversations cannot drift from the messages.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"

namespace rapport::domain::servicedesk {

enum class ConversationStatus { New, Open, Pending, Resolved, Closed };
enum class Priority { Low, Normal, High, Urgent };
// The feedback the seed texts ask a company to capture: what the customer wrote about.
enum class Topic { Product, Service, Process, Billing, Other };
enum class MessageKind { Inbound, Reply, Note, Auto };
enum class DeliveryStatus { Queued, Sent, Failed };
enum class AutoKind { AutoReply, DeliveryReport };
enum class InboxView { Unanswered, Unassigned, Mine, Waiting, Breaching, Open, Resolved, All };

std::string_view to_string(ConversationStatus v);
std::string_view to_string(Priority v);
std::string_view to_string(Topic v);
std::string_view to_string(MessageKind v);
std::string_view to_string(DeliveryStatus v);
std::string_view to_string(AutoKind v);
std::string_view to_string(InboxView v);
std::optional<ConversationStatus> parse_conversation_status(std::string_view s);
std::optional<Priority> parse_priority(std::string_view s);
std::optional<Topic> parse_topic(std::string_view s);
std::optional<MessageKind> parse_message_kind(std::string_view s);
std::optional<DeliveryStatus> parse_delivery_status(std::string_view s);
std::optional<AutoKind> parse_auto_kind(std::string_view s);
std::optional<InboxView> parse_inbox_view(std::string_view s);

// Whether a conversation in this status still needs work (shows in the working views).
bool is_active(ConversationStatus status);

// The reference a reply's subject carries so that a customer's answer finds its conversation
// even without threading headers: "[#1234]".
std::string ticket_reference(std::int64_t number);
// The number of the first ticket reference in a subject, if any.
std::optional<std::int64_t> find_ticket_reference(std::string_view subject);
// "Re: <subject> [#n]" without doubling an existing "Re:" or reference.
std::string reply_subject(std::string_view subject, std::int64_t number);

struct Conversation {
    Id workspace_id = 0;
    Id conversation_id = 0;
    std::int64_t number = 0;
    std::string subject;
    std::string channel;  // "email", "web_form", or a bridge's name ("whatsapp")
    std::optional<Id> mailbox_id;
    ConversationStatus status = ConversationStatus::New;
    Priority priority = Priority::Normal;
    std::optional<Topic> topic;
    std::optional<Id> team_id;
    std::optional<Id> assignee_user_id;
    std::optional<Id> person_id;
    std::optional<Id> company_id;
    std::vector<std::string> tags;
    std::optional<UnixMillis> awaiting_since;  // oldest customer message not yet answered
    std::optional<UnixMillis> last_inbound_at;
    std::optional<UnixMillis> last_reply_at;
    UnixMillis last_message_at = 0;
    std::optional<UnixMillis> first_response_at;
    // Service levels (filled when a policy applies): the due times, and the earliest one not
    // yet met, which the "breaching" view sorts by.
    std::optional<Id> sla_policy_id;
    std::optional<UnixMillis> first_response_due_at;
    std::optional<UnixMillis> next_response_due_at;
    std::optional<UnixMillis> resolution_due_at;
    std::optional<UnixMillis> sla_due_at;
    std::int64_t sla_warn_minutes = 0;
    std::optional<UnixMillis> waiting_since;  // pending on the customer since: the SLA pauses
    std::optional<UnixMillis> resolved_at;
    std::optional<Id> merged_into_id;
    std::int64_t version = 1;
    UnixMillis created_at = 0;
    UnixMillis updated_at = 0;
};

// The earliest due time a conversation has not met yet: the first response while nobody
// answered, the next response while a customer message waits, the resolution while open.
std::optional<UnixMillis> earliest_open_due(const Conversation& c);

enum class SlaState { Ok, Warning, Breached };
std::string_view to_string(SlaState v);
std::optional<SlaState> sla_state(const Conversation& c, UnixMillis now);

struct Attachment {
    Id attachment_id = 0;
    Id message_id = 0;
    std::string filename;
    std::string content_type;
    std::string content_id;
    bool is_inline = false;
    std::int64_t size = 0;
    std::string data;             // the bytes; empty when rejected (and in lists)
    std::string rejected_reason;  // set when the attachment was refused (over the size limit)
};

struct ConversationMessage {
    Id workspace_id = 0;
    Id message_id = 0;
    std::optional<Id> conversation_id;  // absent: automatic mail that belongs to no conversation
    MessageKind kind = MessageKind::Inbound;
    std::string channel;
    std::optional<std::string> external_id;  // the Message-ID, or the channel's own id
    std::optional<Id> mailbox_id;
    std::string from_name;
    std::optional<std::string> from_address;
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::string subject;
    std::string text;
    std::string html;
    std::optional<Id> author_user_id;
    std::optional<Id> person_id;
    std::optional<AutoKind> auto_kind;
    std::optional<UnixMillis> answered_at;  // customer messages: when a reply or a no-reply closed them
    std::optional<std::string> no_reply_reason;
    std::optional<DeliveryStatus> delivery_status;  // replies
    std::optional<std::string> delivery_error;
    std::int64_t send_attempts = 0;
    std::optional<UnixMillis> next_attempt_at;
    std::optional<UnixMillis> sent_at;
    std::vector<std::string> in_reply_to;
    std::vector<std::string> references;
    std::optional<Id> interaction_id;  // its entry on the customer's timeline
    std::int64_t minutes_spent = 0;
    UnixMillis occurred_at = 0;
    UnixMillis created_at = 0;
    std::vector<Attachment> attachments;
};

}  // namespace rapport::domain::servicedesk
