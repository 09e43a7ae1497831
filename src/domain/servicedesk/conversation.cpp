#include "domain/servicedesk/conversation.hpp"

#include "core/name_table.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace rapport::domain::servicedesk {

namespace {

constexpr std::array<std::pair<ConversationStatus, std::string_view>, 5> kStatuses{{
    {ConversationStatus::New, "new"},
    {ConversationStatus::Open, "open"},
    {ConversationStatus::Pending, "pending"},
    {ConversationStatus::Resolved, "resolved"},
    {ConversationStatus::Closed, "closed"},
}};
constexpr std::array<std::pair<Priority, std::string_view>, 4> kPriorities{{
    {Priority::Low, "low"},
    {Priority::Normal, "normal"},
    {Priority::High, "high"},
    {Priority::Urgent, "urgent"},
}};
constexpr std::array<std::pair<Topic, std::string_view>, 5> kTopics{{
    {Topic::Product, "product"},
    {Topic::Service, "service"},
    {Topic::Process, "process"},
    {Topic::Billing, "billing"},
    {Topic::Other, "other"},
}};
constexpr std::array<std::pair<MessageKind, std::string_view>, 4> kKinds{{
    {MessageKind::Inbound, "inbound"},
    {MessageKind::Reply, "reply"},
    {MessageKind::Note, "note"},
    {MessageKind::Auto, "auto"},
}};
constexpr std::array<std::pair<DeliveryStatus, std::string_view>, 3> kDeliveries{{
    {DeliveryStatus::Queued, "queued"},
    {DeliveryStatus::Sent, "sent"},
    {DeliveryStatus::Failed, "failed"},
}};
constexpr std::array<std::pair<AutoKind, std::string_view>, 2> kAutoKinds{{
    {AutoKind::AutoReply, "auto_reply"},
    {AutoKind::DeliveryReport, "delivery_report"},
}};
constexpr std::array<std::pair<InboxView, std::string_view>, 8> kViews{{
    {InboxView::Unanswered, "unanswered"},
    {InboxView::Unassigned, "unassigned"},
    {InboxView::Mine, "mine"},
    {InboxView::Waiting, "waiting"},
    {InboxView::Breaching, "breaching"},
    {InboxView::Open, "open"},
    {InboxView::Resolved, "resolved"},
    {InboxView::All, "all"},
}};
constexpr std::array<std::pair<SlaState, std::string_view>, 3> kSlaStates{{
    {SlaState::Ok, "ok"},
    {SlaState::Warning, "warning"},
    {SlaState::Breached, "breached"},
}};

}  // namespace

std::string_view to_string(ConversationStatus v) {
    return name_in(kStatuses, v);
}
std::string_view to_string(Priority v) {
    return name_in(kPriorities, v);
}
std::string_view to_string(Topic v) {
    return name_in(kTopics, v);
}
std::string_view to_string(MessageKind v) {
    return name_in(kKinds, v);
}
std::string_view to_string(DeliveryStatus v) {
    return name_in(kDeliveries, v);
}
std::string_view to_string(AutoKind v) {
    return name_in(kAutoKinds, v);
}
std::string_view to_string(InboxView v) {
    return name_in(kViews, v);
}
std::string_view to_string(SlaState v) {
    return name_in(kSlaStates, v);
}
std::optional<ConversationStatus> parse_conversation_status(std::string_view s) {
    return parse_in(kStatuses, s);
}
std::optional<Priority> parse_priority(std::string_view s) {
    return parse_in(kPriorities, s);
}
std::optional<Topic> parse_topic(std::string_view s) {
    return parse_in(kTopics, s);
}
std::optional<MessageKind> parse_message_kind(std::string_view s) {
    return parse_in(kKinds, s);
}
std::optional<DeliveryStatus> parse_delivery_status(std::string_view s) {
    return parse_in(kDeliveries, s);
}
std::optional<AutoKind> parse_auto_kind(std::string_view s) {
    return parse_in(kAutoKinds, s);
}
std::optional<InboxView> parse_inbox_view(std::string_view s) {
    return parse_in(kViews, s);
}

bool is_active(ConversationStatus status) {
    return status == ConversationStatus::New || status == ConversationStatus::Open ||
           status == ConversationStatus::Pending;
}

std::string ticket_reference(std::int64_t number) {
    return "[#" + std::to_string(number) + "]";
}

std::optional<std::int64_t> find_ticket_reference(std::string_view subject) {
    for (std::size_t at = subject.find("[#"); at != std::string_view::npos; at = subject.find("[#", at + 2)) {
        const char* begin = subject.data() + at + 2;
        const char* end = subject.data() + subject.size();
        std::int64_t number = 0;
        auto [p, ec] = std::from_chars(begin, end, number);
        if (ec == std::errc{} && p != begin && p < end && *p == ']' && number > 0) return number;
    }
    return std::nullopt;
}

std::string reply_subject(std::string_view subject, std::int64_t number) {
    std::string out;
    const bool has_re = subject.size() >= 3 && (subject.substr(0, 3) == "Re:" || subject.substr(0, 3) == "RE:" ||
                                                subject.substr(0, 3) == "re:");
    if (!has_re) out = "Re: ";
    out += subject;
    if (find_ticket_reference(subject) != number) out += " " + ticket_reference(number);
    return out;
}

std::optional<UnixMillis> earliest_open_due(const Conversation& c) {
    if (!is_active(c.status) || c.merged_into_id) return std::nullopt;
    std::optional<UnixMillis> due;
    auto consider = [&](const std::optional<UnixMillis>& t) {
        if (t && (!due || *t < *due)) due = t;
    };
    // Waiting on the customer pauses the clock: nothing is due from the company meanwhile.
    if (c.status == ConversationStatus::Pending) return std::nullopt;
    if (!c.first_response_at) {
        consider(c.first_response_due_at);
    } else if (c.awaiting_since) {
        consider(c.next_response_due_at);
    }
    consider(c.resolution_due_at);
    return due;
}

void end_wait(Conversation& c, UnixMillis now) {
    if (!c.waiting_since) return;
    const UnixMillis waited = std::max<UnixMillis>(0, now - *c.waiting_since);
    for (auto* due : {&c.first_response_due_at, &c.next_response_due_at, &c.resolution_due_at}) {
        if (*due) **due += waited;
    }
    c.waiting_since.reset();
}

std::optional<SlaState> sla_state(const Conversation& c, UnixMillis now) {
    if (!c.sla_due_at) return std::nullopt;
    if (*c.sla_due_at <= now) return SlaState::Breached;
    if (*c.sla_due_at - c.sla_warn_minutes * 60'000 <= now) return SlaState::Warning;
    return SlaState::Ok;
}

}  // namespace rapport::domain::servicedesk
