#pragma once
// A user to create, with the account when the email has none (UserRepository and
// WorkspaceRepository both create users).
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/identity/role.hpp"

namespace rapport::domain {

struct NewUser {
    Id workspace_id = 0;
    Id user_id = 0;
    std::string email;  // normalised
    std::string display_name;
    Role role = Role::Member;
    std::optional<std::string> language;
    // Used when no account exists for the email yet; an existing account keeps its password.
    std::optional<std::string> password_hash;
    UnixMillis now = 0;
};

}  // namespace rapport::domain
