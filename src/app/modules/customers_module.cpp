// Customers: companies, people, affiliations, custom fields, provenance and history.
#include <optional>

#include "api/customers/bulk_routes.hpp"
#include "api/customers/customers_api.hpp"
#include "app/area_module.hpp"
#include "domain/customers/customer_service.hpp"
#include "storage/customers/sql_bulk_repository.hpp"
#include "storage/customers/sql_customer_repository.hpp"

namespace rapport::generated {
const char* openapi_customers();  // src/api/customers/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class CustomersModule final : public AreaModule {
public:
    std::string_view name() const override { return "customers"; }

    std::string_view openapi_fragment() const override { return generated::openapi_customers(); }

    void build(ModuleContext& ctx) override {
        services_ = &ctx.services;
        repo_.emplace(ctx.database);
        customers_.emplace(*repo_, ctx.services.get<domain::ActorDirectory>(), ctx.clock);
        ctx.services.provide<domain::customers::CustomerRepository>(*repo_);
        ctx.services.provide<domain::customers::CustomerService>(*customers_);
        bulk_repo_.emplace(ctx.database);
        bulk_.emplace(*customers_, *repo_, *bulk_repo_, ctx.clock);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        // Creates and updates answer with the duplicates they found: the duplicates area is
        // built after this one, and routes are added once every area is built.
        api_.emplace(api::CustomerApi{shared, *customers_, services_->get<domain::duplicates::DuplicateService>()});
        api::register_customer_routes(router, *api_);
        api::register_bulk_routes(router, *api_, *bulk_);
    }

private:
    const ServiceRegistry* services_ = nullptr;
    std::optional<storage::SqlCustomerRepository> repo_;
    std::optional<domain::customers::CustomerService> customers_;
    std::optional<api::CustomerApi> api_;
    std::optional<storage::SqlBulkRepository> bulk_repo_;
    std::optional<domain::customers::BulkService> bulk_;
};

}  // namespace

std::unique_ptr<AreaModule> make_customers_module() {
    return std::make_unique<CustomersModule>();
}

}  // namespace rapport::app
