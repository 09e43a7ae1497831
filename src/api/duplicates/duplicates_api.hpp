#pragma once
// The duplicates area's routes: Duplicate review and merges.
// What they use beyond the shared ApiContext; the duplicates module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/duplicates/duplicate_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct DuplicateApi : ApiContext {
    domain::customers::CustomerService& customers;
    domain::duplicates::DuplicateService& duplicates;
};

void register_duplicate_routes(http::Router& router, DuplicateApi& api);

}  // namespace rapport::api
