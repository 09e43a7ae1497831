// Exports: CSV downloads of lists and segments, streamed.
#include <optional>

#include "api/exports/exports_api.hpp"
#include "app/area_module.hpp"

namespace rapport::generated {
const char* openapi_exports();  // src/api/exports/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class ExportsModule final : public AreaModule {
public:
    std::string_view name() const override { return "exports"; }

    std::string_view openapi_fragment() const override { return generated::openapi_exports(); }

    void build(ModuleContext& ctx) override { services_ = &ctx.services; }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::ExportApi{shared, services_->get<domain::customers::CustomerService>(),
                                    services_->get<domain::segments::SegmentService>()});
        api::register_export_routes(router, *api_);
    }

private:
    const ServiceRegistry* services_ = nullptr;
    std::optional<api::ExportApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_exports_module() {
    return std::make_unique<ExportsModule>();
}

}  // namespace rapport::app
