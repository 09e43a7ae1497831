#pragma once
// The segments area's routes: Segments: saved filters, members, counts and snapshots.
// What they use beyond the shared ApiContext; the segments module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/segments/segment_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct SegmentApi : ApiContext {
    domain::segments::SegmentService& segments;
};

void register_segment_routes(http::Router& router, SegmentApi& api);

}  // namespace rapport::api
