// Audit: the workspace's log of who changed what in its settings and people.
#include <optional>

#include "api/audit/audit_api.hpp"
#include "app/area_module.hpp"
#include "storage/audit/sql_audit_repository.hpp"

namespace rapport::generated {
const char* openapi_audit();  // src/api/audit/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class AuditModule final : public AreaModule {
public:
    std::string_view name() const override { return "audit"; }

    std::string_view openapi_fragment() const override { return generated::openapi_audit(); }

    void build(ModuleContext& ctx) override {
        repo_.emplace(ctx.database);
        ctx.services.provide<domain::AuditRepository>(*repo_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::AuditApi{shared, *repo_});
        api::register_audit_routes(router, *api_);
    }

private:
    std::optional<storage::SqlAuditRepository> repo_;
    std::optional<api::AuditApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_audit_module() {
    return std::make_unique<AuditModule>();
}

}  // namespace rapport::app
