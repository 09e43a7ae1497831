#pragma once
// The partitions area's routes: B2B2C partitions: buyers, partner users and grants, and the
// names of users and teams a partner user may read (GET /names).
// What they use beyond the shared ApiContext; the partitions module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/partitions/partition_service.hpp"
#include "domain/partitions/visible_names.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct PartitionApi : ApiContext {
    domain::partitions::PartitionService& partitions;
    domain::partitions::VisibleNames& names;
};

void register_partition_routes(http::Router& router, PartitionApi& api);

}  // namespace rapport::api
