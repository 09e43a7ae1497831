#include "domain/teams/team.hpp"

namespace rapport::domain {

std::string_view to_string(TeamKind kind) {
    switch (kind) {
        case TeamKind::Sales: return "sales";
        case TeamKind::Marketing: return "marketing";
        case TeamKind::Service: return "service";
        case TeamKind::It: return "it";
        case TeamKind::Interdisciplinary: return "interdisciplinary";
    }
    return "interdisciplinary";
}

std::optional<TeamKind> parse_team_kind(std::string_view text) {
    for (auto k :
         {TeamKind::Sales, TeamKind::Marketing, TeamKind::Service, TeamKind::It, TeamKind::Interdisciplinary}) {
        if (to_string(k) == text) return k;
    }
    return std::nullopt;
}

std::string_view to_string(SalesRole role) {
    return role == SalesRole::Hunter ? "hunter" : "farmer";
}

std::optional<SalesRole> parse_sales_role(std::string_view text) {
    if (text == "hunter") return SalesRole::Hunter;
    if (text == "farmer") return SalesRole::Farmer;
    return std::nullopt;
}

}  // namespace rapport::domain
