#pragma once
// The exports area's routes: CSV exports of lists and segments.
// What they use beyond the shared ApiContext; the exports module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/segments/segment_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct ExportApi : ApiContext {
    domain::customers::CustomerService& customers;
    domain::segments::SegmentService& segments;
};

void register_export_routes(http::Router& router, ExportApi& api);

}  // namespace rapport::api
