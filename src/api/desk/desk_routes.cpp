// The desk: GET /api/v1/desk answers {"now", "cards": {"tasks", "recent", "quiet", "new"}};
// ?cards= picks some (a later area adds its card under its own name), ?quiet_days= the
// silence that makes a customer quiet, ?limit= the items per card. POST /api/v1/desk/visit
// marks a visit (and {"mark_all_seen": true} starts the news afresh).
#include <charconv>

#include "api/desk/desk_api.hpp"
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "api/tasks/tasks_api.hpp"

namespace rapport::api {

using namespace rapport::domain::desk;

namespace {

constexpr const char* kCards[] = {"tasks", "recent", "quiet", "new"};

Result<DeskRequest> read_request(const http::RequestContext& ctx) {
    DeskRequest in;
    std::vector<FieldError> errors;
    if (auto limit = limit_param(ctx, 5, 50)) {
        in.limit = *limit;
    } else {
        errors.push_back(limit.error());
    }
    if (auto days = ctx.query.get("quiet_days"); days && !days->empty()) {
        int v = 0;
        auto [p, ec] = std::from_chars(days->data(), days->data() + days->size(), v);
        if (ec != std::errc{} || p != days->data() + days->size() || v < 1 || v > 3650) {
            errors.push_back(FieldError::localized("?quiet_days", "desk.days_range"));
        } else {
            in.quiet_days = v;
        }
    }
    if (auto cards = ctx.query.get("cards"); cards && !cards->empty()) {
        std::string_view rest = *cards;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const std::string card(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
            if (card.empty()) continue;
            bool known = false;
            for (const char* k : kCards) known = known || card == k;
            if (!known) {
                errors.push_back(FieldError::localized("?cards", "desk.unknown_card", {{"card", card}}));
            } else {
                in.cards.insert(card);
            }
        }
    }
    if (!errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "tasks.invalid_parameters", {}, std::move(errors)));
    }
    return in;
}

json desk_json(const Desk& d) {
    json cards = json::object();
    if (d.tasks) {
        json first = json::array();
        for (const auto& row : d.tasks->first) first.push_back(task_json(row, d.now));
        cards["tasks"] = {{"open", d.tasks->counts.open}, {"overdue", d.tasks->counts.overdue}, {"items", first}};
    }
    if (d.recent) {
        json items = json::array();
        for (const auto& r : d.recent->items) {
            json item = customer_ref_json(r.record);
            item["touched_at"] = r.touched_at;
            items.push_back(item);
        }
        cards["recent"] = {{"items", items}};
    }
    if (d.quiet) {
        json items = json::array();
        for (const auto& q : d.quiet->items) {
            json item = customer_ref_json(q.record);
            item["last_contact_at"] = q.last_contact_at ? json(*q.last_contact_at) : json(nullptr);
            items.push_back(item);
        }
        cards["quiet"] = {{"days", d.quiet->days},
                          {"count", d.quiet->count},
                          {"count_capped", d.quiet->count_capped},
                          {"items", items}};
    }
    if (d.news) {
        json records = json::array();
        for (const auto& r : d.news->records) {
            json item = customer_ref_json(r.record);
            item["at"] = r.at;
            records.push_back(item);
        }
        json tasks = json::array();
        for (const auto& row : d.news->tasks) tasks.push_back(task_json(row, d.now));
        cards["new"] = {{"since", d.news->since}, {"records", records}, {"tasks", tasks}, {"more", d.news->more}};
    }
    return {{"now", d.now}, {"cards", cards}};
}

}  // namespace

void register_desk_routes(http::Router& router, DeskApi& api) {
    router.add(http::Verb::get, "/api/v1/desk", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto request = RAPPORT_TRY(read_request(ctx));
        return ok_json(desk_json(RAPPORT_TRY(api.desk.desk(principal, request))));
    });
    router.add(http::Verb::post, "/api/v1/desk/visit", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        bool mark_all_seen = false;
        if (!ctx.request.body().empty()) {
            auto body = RAPPORT_TRY(JsonBody::parse(ctx));
            mark_all_seen = body.boolean("mark_all_seen").value_or(false);
            RAPPORT_CHECK(body.finish("desk.visit_invalid"));
        }
        auto visit = RAPPORT_TRY(api.desk.visit(principal, mark_all_seen));
        return ok_json({{"since", visit.since_at}, {"last_visit_at", visit.last_visit_at}});
    });
}

}  // namespace rapport::api
