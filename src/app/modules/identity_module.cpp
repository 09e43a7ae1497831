// Identity: workspaces, accounts, sessions, users, API keys and role grants.
#include <optional>

#include "api/identity/identity_api.hpp"
#include "app/area_module.hpp"
#include "domain/identity/api_key_service.hpp"
#include "domain/identity/auth_cache.hpp"
#include "domain/identity/authentication_service.hpp"
#include "domain/identity/cached_actor_directory.hpp"
#include "domain/identity/login_throttle.hpp"
#include "domain/identity/role_grant_service.hpp"
#include "domain/identity/user_service.hpp"
#include "domain/identity/workspace_bootstrap.hpp"
#include "storage/identity/sql_identity_repository.hpp"

namespace rapport::generated {
const char* openapi_identity();  // src/api/identity/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class IdentityModule final : public AreaModule {
public:
    std::string_view name() const override { return "identity"; }

    std::string_view openapi_fragment() const override { return generated::openapi_identity(); }

    void build(ModuleContext& ctx) override {
        repo_.emplace(ctx.database);
        throttle_.emplace(ctx.clock);
        actors_.emplace(*repo_, cache_, ctx.clock);
        authentication_.emplace(*repo_, cache_, ctx.clock, *throttle_, domain::AuthenticationService::Options{});
        users_.emplace(*repo_, *actors_, cache_, ctx.clock);
        api_keys_.emplace(*repo_, cache_, ctx.clock);
        role_grants_.emplace(*repo_, cache_, ctx.clock);
        workspaces_.emplace(*repo_, ctx.clock);
        // What the other areas use: who an actor is and what it may do, and users by id.
        ctx.services.provide<domain::ActorDirectory>(*actors_);
        ctx.services.provide<domain::UserDirectory>(*users_);
        // What the server and the commands use.
        ctx.services.provide<domain::AuthenticationService>(*authentication_);
        ctx.services.provide<domain::UserService>(*users_);
        ctx.services.provide<domain::ApiKeyService>(*api_keys_);
        ctx.services.provide<domain::RoleGrantService>(*role_grants_);
        ctx.services.provide<domain::WorkspaceBootstrap>(*workspaces_);
        ctx.services.provide<domain::WorkspaceRepository>(*repo_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::IdentityApi{shared, *users_, *api_keys_, *role_grants_, *actors_});
        api::register_auth_routes(router, *api_);
        api::register_user_routes(router, *api_);
        api::register_api_key_routes(router, *api_);
    }

private:
    std::optional<storage::SqlIdentityRepository> repo_;
    // Who is signed in, and the workspaces' grants, for a few seconds; every change that
    // affects them (logout, role, deactivation, key revocation, grant) invalidates it.
    domain::AuthCache cache_;
    std::optional<domain::LoginThrottle> throttle_;
    std::optional<domain::CachedActorDirectory> actors_;
    std::optional<domain::AuthenticationService> authentication_;
    std::optional<domain::UserService> users_;
    std::optional<domain::ApiKeyService> api_keys_;
    std::optional<domain::RoleGrantService> role_grants_;
    std::optional<domain::WorkspaceBootstrap> workspaces_;
    std::optional<api::IdentityApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_identity_module() {
    return std::make_unique<IdentityModule>();
}

}  // namespace rapport::app
