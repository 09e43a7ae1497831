#include "domain/timeline/interaction.hpp"

#include <array>
#include <charconv>
#include <utility>

namespace rapport::domain::timeline {

namespace {
template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E v) {
    for (const auto& [e, s] : table) {
        if (e == v) return s;
    }
    return table[0].second;
}
template <class E, std::size_t N>
std::optional<E> parse_of(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view text) {
    for (const auto& [e, s] : table) {
        if (s == text) return e;
    }
    return std::nullopt;
}
constexpr std::array<std::pair<InteractionKind, std::string_view>, 5> kKinds = {{{InteractionKind::Note, "note"},
                                                                                 {InteractionKind::Call, "call"},
                                                                                 {InteractionKind::Meeting, "meeting"},
                                                                                 {InteractionKind::Email, "email"},
                                                                                 {InteractionKind::Task, "task"}}};
constexpr std::array<std::pair<Channel, std::string_view>, 7> kChannels = {{{Channel::Email, "email"},
                                                                            {Channel::Phone, "phone"},
                                                                            {Channel::Chat, "chat"},
                                                                            {Channel::InPerson, "in_person"},
                                                                            {Channel::Web, "web"},
                                                                            {Channel::Social, "social"},
                                                                            {Channel::Letter, "letter"}}};
constexpr std::array<std::pair<Direction, std::string_view>, 2> kDirections = {
    {{Direction::Inbound, "inbound"}, {Direction::Outbound, "outbound"}}};
constexpr std::array<std::pair<RelationshipType, std::string_view>, 6> kRelationships = {
    {{RelationshipType::PersonalAssistance, "personal_assistance"},
     {RelationshipType::DedicatedAssistance, "dedicated_assistance"},
     {RelationshipType::SelfService, "self_service"},
     {RelationshipType::Automated, "automated"},
     {RelationshipType::Community, "community"},
     {RelationshipType::CoCreation, "co_creation"}}};
}  // namespace

std::string_view to_string(InteractionKind v) {
    return name_of(kKinds, v);
}
std::string_view to_string(Channel v) {
    return name_of(kChannels, v);
}
std::string_view to_string(Direction v) {
    return name_of(kDirections, v);
}
std::string_view to_string(RelationshipType v) {
    return name_of(kRelationships, v);
}
std::optional<InteractionKind> parse_interaction_kind(std::string_view s) {
    return parse_of(kKinds, s);
}
std::optional<Channel> parse_channel(std::string_view s) {
    return parse_of(kChannels, s);
}
std::optional<Direction> parse_direction(std::string_view s) {
    return parse_of(kDirections, s);
}
std::optional<RelationshipType> parse_relationship_type(std::string_view s) {
    return parse_of(kRelationships, s);
}

std::string format_cursor(const TimelineCursor& c) {
    return std::to_string(c.occurred_at) + "." + id_to_string(c.interaction_id);
}

std::optional<TimelineCursor> parse_cursor(std::string_view text) {
    const auto dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    TimelineCursor c;
    auto [p, ec] = std::from_chars(text.data(), text.data() + dot, c.occurred_at);
    if (ec != std::errc{} || p != text.data() + dot) return std::nullopt;
    auto id = parse_id(text.substr(dot + 1));
    if (!id) return std::nullopt;
    c.interaction_id = *id;
    return c;
}

}  // namespace rapport::domain::timeline
