// Segments: CRUD, members (live for dynamic segments, explicit for static ones), counts,
// daily snapshots and their history.
#include "api/customers/customer_lists.hpp"
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "api/segments/segments_api.hpp"
#include "domain/segments/segment_service.hpp"

namespace rapport::api {

using namespace rapport::domain::segments;

namespace {

json segment_json(const Segment& s) {
    return {{"id", id_to_string(s.segment_id)},
            {"name", s.name},
            {"description", s.description},
            {"kind", to_string(s.kind)},
            {"entity_type", domain::customers::to_string(s.entity_type)},
            {"type", to_string(s.type)},
            {"filter", s.type == SegmentType::Dynamic ? s.filter : json(nullptr)},
            {"owner_user_id", s.owner_user_id ? json(id_to_string(*s.owner_user_id)) : json(nullptr)},
            {"created_at", s.created_at},
            {"updated_at", s.updated_at}};
}

json snapshot_json(const Snapshot& s) {
    return {{"day", s.day}, {"member_count", s.member_count}, {"taken_at", s.taken_at}};
}

// Reads an enum member given as a string; records the catalogue message `hint` at /key when it is not one.
template <class Parse>
auto enum_member(JsonBody& body, const std::string& key, Parse parse, const char* hint)
    -> decltype(parse(std::string_view{})) {
    auto text = body.string(key);
    if (!text) return std::nullopt;
    auto parsed = parse(*text);
    if (!parsed) body.localized_error("/" + key, hint);
    return parsed;
}

Result<SegmentInput> read_segment_input(const http::RequestContext& ctx) {
    auto body = RAPPORT_TRY(JsonBody::parse(ctx));
    SegmentInput in;
    in.name = body.string("name");
    in.description = body.string("description");
    in.kind = enum_member(body, "kind", parse_segment_kind, "segments.kind_invalid");
    in.entity_type =
        enum_member(body, "entity_type", domain::customers::parse_entity_type, "segments.entity_type_invalid");
    in.type = enum_member(body, "type", parse_segment_type, "segments.type_invalid");
    const json& doc = body.document();
    if (doc.contains("filter")) in.filter = doc["filter"];
    body.mark_known("filter");
    if (doc.contains("owner_user_id")) {
        const auto& v = doc["owner_user_id"];
        const auto id = v.is_string() ? parse_id(v.get<std::string>()) : std::nullopt;
        if (v.is_null()) {
            in.owner_user_id = std::optional<Id>{};
        } else if (id) {
            in.owner_user_id = std::optional<Id>{*id};
        } else {
            body.localized_error("/owner_user_id", "common.user_id_or_null");
        }
    }
    body.mark_known("owner_user_id");
    // Reported by the service together with its own checks, so a person sees all at once.
    in.request_errors = body.take_errors();
    return in;
}

Result<Segment> segment_param(const http::RequestContext& ctx, SegmentApi& api, const domain::Principal& principal) {
    const Id id = RAPPORT_TRY(path_id(ctx, "id", "segment"));
    return api.segments.get(principal, id);
}

}  // namespace

void register_segment_routes(http::Router& router, SegmentApi& api) {
    const std::string base = "/api/v1/segments";
    router.add(http::Verb::get, base, [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto page = RAPPORT_TRY(page_request(ctx));
        auto result = RAPPORT_TRY(api.segments.list(principal, page));
        json items = json::array();
        for (const auto& s : result.items) items.push_back(segment_json(s));
        return ok_json(
            {{"items", items}, {"next_cursor", result.next_cursor ? json(*result.next_cursor) : json(nullptr)}});
    });
    router.add(http::Verb::post, base, [&api, base](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto input = RAPPORT_TRY(read_segment_input(ctx));
        auto segment = RAPPORT_TRY(api.segments.create(principal, input, ctx.peer.address));
        auto res = ok_json(segment_json(segment), http::HttpStatus::created);
        res.set(http::beast_http::field::location, base + "/" + id_to_string(segment.segment_id));
        return res;
    });
    router.add(http::Verb::get, base + "/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto segment = RAPPORT_TRY(segment_param(ctx, api, principal));
        json out = segment_json(segment);
        // One live count for one segment; lists of segments leave counts to /count.
        out["member_count"] = RAPPORT_TRY(api.segments.count(principal, segment));
        return ok_json(out);
    });
    router.add(http::Verb::patch, base + "/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        const Id id = RAPPORT_TRY(path_id(ctx, "id", "segment"));
        auto input = RAPPORT_TRY(read_segment_input(ctx));
        return ok_json(segment_json(RAPPORT_TRY(api.segments.update(principal, id, input, ctx.peer.address))));
    });
    router.add(http::Verb::delete_, base + "/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        const Id id = RAPPORT_TRY(path_id(ctx, "id", "segment"));
        RAPPORT_CHECK(api.segments.remove(principal, id, ctx.peer.address));
        return no_content();
    });
    router.add(http::Verb::get, base + "/{id}/count", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto segment = RAPPORT_TRY(segment_param(ctx, api, principal));
        return ok_json({{"count", RAPPORT_TRY(api.segments.count(principal, segment))}});
    });
    router.add(http::Verb::get, base + "/{id}/members", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto segment = RAPPORT_TRY(segment_param(ctx, api, principal));
        auto params = RAPPORT_TRY(list_request(ctx));
        if (!params.list.request_errors.empty()) {
            return fail(
                Error::localized(ErrorCode::Validation, "common.paging_invalid", {}, params.list.request_errors));
        }
        auto page = RAPPORT_TRY(api.segments.members(principal, segment, params.list.limit, params.list.cursor));
        json items = json::array();
        for (const auto& r : page.items) items.push_back(record_json(r));
        return ok_json({{"items", items}, {"next_cursor", page.next_cursor ? json(*page.next_cursor) : json(nullptr)}});
    });
    router.add(http::Verb::post, base + "/{id}/members", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        const Id id = RAPPORT_TRY(path_id(ctx, "id", "segment"));
        auto body = RAPPORT_TRY(JsonBody::parse(ctx));
        auto ids = body.string_list("ids", true);
        RAPPORT_CHECK(body.finish("segments.no_member_added"));
        const auto added = RAPPORT_TRY(api.segments.add_members(principal, id, *ids));
        return ok_json({{"added", added}});
    });
    router.add(http::Verb::delete_, base + "/{id}/members/{record_id}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   const Id id = RAPPORT_TRY(path_id(ctx, "id", "segment"));
                   const Id record_id = RAPPORT_TRY(path_id(ctx, "record_id", "member"));
                   RAPPORT_CHECK(api.segments.remove_member(principal, id, record_id));
                   return no_content();
               });
    router.add(http::Verb::post, base + "/{id}/snapshot", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        const Id id = RAPPORT_TRY(path_id(ctx, "id", "segment"));
        return ok_json(snapshot_json(RAPPORT_TRY(api.segments.snapshot(principal, id))));
    });
    router.add(http::Verb::get, base + "/{id}/history", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        const Id id = RAPPORT_TRY(path_id(ctx, "id", "segment"));
        const auto text = [&](const char* key) -> std::optional<std::string> {
            auto v = ctx.query.get(key);
            if (!v || v->empty()) return std::nullopt;
            return std::string(*v);
        };
        json items = json::array();
        for (const auto& s : RAPPORT_TRY(api.segments.history(principal, id, text("from"), text("to")))) {
            items.push_back(snapshot_json(s));
        }
        return ok_json({{"items", items}});
    });
}

}  // namespace rapport::api
