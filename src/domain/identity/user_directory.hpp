#pragma once
// What the other areas need to look up a user of the workspace (an assignee, a grantee, a
// segment's owner). Implemented by UserService. Implementations must be thread-safe.
#include "core/error.hpp"
#include "domain/identity/entities.hpp"

namespace rapport::domain {

class UserDirectory {
public:
    virtual ~UserDirectory() = default;

    // The user `user_id` of the actor's workspace, as the actor may see it: a partner user
    // sees only themselves. NotFound otherwise.
    virtual Result<User> get_user(const Principal& actor, Id user_id) = 0;
};

}  // namespace rapport::domain
