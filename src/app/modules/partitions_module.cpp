// Partitions: the B2B2C networks (buyers, their consumers, partner users and grants), and the
// names a partner user may read.
#include <optional>

#include "api/partitions/partitions_api.hpp"
#include "app/area_module.hpp"
#include "domain/partitions/partition_service.hpp"
#include "domain/partitions/visible_names.hpp"
#include "storage/partitions/sql_partition_repository.hpp"

namespace rapport::generated {
const char* openapi_partitions();  // src/api/partitions/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class PartitionsModule final : public AreaModule {
public:
    std::string_view name() const override { return "partitions"; }

    std::string_view openapi_fragment() const override { return generated::openapi_partitions(); }

    void build(ModuleContext& ctx) override {
        repo_.emplace(ctx.database);
        partitions_.emplace(*repo_, ctx.services.get<domain::customers::CustomerService>(),
                            ctx.services.get<domain::ActorDirectory>(), ctx.services.get<domain::UserDirectory>(),
                            ctx.services.get<domain::TeamService>(), ctx.clock);
        names_.emplace(*repo_, ctx.services.get<domain::ActorDirectory>());
        ctx.services.provide<domain::partitions::PartitionService>(*partitions_);
        ctx.services.provide<domain::partitions::VisibleNames>(*names_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::PartitionApi{shared, *partitions_, *names_});
        api::register_partition_routes(router, *api_);
    }

private:
    std::optional<storage::SqlPartitionRepository> repo_;
    std::optional<domain::partitions::PartitionService> partitions_;
    std::optional<domain::partitions::VisibleNames> names_;
    std::optional<api::PartitionApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_partitions_module() {
    return std::make_unique<PartitionsModule>();
}

}  // namespace rapport::app
