// Timeline: each customer's interactions, with their source and kind.
#include <optional>

#include "api/timeline/timeline_api.hpp"
#include "app/area_module.hpp"
#include "domain/timeline/timeline_service.hpp"
#include "storage/timeline/sql_timeline_repository.hpp"

namespace rapport::generated {
const char* openapi_timeline();  // src/api/timeline/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class TimelineModule final : public AreaModule {
public:
    std::string_view name() const override { return "timeline"; }

    std::string_view openapi_fragment() const override { return generated::openapi_timeline(); }

    void build(ModuleContext& ctx) override {
        repo_.emplace(ctx.database);
        timeline_.emplace(*repo_, ctx.services.get<domain::customers::CustomerService>(),
                          ctx.services.get<domain::ActorDirectory>(), ctx.services.get<domain::UserDirectory>(),
                          ctx.clock);
        ctx.services.provide<domain::timeline::TimelineService>(*timeline_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::TimelineApi{shared, *timeline_});
        api::register_timeline_routes(router, *api_);
    }

private:
    std::optional<storage::SqlTimelineRepository> repo_;
    std::optional<domain::timeline::TimelineService> timeline_;
    std::optional<api::TimelineApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_timeline_module() {
    return std::make_unique<TimelineModule>();
}

}  // namespace rapport::app
