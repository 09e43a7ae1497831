// GET /api/v1/canvas/relationships: the Customer Relationships block, each segment's plan
// joined with what its data shows, and the ranked gap list (domain/canvas/relationships_block.hpp).
#include "api/canvas/canvas_api.hpp"
#include "api/canvas/canvas_json.hpp"
#include "api/json_views.hpp"
#include "api/request_auth.hpp"

namespace rapport::api {

using namespace rapport::domain::canvas;
using nlohmann::json;
namespace relationships = rapport::domain::relationships;
namespace timeline = rapport::domain::timeline;

namespace {

json optional_number(const std::optional<double>& v) {
    return v ? json(*v) : json(nullptr);
}

json cost_json(const CostFigures& c) {
    return {{"total_cents", figure_json(c.total)},
            {"time_cents", figure_json(c.time)},
            {"message_cents", figure_json(c.messages)},
            {"fixed_cents", figure_json(c.fixed)}};
}

json link_json(const Link& l) {
    return {{"route", l.route.empty() ? json(nullptr) : json(l.route)}, {"filter", l.filter}};
}

json type_json(const TypeJoin& t) {
    json targets = json::array();
    for (const auto& m : t.targets) {
        targets.push_back({{"metric", relationships::to_string(m.target.metric)},
                           {"comparator", relationships::to_string(m.target.comparator)},
                           {"value", m.target.value},
                           {"unit", m.target.unit},
                           {"measured", figure_json(m.measured)},
                           {"met", m.met ? json(*m.met) : json(nullptr)}});
    }
    return {{"type", timeline::to_string(t.type)},
            {"expected", t.expected},
            {"established", t.established ? json(*t.established) : json(nullptr)},
            {"status", to_string(t.status)},
            {"motivation", t.motivation ? json(relationships::to_string(*t.motivation)) : json(nullptr)},
            {"team", t.team_id ? json{{"id", id_to_string(*t.team_id)}, {"name", t.team_name}} : json(nullptr)},
            {"channels", t.channels},
            {"note", t.note},
            {"threshold",
             {{"measure", relationships::to_string(t.threshold.measure)},
              {"value", t.threshold.value},
              {"measured", figure_json(t.threshold_measured)}}},
            {"targets", std::move(targets)},
            {"activity",
             {{"interactions", figure_json(t.interactions)},
              {"customers_touched", figure_json(t.customers_touched)},
              {"minutes", figure_json(t.minutes)}}},
            {"cost", cost_json(t.cost)}};
}

json segment_info_json(const SegmentInfo& s, bool full) {
    json out = {{"id", id_to_string(s.segment_id)}, {"name", s.name}, {"entity_type", s.entity_type}};
    if (full) out["kind"] = s.kind;
    return out;
}

json block_json(const RelationshipsBlock& b) {
    json segments = json::array();
    for (const auto& s : b.segments) {
        json types = json::array();
        for (const auto& t : s.types) types.push_back(type_json(t));
        json plan = nullptr;
        if (s.plan) {
            plan = {{"version", s.plan->version},
                    {"created_at", s.plan->created_at},
                    {"author_label", s.plan->author_label},
                    {"comment", s.plan->comment}};
        }
        segments.push_back({{"segment", segment_info_json(s.segment, true)},
                            {"plan", std::move(plan)},
                            {"members", figure_json(s.members)},
                            {"cost_total", figure_json(s.cost.total)},
                            {"cost", cost_json(s.cost)},
                            {"types", std::move(types)}});
    }
    json gaps = json::array();
    for (const auto& g : b.gaps) {
        gaps.push_back({{"kind", to_string(g.kind)},
                        {"segment", segment_info_json(g.segment, false)},
                        {"type", g.type ? json(timeline::to_string(*g.type)) : json(nullptr)},
                        {"metric", g.metric ? json(relationships::to_string(*g.metric)) : json(nullptr)},
                        {"customers", g.customers},
                        {"of", g.of},
                        {"measured", optional_number(g.measured)},
                        {"target", optional_number(g.target)},
                        {"link", link_json(g.link)}});
    }
    return {{"from", b.period.from},
            {"to", b.period.to},
            {"no_contact_days", b.no_contact_days},
            {"currency", b.currency.empty() ? json(nullptr) : json(b.currency)},
            {"segments", std::move(segments)},
            {"gaps", std::move(gaps)}};
}

// ?segment_id=, ?plan_at= (Unix ms), ?plan_version= (with segment_id).
struct BlockQuery {
    std::optional<Id> segment_id;
    PlanChoice plan;
};

Result<BlockQuery> read_block_query(const http::RequestContext& ctx) {
    BlockQuery q;
    std::vector<FieldError> errors;
    if (auto text = ctx.query.get("segment_id"); text && !text->empty()) {
        q.segment_id = parse_id(*text);
        if (!q.segment_id) {
            return fail(Error::localized(ErrorCode::NotFound, "common.no_such_segment", {{"id", std::string(*text)}}));
        }
    }
    if (auto text = ctx.query.get("plan_at"); text && !text->empty()) {
        q.plan.at = integer_param(*text);
        if (!q.plan.at) errors.push_back(FieldError::localized("?plan_at", "canvas.invalid_time"));
    }
    if (auto text = ctx.query.get("plan_version"); text && !text->empty()) {
        q.plan.version = integer_param(*text);
        if (!q.plan.version || *q.plan.version < 1) {
            errors.push_back(FieldError::localized("?plan_version", "canvas.invalid_number"));
        }
    }
    if (!errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "canvas.invalid_parameters", {}, std::move(errors)));
    }
    return q;
}

}  // namespace

void register_relationships_block_routes(http::Router& router, CanvasApi& api) {
    router.add(
        http::Verb::get, "/api/v1/canvas/relationships", [&api](http::RequestContext& ctx) -> Result<http::Response> {
            auto principal = RAPPORT_TRY(authenticate(ctx, api));
            const auto q = RAPPORT_TRY(read_canvas_query(ctx, api.clock.now_ms()));
            const auto b = RAPPORT_TRY(read_block_query(ctx));
            return ok_json(block_json(
                RAPPORT_TRY(api.relationships.block(principal, q.period, q.no_contact_days, b.segment_id, b.plan))));
        });
}

}  // namespace rapport::api
