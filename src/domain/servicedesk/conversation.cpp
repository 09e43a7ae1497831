#include "domain/servicedesk/conversation.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace rapport::domain::servicedesk {

namespace {

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& names, E v) {
    for (const auto& [e, s] : names) {
        if (e == v) return s;
    }
    return "";
}
template <class E, std::size_t N>
std::optional<E> parse_of(const std::array<std::pair<E, std::string_view>, N>& names, std::string_view s) {
    for (const auto& [e, n] : names) {
        if (n == s) return e;
    }
    return std::nullopt;
}

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
    return name_of(kStatuses, v);
}
std::string_view to_string(Priority v) {
    return name_of(kPriorities, v);
}
std::string_view to_string(Topic v) {
    return name_of(kTopics, v);
}
std::string_view to_string(MessageKind v) {
    return name_of(kKinds, v);
}
std::string_view to_string(DeliveryStatus v) {
    return name_of(kDeliveries, v);
}
std::string_view to_string(AutoKind v) {
    return name_of(kAutoKinds, v);
}
std::string_view to_string(InboxView v) {
    return name_of(kViews, v);
}
std::string_view to_string(SlaState v) {
    return name_of(kSlaStates, v);
}
std::optional<ConversationStatus> parse_conversation_status(std::string_view s) {
    return parse_of(kStatuses, s);
}
std::optional<Priority> parse_priority(std::string_view s) {
    return parse_of(kPriorities, s);
}
std::optional<Topic> parse_topic(std::string_view s) {
    return parse_of(kTopics, s);
}
std::optional<MessageKind> parse_message_kind(std::string_view s) {
    return parse_of(kKinds, s);
}
std::optional<DeliveryStatus> parse_delivery_status(std::string_view s) {
    return parse_of(kDeliveries, s);
}
std::optional<AutoKind> parse_auto_kind(std::string_view s) {
    return parse_of(kAutoKinds, s);
}
std::optional<InboxView> parse_inbox_view(std::string_view s) {
    return parse_of(kViews, s);
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

std::optional<SlaState> sla_state(const Conversation& c, UnixMillis now) {
    if (!c.sla_due_at) return std::nullopt;
    if (*c.sla_due_at <= now) return SlaState::Breached;
    if (*c.sla_due_at - c.sla_warn_minutes * 60'000 <= now) return SlaState::Warning;
    return SlaState::Ok;
}

}  // namespace rapport::domain::servicedesk
