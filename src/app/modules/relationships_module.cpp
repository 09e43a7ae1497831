// Relationships: the versioned relationship plan of each segment (what relationship types it
// should get, why, by whom, through which channels and measured how), and RelationshipPlans,
// the query other areas (the canvas) read plans with.
#include <optional>

#include "api/relationships/relationships_api.hpp"
#include "app/area_module.hpp"
#include "domain/relationships/relationship_plan_service.hpp"
#include "domain/relationships/relationship_plans.hpp"
#include "storage/relationships/sql_relationship_plan_repository.hpp"

namespace rapport::generated {
const char* openapi_relationships();  // src/api/relationships/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class RelationshipsModule final : public AreaModule {
public:
    std::string_view name() const override { return "relationships"; }

    std::string_view openapi_fragment() const override { return generated::openapi_relationships(); }

    void build(ModuleContext& ctx) override {
        repo_.emplace(ctx.database);
        service_.emplace(*repo_, ctx.services.get<domain::segments::SegmentService>(),
                         ctx.services.get<domain::TeamService>(), ctx.clock);
        plans_.emplace(*repo_);
        ctx.services.provide<domain::relationships::RelationshipPlanService>(*service_);
        ctx.services.provide<domain::relationships::RelationshipPlans>(*plans_);
        ctx.services.provide<domain::relationships::RelationshipPlanRepository>(*repo_);  // the demo data
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::RelationshipsApi{shared, *service_});
        api::register_relationship_plan_routes(router, *api_);
    }

private:
    std::optional<storage::SqlRelationshipPlanRepository> repo_;
    std::optional<domain::relationships::RelationshipPlanService> service_;
    std::optional<domain::relationships::RelationshipPlans> plans_;
    std::optional<api::RelationshipsApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_relationships_module() {
    return std::make_unique<RelationshipsModule>();
}

}  // namespace rapport::app
