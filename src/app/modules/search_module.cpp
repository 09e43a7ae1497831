// Search: one box over companies, people and their words, with typo tolerance.
#include <optional>

#include "api/search/search_api.hpp"
#include "app/area_module.hpp"
#include "domain/search/search_service.hpp"
#include "storage/search/sql_search_repository.hpp"

namespace rapport::generated {
const char* openapi_search();  // src/api/search/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class SearchModule final : public AreaModule {
public:
    std::string_view name() const override { return "search"; }

    std::string_view openapi_fragment() const override { return generated::openapi_search(); }

    void build(ModuleContext& ctx) override {
        repo_.emplace(ctx.database);
        search_.emplace(*repo_, ctx.services.get<domain::ActorDirectory>(),
                        ctx.services.get<domain::timeline::TimelineService>());
        ctx.services.provide<domain::search::SearchService>(*search_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::SearchApi{shared, *search_});
        api::register_search_routes(router, *api_);
    }

private:
    std::optional<storage::SqlSearchRepository> repo_;
    std::optional<domain::search::SearchService> search_;
    std::optional<api::SearchApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_search_module() {
    return std::make_unique<SearchModule>();
}

}  // namespace rapport::app
