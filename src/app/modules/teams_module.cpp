// Teams: sales, marketing, service and IT teams and their members.
#include <optional>

#include "api/teams/teams_api.hpp"
#include "app/area_module.hpp"
#include "domain/teams/team_service.hpp"
#include "storage/teams/sql_team_repository.hpp"

namespace rapport::generated {
const char* openapi_teams();  // src/api/teams/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class TeamsModule final : public AreaModule {
public:
    std::string_view name() const override { return "teams"; }

    std::string_view openapi_fragment() const override { return generated::openapi_teams(); }

    void build(ModuleContext& ctx) override {
        repo_.emplace(ctx.database);
        teams_.emplace(*repo_, ctx.services.get<domain::ActorDirectory>(), ctx.clock);
        ctx.services.provide<domain::TeamService>(*teams_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::TeamApi{shared, *teams_});
        api::register_team_routes(router, *api_);
    }

private:
    std::optional<storage::SqlTeamRepository> repo_;
    std::optional<domain::TeamService> teams_;
    std::optional<api::TeamApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_teams_module() {
    return std::make_unique<TeamsModule>();
}

}  // namespace rapport::app
