#pragma once
// A user's (or API key's) role in one workspace, from most to least powerful.
#include <optional>
#include <string_view>

namespace rapport::domain {

enum class Role { Owner, Admin, Manager, Member, Viewer };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

// True when `have` is at least as powerful as `need`.
inline bool role_at_least(Role have, Role need) {
    return static_cast<int>(have) <= static_cast<int>(need);
}

}  // namespace rapport::domain
