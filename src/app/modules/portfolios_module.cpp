// Portfolios: dedicated personal assistance (my portfolio, the manager's view, reassignment).
#include <optional>

#include "api/portfolios/portfolios_api.hpp"
#include "app/area_module.hpp"
#include "domain/portfolios/portfolio_service.hpp"
#include "storage/portfolios/sql_portfolio_repository.hpp"

namespace rapport::generated {
const char* openapi_portfolios();  // src/api/portfolios/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class PortfoliosModule final : public AreaModule {
public:
    std::string_view name() const override { return "portfolios"; }

    std::string_view openapi_fragment() const override { return generated::openapi_portfolios(); }

    void build(ModuleContext& ctx) override {
        repo_.emplace(ctx.database);
        portfolios_.emplace(*repo_, ctx.services.get<domain::ActorDirectory>(), ctx.clock);
        ctx.services.provide<domain::portfolios::PortfolioService>(*portfolios_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::PortfoliosApi{shared, *portfolios_});
        api::register_portfolio_routes(router, *api_);
    }

private:
    std::optional<storage::SqlPortfolioRepository> repo_;
    std::optional<domain::portfolios::PortfolioService> portfolios_;
    std::optional<api::PortfoliosApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_portfolios_module() {
    return std::make_unique<PortfoliosModule>();
}

}  // namespace rapport::app
