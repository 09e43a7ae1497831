// Identity: workspaces, accounts, sessions, users, API keys and role grants.
#include <optional>

#include "api/identity/identity_api.hpp"
#include "app/area_module.hpp"
#include "domain/identity/identity_service.hpp"
#include "domain/identity/login_throttle.hpp"
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
        identity_.emplace(*repo_, ctx.clock, *throttle_, domain::IdentityService::Options{});
        ctx.services.provide<domain::IdentityRepository>(*repo_);
        ctx.services.provide<domain::IdentityService>(*identity_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::IdentityApi{shared});
        api::register_auth_routes(router, *api_);
        api::register_user_routes(router, *api_);
        api::register_api_key_routes(router, *api_);
    }

private:
    std::optional<storage::SqlIdentityRepository> repo_;
    std::optional<domain::LoginThrottle> throttle_;
    std::optional<domain::IdentityService> identity_;
    std::optional<api::IdentityApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_identity_module() {
    return std::make_unique<IdentityModule>();
}

}  // namespace rapport::app
