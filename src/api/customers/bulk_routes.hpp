#pragma once
// POST /api/v1/companies/bulk and /api/v1/people/bulk (domain/customers/bulk_service.hpp).
#include "api/customers/customers_api.hpp"
#include "domain/customers/bulk_service.hpp"

namespace rapport::api {

void register_bulk_routes(http::Router& router, CustomerApi& api, domain::customers::BulkService& bulk);

}  // namespace rapport::api
