#pragma once
// The identity area's services wired over the real SQL repository, as the composition root
// wires them: one AuthCache shared by the parts that read it and the parts that invalidate it.
#include "core/clock.hpp"
#include "domain/identity/api_key_service.hpp"
#include "domain/identity/auth_cache.hpp"
#include "domain/identity/authentication_service.hpp"
#include "domain/identity/cached_actor_directory.hpp"
#include "domain/identity/login_throttle.hpp"
#include "domain/identity/principals.hpp"
#include "domain/identity/role_grant_service.hpp"
#include "domain/identity/user_service.hpp"
#include "domain/identity/workspace_bootstrap.hpp"
#include "storage/identity/sql_identity_repository.hpp"

namespace rapport::storage::testing {

struct IdentityParts {
    IdentityParts(Database& db, const Clock& clock)
        : repo(db),
          throttle(clock),
          actors(repo, cache, clock),
          authentication(repo, cache, clock, throttle, {}),
          users(repo, actors, cache, clock),
          api_keys(repo, cache, clock),
          role_grants(repo, cache, clock),
          workspaces(repo, clock) {}

    SqlIdentityRepository repo;
    domain::LoginThrottle throttle;
    domain::AuthCache cache;
    domain::CachedActorDirectory actors;
    domain::AuthenticationService authentication;
    domain::UserService users;
    domain::ApiKeyService api_keys;
    domain::RoleGrantService role_grants;
    domain::WorkspaceBootstrap workspaces;
};

}  // namespace rapport::storage::testing
