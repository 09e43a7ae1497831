// Imports: CSV files of companies and people, mapped, checked in a dry run and written in
// batches by a worker that resumes after a restart.
#include <spdlog/spdlog.h>

#include <optional>

#include "api/imports/imports_api.hpp"
#include "app/area_module.hpp"
#include "domain/duplicates/duplicate_service.hpp"
#include "domain/imports/import_parts.hpp"
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
        auto& customers = ctx.services.get<domain::customers::CustomerService>();
        repo_.emplace(ctx.database);
        uploads_.emplace(*repo_, customers, ctx.clock);
        mapper_.emplace(*repo_, *repo_, customers, ctx.clock);
        rejections_.emplace(*repo_, *repo_);
        history_.emplace(*repo_);
        runner_.emplace(*repo_, *repo_, *mapper_, customers, ctx.clock, domain::imports::ImportOptions{},
                        &ctx.statistics);
        // Imported rows are checked for duplicates batch by batch; a failed check leaves the
        // pairs to the next scan and never fails the import.
        auto& duplicates = ctx.services.get<domain::duplicates::DuplicateService>();
        runner_->set_batch_observer(
            [&duplicates](Id workspace_id, domain::customers::EntityType type, const std::vector<Id>& ids) {
                if (auto st = duplicates.check_records(workspace_id, type, ids); !st) {
                    spdlog::warn("duplicate check of an import batch failed: {}", st.error().detail);
                }
            });
        parts_.emplace(domain::imports::ImportParts{*uploads_, *mapper_, *runner_, *rejections_, *history_});
        ctx.services.provide<domain::imports::ImportUploads>(*uploads_);
        ctx.services.provide<domain::imports::ImportMapper>(*mapper_);
        ctx.services.provide<domain::imports::ImportRunner>(*runner_);
        ctx.services.provide<domain::imports::ImportRejections>(*rejections_);
        ctx.services.provide<domain::imports::ImportHistory>(*history_);
        ctx.services.provide<domain::imports::ImportParts>(*parts_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::ImportApi{shared, *parts_});
        api::register_import_routes(router, *api_);
    }

private:
    std::optional<storage::SqlImportRepository> repo_;
    std::optional<domain::imports::ImportUploads> uploads_;
    std::optional<domain::imports::ImportMapper> mapper_;
    std::optional<domain::imports::ImportRejections> rejections_;
    std::optional<domain::imports::ImportHistory> history_;
    // Its worker stops when it is destroyed (see import_runner.hpp): declared last in the
    // module built last, so it goes first, while the services the worker uses still exist.
    std::optional<domain::imports::ImportRunner> runner_;
    std::optional<domain::imports::ImportParts> parts_;
    std::optional<api::ImportApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_imports_module() {
    return std::make_unique<ImportsModule>();
}

}  // namespace rapport::app
