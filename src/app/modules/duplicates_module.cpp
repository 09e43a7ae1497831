// Duplicates: candidate pairs found by blocking and scoring, their review and merges.
#include <optional>

#include "api/duplicates/duplicates_api.hpp"
#include "app/area_module.hpp"
#include "domain/duplicates/duplicate_service.hpp"
#include "storage/duplicates/sql_duplicate_repository.hpp"

namespace rapport::generated {
const char* openapi_duplicates();  // src/api/duplicates/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class DuplicatesModule final : public AreaModule {
public:
    std::string_view name() const override { return "duplicates"; }

    std::string_view openapi_fragment() const override { return generated::openapi_duplicates(); }

    void build(ModuleContext& ctx) override {
        repo_.emplace(ctx.database);
        duplicates_.emplace(*repo_, ctx.services.get<domain::customers::CustomerRepository>(),
                            ctx.services.get<domain::customers::CustomerService>(),
                            ctx.services.get<domain::ActorDirectory>(), ctx.clock, &ctx.statistics);
        customers_ = &ctx.services.get<domain::customers::CustomerService>();
        ctx.services.provide<domain::duplicates::DuplicateService>(*duplicates_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::DuplicateApi{shared, *customers_, *duplicates_});
        api::register_duplicate_routes(router, *api_);
    }

private:
    domain::customers::CustomerService* customers_ = nullptr;
    std::optional<storage::SqlDuplicateRepository> repo_;
    std::optional<domain::duplicates::DuplicateService> duplicates_;
    std::optional<api::DuplicateApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_duplicates_module() {
    return std::make_unique<DuplicatesModule>();
}

}  // namespace rapport::app
