// Desk: the signed-in user's home page (tasks, recent records, quiet customers, news).
#include <optional>

#include "api/desk/desk_api.hpp"
#include "app/area_module.hpp"
#include "domain/desk/desk_service.hpp"
#include "storage/desk/sql_desk_repository.hpp"

namespace rapport::generated {
const char* openapi_desk();  // src/api/desk/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class DeskModule final : public AreaModule {
public:
    std::string_view name() const override { return "desk"; }

    std::string_view openapi_fragment() const override { return generated::openapi_desk(); }

    void build(ModuleContext& ctx) override {
        repo_.emplace(ctx.database);
        desk_.emplace(*repo_, ctx.services.get<domain::tasks::TaskService>(), ctx.clock);
        ctx.services.provide<domain::desk::DeskService>(*desk_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::DeskApi{shared, *desk_});
        api::register_desk_routes(router, *api_);
    }

private:
    std::optional<storage::SqlDeskRepository> repo_;
    std::optional<domain::desk::DeskService> desk_;
    std::optional<api::DeskApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_desk_module() {
    return std::make_unique<DeskModule>();
}

}  // namespace rapport::app
