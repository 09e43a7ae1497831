#include "domain/identity/role.hpp"

namespace rapport::domain {

std::string_view to_string(Role role) {
    switch (role) {
        case Role::Owner: return "owner";
        case Role::Admin: return "admin";
        case Role::Manager: return "manager";
        case Role::Member: return "member";
        case Role::Viewer: return "viewer";
    }
    return "viewer";
}

std::optional<Role> parse_role(std::string_view text) {
    for (Role r : {Role::Owner, Role::Admin, Role::Manager, Role::Member, Role::Viewer}) {
        if (to_string(r) == text) return r;
    }
    return std::nullopt;
}

}  // namespace rapport::domain
