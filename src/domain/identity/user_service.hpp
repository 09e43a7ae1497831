#pragma once
// The users of a workspace: listed, looked up, added and changed, with the role rules of
// who may change whom. A change to a user invalidates the AuthCache, so a role change or a
// deactivation bites at once on this server. A buyer's partner user (B2B2C) sees only
// themselves. Knows neither HTTP nor SQL. Thread-safe.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/identity/auth_cache.hpp"
#include "domain/identity/entities.hpp"
#include "domain/identity/user_directory.hpp"
#include "domain/identity/user_repository.hpp"
#include "domain/page.hpp"

namespace rapport::domain {

struct UserInput {
    std::optional<std::string> email;
    std::optional<std::string> display_name;
    std::optional<Role> role;
    std::optional<std::string> language;
    std::optional<std::string> password;
    std::optional<bool> active;
};

class UserService final : public UserDirectory {
public:
    UserService(UserRepository& repo, ActorDirectory& actors, AuthCache& cache, const Clock& clock)
        : repo_(repo), actors_(actors), cache_(cache), clock_(clock) {}

    Result<Page<User>> list_users(const Principal& actor, const PageRequest& page);
    Result<User> get_user(const Principal& actor, Id user_id) override;
    // Field errors point into the input ("/email", "/role", "/password").
    Result<User> create_user(const Principal& actor, const UserInput& input, const std::string& ip);
    Result<User> update_user(const Principal& actor, Id user_id, const UserInput& input, const std::string& ip);
    // The user's memberships across workspaces (one account, several workspaces).
    Result<std::vector<User>> memberships_of(const User& user);

private:
    UserRepository& repo_;
    ActorDirectory& actors_;
    AuthCache& cache_;
    const Clock& clock_;
};

}  // namespace rapport::domain
