// Relationship plans: GET /api/v1/relationship-plans (every visible segment with its plan's
// summary), GET/PUT /api/v1/relationship-plans/{segment_id} (the current plan; a save makes
// a new version), .../versions, .../versions/{version}, .../motivation-history, and
// GET /api/v1/relationship-plans/vocabulary (the names a plan may use).
#include <charconv>

#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/relationships/relationships_api.hpp"
#include "api/request_auth.hpp"
#include "domain/relationships/plan_json.hpp"

namespace rapport::api {

using namespace rapport::domain::relationships;
using nlohmann::json;

namespace {

json types_json(const PlanVersion& v) {
    json out = json::array();
    for (const auto& e : v.entries) out.push_back(domain::timeline::to_string(e.relationship_type));
    return out;
}

json version_json(const PlanVersion& v) {
    return {{"segment_id", id_to_string(v.segment_id)},
            {"version", v.version},
            {"author_user_id", v.author_user_id ? json(id_to_string(*v.author_user_id)) : json(nullptr)},
            {"author_label", v.author_label},
            {"created_at", v.version > 0 ? json(v.created_at) : json(nullptr)},
            {"comment", v.comment},
            {"entries", entries_to_json(v.entries)}};
}

json segment_json(const domain::segments::Segment& s) {
    return {{"id", id_to_string(s.segment_id)},
            {"name", s.name},
            {"kind", domain::segments::to_string(s.kind)},
            {"entity_type", domain::customers::to_string(s.entity_type)}};
}

json summary_json(const SegmentPlan& p) {
    return {{"segment", segment_json(p.segment)},
            {"version", p.plan.version},
            {"updated_at", p.plan.version > 0 ? json(p.plan.created_at) : json(nullptr)},
            {"author_label", p.plan.author_label},
            {"relationship_types", types_json(p.plan)}};
}

json history_json(const std::vector<MotivationHistory>& histories) {
    json items = json::array();
    for (const auto& h : histories) {
        json changes = json::array();
        for (const auto& c : h.changes) {
            changes.push_back({{"version", c.version},
                               {"changed_at", c.changed_at},
                               {"planned", c.planned},
                               {"motivation", c.motivation ? json(to_string(*c.motivation)) : json(nullptr)}});
        }
        items.push_back({{"relationship_type", domain::timeline::to_string(h.relationship_type)},
                         {"current", h.current ? json(to_string(*h.current)) : json(nullptr)},
                         {"changes", std::move(changes)}});
    }
    return {{"items", std::move(items)}};
}

json vocabulary_json() {
    json types = json::array();
    for (auto t :
         {RelationshipType::PersonalAssistance, RelationshipType::DedicatedAssistance, RelationshipType::SelfService,
          RelationshipType::Automated, RelationshipType::Community, RelationshipType::CoCreation})
        types.push_back(domain::timeline::to_string(t));
    json metrics = json::array();
    for (auto k : all_metric_keys()) {
        metrics.push_back(
            {{"key", to_string(k)}, {"unit", unit_of(k)}, {"min", metric_min(k)}, {"max", metric_max(k)}});
    }
    json channels = json::array();
    for (auto c : plan_channels()) channels.push_back(c);
    return {{"relationship_types", std::move(types)},
            {"motivations", {"acquisition", "retention", "upselling"}},
            {"comparators", {"at_most", "at_least"}},
            {"threshold_measures", {"interactions_per_100_customers", "customers_touched_percent"}},
            {"metrics", std::move(metrics)},
            {"channels", std::move(channels)}};
}

Result<PlanInput> read_plan_input(const http::RequestContext& ctx) {
    auto body = RAPPORT_TRY(JsonBody::parse(ctx));
    PlanInput in;
    if (auto expected = body.integer("expected_version", true)) in.expected_version = *expected;
    if (auto comment = body.string("comment")) in.comment = *comment;
    body.mark_known("entries");
    std::vector<FieldError> errors;
    if (!body.has("entries")) {
        body.localized_error("/entries", "relationships.list_expected");
    } else {
        in.entries = entries_from_json(body.document()["entries"], "/entries", errors);
    }
    for (auto& e : errors) body.error(std::move(e));
    RAPPORT_CHECK(body.finish("relationships.save_invalid"));
    return in;
}

Result<std::int64_t> path_version(const http::RequestContext& ctx) {
    const auto text = ctx.param("version");
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size() || v < 1) {
        return fail(
            Error::localized(ErrorCode::NotFound, "relationships.version_not_found", {{"version", std::string(text)}}));
    }
    return v;
}

}  // namespace

void register_relationship_plan_routes(http::Router& router, RelationshipsApi& api) {
    const std::string base = "/api/v1/relationship-plans";

    router.add(http::Verb::get, base, [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        json items = json::array();
        for (const auto& p : RAPPORT_TRY(api.plans.list(principal))) items.push_back(summary_json(p));
        return ok_json({{"items", std::move(items)}});
    });
    router.add(http::Verb::get, base + "/vocabulary", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        RAPPORT_CHECK(authenticate(ctx, api));
        return ok_json(vocabulary_json());
    });
    router.add(http::Verb::get, base + "/{segment_id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "segment_id", "segment"));
        auto current = RAPPORT_TRY(api.plans.current(principal, id));
        auto out = version_json(current.plan);
        out["segment"] = segment_json(current.segment);
        return ok_json(out);
    });
    router.add(http::Verb::put, base + "/{segment_id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "segment_id", "segment"));
        auto in = RAPPORT_TRY(read_plan_input(ctx));
        return ok_json(version_json(RAPPORT_TRY(api.plans.save(principal, id, in, ctx.peer.address))));
    });
    router.add(http::Verb::get, base + "/{segment_id}/versions",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "segment_id", "segment"));
                   json items = json::array();
                   for (const auto& v : RAPPORT_TRY(api.plans.versions(principal, id)))
                       items.push_back(version_json(v));
                   return ok_json({{"items", std::move(items)}});
               });
    router.add(http::Verb::get, base + "/{segment_id}/versions/{version}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "segment_id", "segment"));
                   auto version = RAPPORT_TRY(path_version(ctx));
                   return ok_json(version_json(RAPPORT_TRY(api.plans.version(principal, id, version))));
               });
    router.add(http::Verb::get, base + "/{segment_id}/motivation-history",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "segment_id", "segment"));
                   return ok_json(history_json(RAPPORT_TRY(api.plans.motivation_history(principal, id))));
               });
}

}  // namespace rapport::api
