// Service levels: business calendars (/api/v1/service-levels/calendars), SLA policies
// (/api/v1/service-levels/policies) and GET /api/v1/service-levels/preview, the due time
// a number of business minutes after a start in one calendar.
#include <charconv>

#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "api/servicelevels/servicelevels_api.hpp"
#include "domain/servicelevels/calendar_json.hpp"

namespace rapport::api {

using namespace rapport::domain::servicelevels;
using nlohmann::json;

namespace {

json opt_int_json(const std::optional<std::int64_t>& v) {
    return v ? json(*v) : json(nullptr);
}

json calendar_json(const Calendar& c) {
    return {{"id", id_to_string(c.calendar_id)}, {"name", c.name},
            {"time_zone", c.time_zone},          {"always_open", c.always_open},
            {"hours", hours_to_json(c.hours)},   {"holidays", holidays_to_json(c.holidays)},
            {"created_at", c.created_at},        {"updated_at", c.updated_at}};
}

json policy_json(const SlaPolicy& p) {
    return {{"id", id_to_string(p.policy_id)},
            {"name", p.name},
            {"priority", p.priority ? json(std::string(to_string(*p.priority))) : json(nullptr)},
            {"segment_id", p.segment_id ? json(id_to_string(*p.segment_id)) : json(nullptr)},
            {"position", p.position},
            {"calendar_id", id_to_string(p.calendar_id)},
            {"first_response_minutes", opt_int_json(p.first_response_minutes)},
            {"next_response_minutes", opt_int_json(p.next_response_minutes)},
            {"resolution_minutes", opt_int_json(p.resolution_minutes)},
            {"warn_before_minutes", p.warn_before_minutes},
            {"created_at", p.created_at},
            {"updated_at", p.updated_at}};
}

Result<CalendarInput> read_calendar_input(const http::RequestContext& ctx, bool creating) {
    auto body = RAPPORT_TRY(JsonBody::parse(ctx));
    CalendarInput in;
    in.name = body.string("name", creating);
    in.time_zone = body.string("time_zone", creating);
    in.always_open = body.boolean("always_open");
    std::vector<FieldError> errors;
    const auto& doc = body.document();
    body.mark_known("hours");
    body.mark_known("holidays");
    if (doc.contains("hours")) {
        in.hours = hours_from_json(doc["hours"], "/hours", errors);
    } else if (creating && !in.always_open.value_or(false)) {
        errors.push_back(FieldError::localized("/hours", "servicelevels.hours_shape"));
    }
    if (doc.contains("holidays")) in.holidays = holidays_from_json(doc["holidays"], "/holidays", errors);
    for (auto& e : errors) body.error(std::move(e));
    RAPPORT_CHECK(body.finish(creating ? "servicelevels.create_invalid" : "servicelevels.save_invalid"));
    return in;
}

// A member that may be null: absent → nullopt; null → {nullopt}; a value → {value}.
template <class T, class Read>
std::optional<std::optional<T>> nullable(JsonBody& body, const std::string& key, Read read) {
    body.mark_known(key);
    const auto& doc = body.document();
    if (!doc.contains(key)) return std::nullopt;
    if (doc[key].is_null()) return std::optional<T>{};
    auto value = read(doc[key]);
    if (!value) return std::nullopt;
    return std::optional<T>{*value};
}

Result<PolicyInput> read_policy_input(const http::RequestContext& ctx, bool creating) {
    auto body = RAPPORT_TRY(JsonBody::parse(ctx));
    PolicyInput in;
    in.name = body.string("name", creating);
    in.position = body.integer("position");
    in.warn_before_minutes = body.integer("warn_before_minutes");
    if (auto calendar = body.string("calendar_id", creating)) {
        in.calendar_id = parse_id(*calendar);
        if (!in.calendar_id) body.localized_error("/calendar_id", "common.record_id_invalid");
    }
    in.priority = nullable<Priority>(body, "priority", [&](const json& v) -> std::optional<Priority> {
        std::optional<Priority> p;
        if (v.is_string()) p = parse_priority(v.get<std::string>());
        if (!p) body.localized_error("/priority", "servicelevels.priority_invalid");
        return p;
    });
    in.segment_id = nullable<Id>(body, "segment_id", [&](const json& v) -> std::optional<Id> {
        std::optional<Id> id;
        if (v.is_string()) id = parse_id(v.get<std::string>());
        if (!id) body.localized_error("/segment_id", "common.record_id_invalid");
        return id;
    });
    for (auto [key, target] : {std::pair{"first_response_minutes", &in.first_response_minutes},
                               std::pair{"next_response_minutes", &in.next_response_minutes},
                               std::pair{"resolution_minutes", &in.resolution_minutes}}) {
        const std::string name = key;
        *target = nullable<std::int64_t>(body, name, [&](const json& v) -> std::optional<std::int64_t> {
            if (v.is_number_integer()) return v.get<std::int64_t>();
            body.localized_error("/" + name, "servicelevels.target_range",
                                 {{"max", std::to_string(kMaxTargetMinutes)}});
            return std::nullopt;
        });
    }
    RAPPORT_CHECK(body.finish(creating ? "servicelevels.create_invalid" : "servicelevels.save_invalid"));
    return in;
}

std::optional<std::int64_t> integer_param(std::string_view text) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
    return v;
}

struct PreviewRequest {
    Id calendar_id = 0;
    UnixMillis start = 0;
    std::int64_t minutes = 0;
};

Result<PreviewRequest> read_preview(const http::RequestContext& ctx) {
    PreviewRequest in;
    std::vector<FieldError> errors;
    auto calendar = ctx.query.get("calendar");
    std::optional<Id> id = calendar ? parse_id(*calendar) : std::nullopt;
    if (!id) {
        errors.push_back(FieldError::localized("?calendar", "common.record_id_invalid"));
    } else {
        in.calendar_id = *id;
    }
    auto start = ctx.query.get("start");
    auto start_ms = start ? integer_param(*start) : std::nullopt;
    if (!start_ms || *start_ms < 0) {
        errors.push_back(FieldError::localized("?start", "servicelevels.start_invalid"));
    } else {
        in.start = *start_ms;
    }
    auto minutes = ctx.query.get("minutes");
    auto count = minutes ? integer_param(*minutes) : std::nullopt;
    if (!count || *count < 0 || *count > kMaxTargetMinutes) {
        errors.push_back(FieldError::localized("?minutes", "servicelevels.warn_range",
                                               {{"max", std::to_string(kMaxTargetMinutes)}}));
    } else {
        in.minutes = *count;
    }
    if (!errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "servicelevels.preview_invalid", {}, std::move(errors)));
    }
    return in;
}

template <class T, class View>
json items_json(const std::vector<T>& items, View view) {
    json out = json::array();
    for (const auto& item : items) out.push_back(view(item));
    return {{"items", std::move(out)}};
}

}  // namespace

void register_service_level_routes(http::Router& router, ServiceLevelsApi& api) {
    const std::string calendars = "/api/v1/service-levels/calendars";
    const std::string policies = "/api/v1/service-levels/policies";

    router.add(http::Verb::get, calendars, [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        return ok_json(items_json(RAPPORT_TRY(api.settings.list_calendars(principal)), calendar_json));
    });
    router.add(http::Verb::post, calendars, [&api, calendars](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto in = RAPPORT_TRY(read_calendar_input(ctx, true));
        auto c = RAPPORT_TRY(api.settings.create_calendar(principal, in, ctx.peer.address));
        auto res = ok_json(calendar_json(c), http::HttpStatus::created);
        res.set(http::beast_http::field::location, calendars + "/" + id_to_string(c.calendar_id));
        return res;
    });
    router.add(http::Verb::get, calendars + "/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "calendar"));
        return ok_json(calendar_json(RAPPORT_TRY(api.settings.get_calendar(principal, id))));
    });
    router.add(http::Verb::patch, calendars + "/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "calendar"));
        auto in = RAPPORT_TRY(read_calendar_input(ctx, false));
        return ok_json(calendar_json(RAPPORT_TRY(api.settings.update_calendar(principal, id, in, ctx.peer.address))));
    });
    router.add(http::Verb::delete_, calendars + "/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "calendar"));
        RAPPORT_CHECK(api.settings.remove_calendar(principal, id, ctx.peer.address));
        return no_content();
    });

    router.add(http::Verb::get, policies, [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        return ok_json(items_json(RAPPORT_TRY(api.settings.list_policies(principal)), policy_json));
    });
    router.add(http::Verb::post, policies, [&api, policies](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto in = RAPPORT_TRY(read_policy_input(ctx, true));
        auto p = RAPPORT_TRY(api.settings.create_policy(principal, in, ctx.peer.address));
        auto res = ok_json(policy_json(p), http::HttpStatus::created);
        res.set(http::beast_http::field::location, policies + "/" + id_to_string(p.policy_id));
        return res;
    });
    router.add(http::Verb::get, policies + "/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "policy"));
        return ok_json(policy_json(RAPPORT_TRY(api.settings.get_policy(principal, id))));
    });
    router.add(http::Verb::patch, policies + "/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "policy"));
        auto in = RAPPORT_TRY(read_policy_input(ctx, false));
        return ok_json(policy_json(RAPPORT_TRY(api.settings.update_policy(principal, id, in, ctx.peer.address))));
    });
    router.add(http::Verb::delete_, policies + "/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "policy"));
        RAPPORT_CHECK(api.settings.remove_policy(principal, id, ctx.peer.address));
        return no_content();
    });

    router.add(http::Verb::get, "/api/v1/service-levels/preview",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto in = RAPPORT_TRY(read_preview(ctx));
                   auto due = RAPPORT_TRY(api.settings.preview(principal, in.calendar_id, in.start, in.minutes));
                   return ok_json({{"calendar_id", id_to_string(in.calendar_id)},
                                   {"start", in.start},
                                   {"minutes", in.minutes},
                                   {"due_at", due}});
               });
}

}  // namespace rapport::api
