// The timeline: logging notes, calls, meetings, emails and tasks, and reading a person's
// or company's interactions, newest first.
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "api/timeline/timeline_api.hpp"
#include "domain/timeline/timeline_service.hpp"

namespace rapport::api {

using namespace rapport::domain::timeline;
using domain::customers::EntityType;

namespace {

json opt_id_json(const std::optional<Id>& v) {
    return v ? json(id_to_string(*v)) : json(nullptr);
}
template <class E>
json opt_enum_json(const std::optional<E>& v) {
    return v ? json(std::string(to_string(*v))) : json(nullptr);
}

json interaction_json(const Interaction& i) {
    return {{"id", id_to_string(i.interaction_id)},
            {"kind", to_string(i.kind)},
            {"person_id", opt_id_json(i.person_id)},
            {"company_id", opt_id_json(i.company_id)},
            {"subject", i.subject},
            {"body", i.body},
            {"channel", opt_enum_json(i.channel)},
            {"direction", opt_enum_json(i.direction)},
            {"relationship_type", opt_enum_json(i.relationship_type)},
            {"minutes_spent", i.minutes_spent},
            {"occurred_at", i.occurred_at},
            {"due_at", i.due_at ? json(*i.due_at) : json(nullptr)},
            {"assignee_user_id", opt_id_json(i.assignee_user_id)},
            {"assigned_at", i.assigned_at ? json(*i.assigned_at) : json(nullptr)},
            {"completed_at", i.completed_at ? json(*i.completed_at) : json(nullptr)},
            {"created_by_user_id", opt_id_json(i.created_by_user_id)},
            {"created_at", i.created_at}};
}

// Reads an optional, nullable member with `parse`; records the catalogue message `expected` when it is not one.
template <class T, class Parse>
std::optional<std::optional<T>> nullable(JsonBody& body, const std::string& key, Parse parse,
                                         const std::string& expected) {
    const json& doc = body.document();
    body.mark_known(key);
    if (!doc.contains(key)) return std::nullopt;
    if (doc[key].is_null()) return std::optional<T>{};
    if (auto v = parse(doc[key])) return std::optional<T>{*v};
    body.localized_error("/" + key, expected);
    return std::nullopt;
}

std::optional<Id> id_of(const json& v) {
    return v.is_string() ? parse_id(v.get<std::string>()) : std::nullopt;
}
std::optional<UnixMillis> millis_of(const json& v) {
    // Above INT64_MAX nlohmann keeps an unsigned value that get<UnixMillis> would wrap.
    if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<std::uint64_t>() > INT64_MAX)) return std::nullopt;
    return v.get<UnixMillis>();
}
template <class Fn>
auto enum_of(Fn parse) {
    return [parse](const json& v) { return v.is_string() ? parse(v.get<std::string>()) : decltype(parse("")){}; };
}

Result<InteractionInput> read_input(const http::RequestContext& ctx) {
    auto body = RAPPORT_TRY(JsonBody::parse(ctx));
    InteractionInput in;
    if (auto kind = body.string("kind")) {
        in.kind = parse_interaction_kind(*kind);
        if (!in.kind) body.localized_error("/kind", "timeline.kind_invalid");
    }
    in.person_id = nullable<Id>(body, "person_id", id_of, "timeline.person_id_or_null");
    in.company_id = nullable<Id>(body, "company_id", id_of, "timeline.company_id_or_null");
    in.subject = body.string("subject");
    in.body = body.string("body");
    in.channel = nullable<Channel>(body, "channel", enum_of(parse_channel), "timeline.channel_or_null");
    in.direction = nullable<Direction>(body, "direction", enum_of(parse_direction), "timeline.direction_or_null");
    in.relationship_type = nullable<RelationshipType>(body, "relationship_type", enum_of(parse_relationship_type),
                                                      "timeline.relationship_type_or_null");
    in.minutes_spent = body.integer("minutes_spent");
    in.occurred_at = body.integer("occurred_at");
    in.due_at = nullable<UnixMillis>(body, "due_at", millis_of, "timeline.due_at_or_null");
    in.assignee_user_id = nullable<Id>(body, "assignee_user_id", id_of, "timeline.assignee_or_null");
    in.completed = body.boolean("completed");
    in.request_errors = body.take_errors();
    return in;
}

Result<http::Response> timeline_of(http::RequestContext& ctx, TimelineApi& api, EntityType type) {
    auto principal = RAPPORT_TRY(authenticate(ctx, api));
    auto id = RAPPORT_TRY(path_id(ctx, "id", type == EntityType::Person ? "person" : "company"));
    // The cursor of a timeline is a position (time and id), not an id: only the limit is shared.
    auto limit = limit_param(ctx, 50, 500);
    if (!limit) return fail(Error::localized_field(limit.error().pointer, limit.error().key, limit.error().args));
    std::optional<TimelineCursor> before;
    if (auto cursor = ctx.query.get("cursor"); cursor && !cursor->empty()) {
        before = parse_cursor(*cursor);
        if (!before) return fail(Error::localized_field("?cursor", "common.cursor_invalid"));
    }
    auto result = RAPPORT_TRY(api.timeline.timeline(principal, type, id, before, *limit));
    json items = json::array();
    for (const auto& i : result.items) items.push_back(interaction_json(i));
    return ok_json(
        {{"items", items}, {"next_cursor", result.next ? json(format_cursor(*result.next)) : json(nullptr)}});
}

}  // namespace

void register_timeline_routes(http::Router& router, TimelineApi& api) {
    router.add(http::Verb::post, "/api/v1/interactions", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto in = RAPPORT_TRY(read_input(ctx));
        auto created = RAPPORT_TRY(api.timeline.log(principal, in));
        auto res = ok_json(interaction_json(created), http::HttpStatus::created);
        res.set(http::beast_http::field::location, "/api/v1/interactions/" + id_to_string(created.interaction_id));
        return res;
    });
    router.add(http::Verb::get, "/api/v1/interactions/{id}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "interaction"));
                   return ok_json(interaction_json(RAPPORT_TRY(api.timeline.get(principal, id))));
               });
    router.add(
        http::Verb::patch, "/api/v1/interactions/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
            auto principal = RAPPORT_TRY(authenticate(ctx, api));
            auto id = RAPPORT_TRY(path_id(ctx, "id", "interaction"));
            auto in = RAPPORT_TRY(read_input(ctx));
            return ok_json(interaction_json(RAPPORT_TRY(api.timeline.update(principal, id, in, ctx.peer.address))));
        });
    router.add(http::Verb::delete_, "/api/v1/interactions/{id}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "interaction"));
                   RAPPORT_CHECK(api.timeline.remove(principal, id));
                   return no_content();
               });
    router.add(http::Verb::get, "/api/v1/people/{id}/timeline",
               [&api](http::RequestContext& ctx) { return timeline_of(ctx, api, EntityType::Person); });
    router.add(http::Verb::get, "/api/v1/companies/{id}/timeline",
               [&api](http::RequestContext& ctx) { return timeline_of(ctx, api, EntityType::Company); });
}

}  // namespace rapport::api
