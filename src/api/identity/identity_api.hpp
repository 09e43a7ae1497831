#pragma once
// The identity area's routes: Sign-in, sessions, users, API keys and role grants.
// What they use beyond the shared ApiContext; the identity module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/identity/api_key_service.hpp"
#include "domain/identity/role_grant_service.hpp"
#include "domain/identity/user_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct IdentityApi : ApiContext {
    domain::UserService& users;
    domain::ApiKeyService& api_keys;
    domain::RoleGrantService& role_grants;
    domain::ActorDirectory& actors;
};

void register_auth_routes(http::Router& router, IdentityApi& api);
void register_user_routes(http::Router& router, IdentityApi& api);
void register_api_key_routes(http::Router& router, IdentityApi& api);

}  // namespace rapport::api
