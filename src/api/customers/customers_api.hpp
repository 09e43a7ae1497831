#pragma once
// The customers area's routes: Companies and people, their affiliations and custom fields. A create or an update
// answers with the duplicates it found, hence the duplicates service. What they use beyond the shared ApiContext; the
// customers module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/duplicates/duplicate_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct CustomerApi : ApiContext {
    domain::customers::CustomerService& customers;
    domain::duplicates::DuplicateService& duplicates;
};

void register_customer_routes(http::Router& router, CustomerApi& api);
void register_affiliation_routes(http::Router& router, CustomerApi& api);

}  // namespace rapport::api
