#pragma once
// Teams are the executors of the CRM Model Canvas: sales (hunters win new customers,
// farmers grow existing ones), marketing, service, IT and interdisciplinary teams.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"

namespace rapport::domain {

enum class TeamKind { Sales, Marketing, Service, It, Interdisciplinary };
enum class SalesRole { Hunter, Farmer };

std::string_view to_string(TeamKind kind);
std::optional<TeamKind> parse_team_kind(std::string_view text);
std::string_view to_string(SalesRole role);
std::optional<SalesRole> parse_sales_role(std::string_view text);

struct TeamMember {
    Id user_id = 0;
    std::optional<SalesRole> sales_role;  // only in sales teams
};

struct Team {
    Id workspace_id = 0;
    Id team_id = 0;
    std::string name;
    TeamKind kind = TeamKind::Interdisciplinary;
    std::string description;
    std::vector<TeamMember> members;
    UnixMillis created_at = 0;
    UnixMillis updated_at = 0;
};

}  // namespace rapport::domain
