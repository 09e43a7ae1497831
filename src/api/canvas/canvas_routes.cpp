// The canvases' routes (canvas_api.hpp). Figures are {value, reason, link}: value null means
// "not measured", and reason says why (domain/canvas/figure.hpp); never a zero in its place.
#include <charconv>

#include "api/canvas/canvas_api.hpp"
#include "api/json_views.hpp"
#include "api/request_auth.hpp"

namespace rapport::api {

using namespace rapport::domain::canvas;
using nlohmann::json;

namespace {

constexpr UnixMillis kDefaultPeriodMs = 90LL * 24 * 60 * 60 * 1000;

std::optional<std::int64_t> integer_param(std::string_view text) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
    return v;
}

// ?from= and ?to= (Unix ms, to exclusive): the last 90 days up to now by default;
// ?no_contact_days= (default 90). Range problems are the service's.
struct Query {
    Period period;
    int no_contact_days = kDefaultNoContactDays;
};

Result<Query> read_query(const http::RequestContext& ctx, UnixMillis now) {
    Query q;
    q.period = {now - kDefaultPeriodMs, now + 1};
    std::vector<FieldError> errors;
    for (const auto& [name, target] : {std::pair{"from", &q.period.from}, std::pair{"to", &q.period.to}}) {
        if (auto text = ctx.query.get(name); text && !text->empty()) {
            if (auto v = integer_param(*text)) {
                *target = *v;
            } else {
                errors.push_back(FieldError::localized(std::string("?") + name, "canvas.invalid_time"));
            }
        }
    }
    if (auto text = ctx.query.get("no_contact_days"); text && !text->empty()) {
        auto v = integer_param(*text);
        if (v && *v >= 1 && *v <= kMaxNoContactDays) {
            q.no_contact_days = static_cast<int>(*v);
        } else {
            errors.push_back(FieldError::localized("?no_contact_days", "canvas.no_contact_days_range",
                                                   {{"max", std::to_string(kMaxNoContactDays)}}));
        }
    }
    if (!errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "canvas.invalid_parameters", {}, std::move(errors)));
    }
    return q;
}

json figure_json(const Figure& f) {
    json value = nullptr;
    if (f.value) value = f.whole ? json(static_cast<std::int64_t>(*f.value)) : json(*f.value);
    return {
        {"value", value},
        {"reason", f.value ? json(nullptr) : json(f.reason)},
        {"link", {{"route", f.link.route.empty() ? json(nullptr) : json(f.link.route)}, {"filter", f.link.filter}}}};
}

json figures_json(const Figures& figures) {
    json out = json::object();
    for (const auto& [key, f] : figures) out[key] = figure_json(f);
    return out;
}

json section_json(const Section& s) {
    json facts = json::object();
    for (const auto& [k, v] : s.facts) facts[k] = v;
    json rows = json::object();
    for (const auto& [group, list] : s.rows) {
        json items = json::array();
        for (const auto& r : list) {
            items.push_back({{"id", r.id},
                             {"label", r.label},
                             {"kind", r.kind.empty() ? json(nullptr) : json(r.kind)},
                             {"figures", figures_json(r.figures)}});
        }
        rows[group] = std::move(items);
    }
    return {{"figures", figures_json(s.figures)},
            {"facts", facts},
            {"rows", rows},
            {"reason", s.reason.empty() ? json(nullptr) : json(s.reason)}};
}

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
        const auto q = RAPPORT_TRY(read_query(ctx, api.clock.now_ms()));
        const auto canvas = RAPPORT_TRY(api.canvas.crm(principal, q.period, api.version));
        json blocks = json::object();
        for (const auto& b : canvas.blocks) blocks[b.name] = section_json(b);
        return ok_json({{"from", canvas.period.from}, {"to", canvas.period.to}, {"blocks", blocks}});
    });

    router.add(http::Verb::get, "/api/v1/canvas/segments/established",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   const auto q = RAPPORT_TRY(read_query(ctx, api.clock.now_ms()));
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
                   const auto q = RAPPORT_TRY(read_query(ctx, api.clock.now_ms()));
                   return ok_json(established_json(
                       RAPPORT_TRY(api.canvas.established(principal, *id, q.period, q.no_contact_days))));
               });
}

}  // namespace rapport::api
