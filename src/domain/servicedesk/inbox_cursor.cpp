// A position in an inbox view: "<sort time>.<conversation id>".
#include <charconv>

#include "domain/servicedesk/conversation_repository.hpp"

namespace rapport::domain::servicedesk {

std::string format_cursor(const InboxCursor& c) {
    return std::to_string(c.at) + "." + id_to_string(c.conversation_id);
}

std::optional<InboxCursor> parse_inbox_cursor(std::string_view text) {
    auto dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    InboxCursor c;
    auto [p, ec] = std::from_chars(text.data(), text.data() + dot, c.at);
    if (ec != std::errc{} || p != text.data() + dot) return std::nullopt;
    auto id = parse_id(text.substr(dot + 1));
    if (!id) return std::nullopt;
    c.conversation_id = *id;
    return c;
}

}  // namespace rapport::domain::servicedesk
