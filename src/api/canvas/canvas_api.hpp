#pragma once
// The canvases' routes: GET /api/v1/canvas/crm (the CRM Model Canvas's nine blocks),
// GET /api/v1/canvas/segments/established (every segment) and
// GET /api/v1/canvas/segments/{id}/established (one segment), and
// GET /api/v1/canvas/relationships (the Customer Relationships block). The canvas module
// (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "core/clock.hpp"
#include "domain/canvas/canvas_service.hpp"
#include "domain/canvas/relationships_block_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct CanvasApi : ApiContext {
    domain::canvas::CanvasService& canvas;
    domain::canvas::RelationshipsBlockService& relationships;
    const Clock& clock;
};

void register_canvas_routes(http::Router& router, CanvasApi& api);
void register_relationships_block_routes(http::Router& router, CanvasApi& api);

}  // namespace rapport::api
