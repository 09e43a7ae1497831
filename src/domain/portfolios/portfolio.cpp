#include "domain/portfolios/portfolio.hpp"

#include <charconv>

namespace rapport::domain::portfolios {

std::optional<std::int64_t> days_since(std::optional<UnixMillis> last_contact_at, UnixMillis now) {
    if (!last_contact_at) return std::nullopt;
    if (*last_contact_at >= now) return 0;
    return (now - *last_contact_at) / kDay;
}

OwnerSummary summarize(const OwnerCounts& counts) {
    OwnerSummary s;
    s.user_id = counts.user_id;
    s.companies = counts.companies;
    s.people = counts.people;
    s.contacted = counts.contacted;
    const std::int64_t size = counts.companies + counts.people;
    s.not_contacted = size - counts.contacted;
    if (size > 0) s.coverage = static_cast<double>(counts.contacted) / static_cast<double>(size);
    return s;
}

namespace {
std::optional<std::int64_t> number(std::string_view text) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
    return v;
}
}  // namespace

// "<last contact or n>.<c|p>.<id>"
std::string format_cursor(const PortfolioCursor& cursor) {
    return (cursor.last_contact_at ? std::to_string(*cursor.last_contact_at) : std::string("n")) + "." +
           (cursor.type == EntityType::Company ? "c" : "p") + "." + id_to_string(cursor.id);
}

std::optional<PortfolioCursor> parse_portfolio_cursor(std::string_view text) {
    const auto first = text.find('.');
    if (first == std::string_view::npos) return std::nullopt;
    const auto second = text.find('.', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    PortfolioCursor c;
    const auto at = text.substr(0, first);
    if (at != "n") {
        auto v = number(at);
        if (!v) return std::nullopt;
        c.last_contact_at = *v;
    }
    const auto type = text.substr(first + 1, second - first - 1);
    if (type == "c") {
        c.type = EntityType::Company;
    } else if (type == "p") {
        c.type = EntityType::Person;
    } else {
        return std::nullopt;
    }
    auto id = parse_id(text.substr(second + 1));
    if (!id) return std::nullopt;
    c.id = *id;
    return c;
}

}  // namespace rapport::domain::portfolios
