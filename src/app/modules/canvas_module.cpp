// The canvases: what the data shows per segment and relationship type, the Customer
// Relationships block (plans joined with that data, costs and gaps), and the CRM Model
// Canvas's nine blocks, computed on request from the workspace's data (read-only).
#include <optional>

#include "api/canvas/canvas_api.hpp"
#include "app/area_module.hpp"
#include "domain/canvas/canvas_service.hpp"
#include "storage/canvas/sql_canvas_repository.hpp"

namespace rapport::generated {
const char* openapi_canvas();  // src/api/canvas/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class CanvasModule final : public AreaModule {
public:
    std::string_view name() const override { return "canvas"; }

    std::string_view openapi_fragment() const override { return generated::openapi_canvas(); }

    void build(ModuleContext& ctx) override {
        clock_ = &ctx.clock;
        repo_.emplace(ctx.database);
        service_.emplace(*repo_, ctx.services.get<domain::segments::SegmentService>(),
                         ctx.services.get<domain::customers::CustomerService>(),
                         ctx.services.get<domain::ActorDirectory>(), ctx.clock);
        ctx.services.provide<domain::canvas::CanvasService>(*service_);
        block_.emplace(*service_, ctx.services.get<domain::relationships::RelationshipPlans>(),
                       ctx.services.get<domain::costs::CostService>(), ctx.services.get<domain::TeamService>(),
                       ctx.services.get<domain::satisfaction::SatisfactionService>(),
                       ctx.services.get<domain::servicelevels::ServiceLevelService>());
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::CanvasApi{shared, *service_, *block_, *clock_});
        api::register_canvas_routes(router, *api_);
        api::register_relationships_block_routes(router, *api_);
    }

private:
    const Clock* clock_ = nullptr;
    std::optional<storage::SqlCanvasRepository> repo_;
    std::optional<domain::canvas::CanvasService> service_;
    std::optional<domain::canvas::RelationshipsBlockService> block_;
    std::optional<api::CanvasApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_canvas_module() {
    return std::make_unique<CanvasModule>();
}

}  // namespace rapport::app
