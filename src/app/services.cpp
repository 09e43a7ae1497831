#include "app/services.hpp"

#include <spdlog/spdlog.h>

#include "api/localize.hpp"
#include "api/openapi.hpp"
#include "storage/migrations.hpp"

namespace rapport::generated {
const char* openapi_system();  // src/api/system/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

void log_refresh(const Result<storage::StatisticsRefresh>& refreshed) {
    if (!refreshed) {
        spdlog::warn("planner statistics: the refresh failed: {}", refreshed.error().detail);
    } else if (!refreshed->analyzed.empty()) {
        std::string tables;
        for (const auto& t : refreshed->analyzed) tables += (tables.empty() ? "" : ", ") + t;
        spdlog::info("planner statistics gathered again for the tables that grew: {}", tables);
    }
}

}  // namespace

Services::Services(std::unique_ptr<storage::Database> db)
    : db_(std::move(db)), statistics_(*db_, log_refresh), modules_(all_modules()) {
    ModuleContext ctx{*db_, clock_, statistics_, registry_};
    for (auto& module : modules_) module->build(ctx);
}

Services::~Services() {
    stop_background();
    while (!modules_.empty()) modules_.pop_back();
}

Result<std::unique_ptr<Services>> Services::open(const std::string& database_url) {
    auto db = RAPPORT_TRY(storage::open_database(database_url));
    auto report = RAPPORT_TRY(storage::migrate(*db));
    for (const auto& name : report.applied) spdlog::info("applied migration {}", name);
    return std::unique_ptr<Services>(new Services(std::move(db)));
}

nlohmann::json openapi_document_of(const std::vector<std::unique_ptr<AreaModule>>& modules,
                                   const std::string& version) {
    std::vector<api::OpenApiFragment> fragments{{"system", generated::openapi_system()}};
    for (const auto& module : modules) fragments.push_back({module->name(), module->openapi_fragment()});
    return api::openapi_document(version, fragments);
}

nlohmann::json Services::openapi_document(const std::string& version) const {
    return openapi_document_of(modules_, version);
}

void Services::add_routes(http::Router& router, api::ApiContext& shared) {
    system_api_.emplace(
        api::SystemApi{shared, [this] { return db_->ping(); }, openapi_document(shared.version).dump(2)});
    router.set_error_filter(api::filter_error);
    api::register_system_routes(router, *system_api_);
    for (auto& module : modules_) module->add_routes(router, shared);
}

void Services::start_background() {
    for (auto& module : modules_) module->start();
}

void Services::stop_background() {
    for (auto it = modules_.rbegin(); it != modules_.rend(); ++it) (*it)->stop();
}

}  // namespace rapport::app
