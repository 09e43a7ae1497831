#pragma once
// The composition root: opens the database, runs migrations and builds every area's module
// (src/app/modules) in order. The only place that knows every layer.
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/api_context.hpp"
#include "api/system/system_api.hpp"
#include "app/area_module.hpp"
#include "app/service_registry.hpp"
#include "core/clock.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"
#include "storage/statistics_maintenance.hpp"

namespace rapport::app {

// The OpenAPI document of these modules: the base and each area's fragment. Needs no
// database (`rapport openapi` prints it for the linter and the web UI's types).
nlohmann::json openapi_document_of(const std::vector<std::unique_ptr<AreaModule>>& modules, const std::string& version);

class Services {
public:
    // Opens `database_url`, applies pending migrations, builds the modules.
    static Result<std::unique_ptr<Services>> open(const std::string& database_url);
    // Destroys the modules in the reverse of their build order: an area goes before the
    // areas it uses.
    ~Services();
    Services(const Services&) = delete;
    Services& operator=(const Services&) = delete;

    storage::Database& database() { return *db_; }
    const Clock& clock() const { return clock_; }
    // The planner statistics' upkeep (imports, merges and serve's periodic timer call it).
    storage::StatisticsMaintenance& statistics() { return statistics_; }

    // A service or repository an area module provides, e.g.
    // get<domain::customers::CustomerService>().
    template <class T>
    T& get() {
        return registry_.get<T>();
    }

    // Adds every route: the system routes (probes, metrics, the API document) and each
    // area's. `shared` and this object must outlive the router.
    void add_routes(http::Router& router, api::ApiContext& shared);

    // The OpenAPI document, assembled from the base and each area's fragment.
    nlohmann::json openapi_document(const std::string& version) const;

    // The areas' modules, in build order.
    const std::vector<std::unique_ptr<AreaModule>>& modules() const { return modules_; }

    // The areas' background work while the server runs.
    void start_background();
    void stop_background();

private:
    explicit Services(std::unique_ptr<storage::Database> db);

    std::unique_ptr<storage::Database> db_;
    SystemClock clock_;
    storage::StatisticsMaintenance statistics_;
    ServiceRegistry registry_;
    std::vector<std::unique_ptr<AreaModule>> modules_;
    std::optional<api::SystemApi> system_api_;
};

}  // namespace rapport::app
