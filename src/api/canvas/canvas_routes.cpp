// The canvases' routes (canvas_api.hpp). Figures are {value, reason, link}: value null means
// "not measured", and reason says why (domain/canvas/figure.hpp); never a zero in its place.
#include "api/canvas/canvas_api.hpp"
#include "api/canvas/canvas_json.hpp"
#include "api/json_views.hpp"
#include "api/request_auth.hpp"

namespace rapport::api {

using namespace rapport::domain::canvas;
using nlohmann::json;

namespace {

json established_json(const SegmentEstablished& e) {
    json types = json::object();
    for (const auto& s : e.types) types[s.name] = section_json(s);
    json trend = json::array();
    for (const auto& t : e.trend) trend.push_back({{"day", t.day}, {"members", t.members}, {"taken_at", t.taken_at}});
    return {{"segment",
             {{"id", id_to_string(e.segment.segment_id)},
              {"name", e.segment.name},
              {"kind", e.segment.kind},
              {"entity_type", e.segment.entity_type}}},
            {"from", e.period.from},
            {"to", e.period.to},
            {"no_contact_days", e.no_contact_days},
            {"types", types},
            {"metrics", section_json(e.metrics)},
            {"trend", trend}};
}

}  // namespace

void register_canvas_routes(http::Router& router, CanvasApi& api) {
    router.add(http::Verb::get, "/api/v1/canvas/crm", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        const auto q = RAPPORT_TRY(read_canvas_query(ctx, api.clock.now_ms()));
        const auto canvas = RAPPORT_TRY(api.relationships.crm(principal, q.period, api.version));
        json blocks = json::object();
        for (const auto& b : canvas.blocks) blocks[b.name] = section_json(b);
        return ok_json({{"from", canvas.period.from}, {"to", canvas.period.to}, {"blocks", blocks}});
    });

    router.add(http::Verb::get, "/api/v1/canvas/segments/established",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   const auto q = RAPPORT_TRY(read_canvas_query(ctx, api.clock.now_ms()));
                   const auto all = RAPPORT_TRY(api.canvas.established_all(principal, q.period, q.no_contact_days));
                   json items = json::array();
                   for (const auto& e : all) items.push_back(established_json(e));
                   return ok_json({{"from", q.period.from}, {"to", q.period.to}, {"items", items}});
               });

    router.add(http::Verb::get, "/api/v1/canvas/segments/{id}/established",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   const auto id = parse_id(ctx.param("id"));
                   if (!id) {
                       return fail(Error::localized(ErrorCode::NotFound, "common.no_such_segment",
                                                    {{"id", std::string(ctx.param("id"))}}));
                   }
                   const auto q = RAPPORT_TRY(read_canvas_query(ctx, api.clock.now_ms()));
                   return ok_json(established_json(
                       RAPPORT_TRY(api.canvas.established(principal, *id, q.period, q.no_contact_days))));
               });
}

}  // namespace rapport::api
