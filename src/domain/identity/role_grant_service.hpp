#pragma once
// Changing what each role of a workspace may read and write (owners only; owners always
// read and write everything). A change invalidates the AuthCache, so it bites at once on
// this server. The grants are read through the ActorDirectory. Knows neither HTTP nor SQL.
// Thread-safe.
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/identity/auth_cache.hpp"
#include "domain/identity/entities.hpp"
#include "domain/identity/role_grant_repository.hpp"

namespace rapport::domain {

class RoleGrantService {
public:
    RoleGrantService(RoleGrantRepository& repo, AuthCache& cache, const Clock& clock)
        : repo_(repo), cache_(cache), clock_(clock) {}

    // Field error "/role" for an owner grant narrower than everything.
    Status set_role_grant(const Principal& actor, const RoleGrant& grant, const std::string& ip);

private:
    RoleGrantRepository& repo_;
    AuthCache& cache_;
    const Clock& clock_;
};

}  // namespace rapport::domain
