// Privacy: consent and the data subject's rights (access, erasure).
#include <optional>

#include "api/privacy/privacy_api.hpp"
#include "app/area_module.hpp"
#include "domain/privacy/privacy_service.hpp"
#include "storage/privacy/sql_privacy_repository.hpp"

namespace rapport::generated {
const char* openapi_privacy();  // src/api/privacy/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class PrivacyModule final : public AreaModule {
public:
    std::string_view name() const override { return "privacy"; }

    std::string_view openapi_fragment() const override { return generated::openapi_privacy(); }

    void build(ModuleContext& ctx) override {
        // The areas built later add what they erase with a person (storage/person_erasure_steps.hpp).
        ctx.services.provide<storage::PersonErasureSteps>(erasure_steps_);
        repo_.emplace(ctx.database, erasure_steps_);
        privacy_.emplace(*repo_, ctx.services.get<domain::customers::CustomerService>(),
                         ctx.services.get<domain::timeline::TimelineService>(), ctx.clock);
        ctx.services.provide<domain::privacy::PrivacyService>(*privacy_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::PrivacyApi{shared, *privacy_});
        api::register_privacy_routes(router, *api_);
    }

private:
    storage::PersonErasureSteps erasure_steps_;
    std::optional<storage::SqlPrivacyRepository> repo_;
    std::optional<domain::privacy::PrivacyService> privacy_;
    std::optional<api::PrivacyApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_privacy_module() {
    return std::make_unique<PrivacyModule>();
}

}  // namespace rapport::app
