// Service levels: business-hours calendars, SLA policies, and the ServiceLevelService the
// service desk asks for due times.
#include <optional>

#include "api/servicelevels/servicelevels_api.hpp"
#include "app/area_module.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/servicelevels/segment_membership.hpp"
#include "domain/servicelevels/service_level_service.hpp"
#include "domain/servicelevels/service_level_settings.hpp"
#include "storage/segments/sql_segment_repository.hpp"
#include "storage/servicelevels/sql_service_level_repository.hpp"

namespace rapport::generated {
const char* openapi_servicelevels();  // src/api/servicelevels/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class ServiceLevelsModule final : public AreaModule {
public:
    std::string_view name() const override { return "servicelevels"; }

    std::string_view openapi_fragment() const override { return generated::openapi_servicelevels(); }

    void build(ModuleContext& ctx) override {
        repo_.emplace(ctx.database);
        segment_repo_.emplace(ctx.database);
        membership_.emplace(*segment_repo_, ctx.services.get<domain::customers::CustomerService>());
        settings_.emplace(*repo_, *membership_, ctx.clock);
        service_.emplace(*repo_, *membership_, ctx.clock);
        ctx.services.provide<domain::servicelevels::ServiceLevelSettings>(*settings_);
        ctx.services.provide<domain::servicelevels::ServiceLevelService>(*service_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::ServiceLevelsApi{shared, *settings_});
        api::register_service_level_routes(router, *api_);
    }

private:
    std::optional<storage::SqlServiceLevelRepository> repo_;
    std::optional<storage::SqlSegmentRepository> segment_repo_;
    std::optional<domain::servicelevels::SegmentMembershipOfSegments> membership_;
    std::optional<domain::servicelevels::ServiceLevelSettings> settings_;
    std::optional<domain::servicelevels::ServiceLevelService> service_;
    std::optional<api::ServiceLevelsApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_servicelevels_module() {
    return std::make_unique<ServiceLevelsModule>();
}

}  // namespace rapport::app
