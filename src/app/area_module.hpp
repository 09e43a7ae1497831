#pragma once
// One area of Rapport (customers, segments, imports, ...) as the application assembles it:
// the area's repositories and services, its routes and its part of the OpenAPI document.
// Each area's module lives in src/app/modules/<area>_module.cpp, the one place that sees
// the area's domain, storage and api folders together; src/app/modules/all_modules.cpp
// lists the modules in the order they are built. docs/architecture.md has the recipe.
#include <memory>
#include <string_view>
#include <vector>

#include "api/api_context.hpp"
#include "app/service_registry.hpp"
#include "core/clock.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"
#include "storage/statistics_maintenance.hpp"

namespace rapport::app {

// What a module builds with.
struct ModuleContext {
    storage::Database& database;
    const Clock& clock;
    storage::StatisticsMaintenance& statistics;
    // The services of the modules built before this one; a module provides its own here.
    ServiceRegistry& services;
};

class AreaModule {
public:
    virtual ~AreaModule() = default;

    // The area's name, as its folders spell it.
    virtual std::string_view name() const = 0;

    // Builds the area's repositories and services and provides the services (and the
    // repositories other areas or commands use) in ctx.services.
    virtual void build(ModuleContext& ctx) = 0;

    // Adds the area's routes. `shared` is what every route needs (the authenticator, the
    // server's facts); it outlives the router, and so does the module.
    virtual void add_routes(http::Router& router, api::ApiContext& shared) = 0;

    // The area's part of the OpenAPI document: a JSON object with "paths" and, if it has
    // any, "components" (src/api/<area>/openapi.json, embedded at build time). Empty: none.
    virtual std::string_view openapi_fragment() const { return {}; }

    // Background work of the area while the server runs (timers); stopped before the
    // server's services are destroyed.
    virtual void start() {}
    virtual void stop() {}
};

// Every area, in build order: an area comes after the areas it uses.
std::vector<std::unique_ptr<AreaModule>> all_modules();

}  // namespace rapport::app
