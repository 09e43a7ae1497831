// Imports: CSV files of companies and people, mapped, checked in a dry run and written in
// batches by a worker that resumes after a restart.
#include <spdlog/spdlog.h>

#include <optional>

#include "api/imports/imports_api.hpp"
#include "app/area_module.hpp"
#include "domain/duplicates/duplicate_service.hpp"
#include "domain/imports/import_service.hpp"
#include "storage/imports/sql_import_repository.hpp"

namespace rapport::generated {
const char* openapi_imports();  // src/api/imports/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class ImportsModule final : public AreaModule {
public:
    std::string_view name() const override { return "imports"; }

    std::string_view openapi_fragment() const override { return generated::openapi_imports(); }

    void build(ModuleContext& ctx) override {
        repo_.emplace(ctx.database);
        imports_.emplace(*repo_, ctx.services.get<domain::customers::CustomerService>(), ctx.clock,
                         domain::imports::ImportServiceOptions{}, &ctx.statistics);
        // Imported rows are checked for duplicates batch by batch; a failed check leaves the
        // pairs to the next scan and never fails the import.
        auto& duplicates = ctx.services.get<domain::duplicates::DuplicateService>();
        imports_->set_batch_observer(
            [&duplicates](Id workspace_id, domain::customers::EntityType type, const std::vector<Id>& ids) {
                if (auto st = duplicates.check_records(workspace_id, type, ids); !st) {
                    spdlog::warn("duplicate check of an import batch failed: {}", st.error().detail);
                }
            });
        ctx.services.provide<domain::imports::ImportService>(*imports_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::ImportApi{shared, *imports_});
        api::register_import_routes(router, *api_);
    }

private:
    std::optional<storage::SqlImportRepository> repo_;
    // Its worker stops when it is destroyed (see import_service.hpp): this module is built
    // last, so it is destroyed first, while the services the worker uses still exist.
    std::optional<domain::imports::ImportService> imports_;
    std::optional<api::ImportApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_imports_module() {
    return std::make_unique<ImportsModule>();
}

}  // namespace rapport::app
