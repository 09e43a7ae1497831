// Portfolios over HTTP:
//   GET  /api/v1/portfolios/mine            my portfolio (?type=, ?no_contact_days=, ?sort=, ?limit=, ?cursor=)
//   GET  /api/v1/portfolios/{user_id}       a user's portfolio (same parameters)
//   GET  /api/v1/portfolios                 the manager's view (?days=, default 90)
//   POST /api/v1/portfolios/reassign        {from_user_id, to_user_id, records?: [{type, id}]}
//   GET  /api/v1/portfolios/reassignments   the reassignment log, newest first
#include <charconv>

#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/portfolios/portfolios_api.hpp"
#include "api/request_auth.hpp"
#include "api/tasks/tasks_api.hpp"

namespace rapport::api {

using namespace rapport::domain::portfolios;
using domain::customers::EntityType;

namespace {

std::optional<int> whole_days(std::string_view text) {
    int v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size() || v < 1 || v > kMaxDays) return std::nullopt;
    return v;
}

Result<PortfolioQuery> read_query(const http::RequestContext& ctx) {
    PortfolioQuery q;
    std::vector<FieldError> errors;
    if (auto limit = limit_param(ctx, 50, 200)) {
        q.limit = *limit;
    } else {
        errors.push_back(limit.error());
    }
    if (auto type = ctx.query.get("type"); type && !type->empty()) {
        if (*type == "company") {
            q.type = EntityType::Company;
        } else if (*type == "person") {
            q.type = EntityType::Person;
        } else {
            errors.push_back(FieldError::localized("?type", "portfolios.unknown_type"));
        }
    }
    if (auto days = ctx.query.get("no_contact_days"); days && !days->empty()) {
        if (auto v = whole_days(*days)) {
            q.no_contact_days = *v;
        } else {
            errors.push_back(FieldError::localized("?no_contact_days", "portfolios.days_range",
                                                   {{"max", std::to_string(kMaxDays)}}));
        }
    }
    if (auto sort = ctx.query.get("sort"); sort && !sort->empty()) {
        if (*sort == "neglected") {
            q.most_neglected_first = true;
        } else if (*sort == "recent") {
            q.most_neglected_first = false;
        } else {
            errors.push_back(FieldError::localized("?sort", "portfolios.unknown_sort"));
        }
    }
    if (auto cursor = ctx.query.get("cursor"); cursor && !cursor->empty()) {
        if (auto c = parse_portfolio_cursor(*cursor)) {
            q.after = *c;
        } else {
            errors.push_back(FieldError::localized("?cursor", "portfolios.cursor_invalid"));
        }
    }
    if (!errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "portfolios.invalid_parameters", {}, std::move(errors)));
    }
    return q;
}

json page_json(const PortfolioPage& page) {
    json items = json::array();
    for (const auto& i : page.items) {
        json item = customer_ref_json(i.record);
        item["last_contact_at"] = i.last_contact_at ? json(*i.last_contact_at) : json(nullptr);
        item["days_since_contact"] = i.days_since_contact ? json(*i.days_since_contact) : json(nullptr);
        item["next_action"] =
            i.next_action ? json{{"task_id", id_to_string(i.next_action->task_id)},
                                 {"subject", i.next_action->subject},
                                 {"due_at", i.next_action->due_at ? json(*i.next_action->due_at) : json(nullptr)},
                                 {"overdue", i.next_action->overdue}}
                          : json(nullptr);
        item["open_tasks"] = i.open_tasks;
        item["open_conversations"] = i.open_conversations;
        items.push_back(std::move(item));
    }
    return {{"items", items}, {"next_cursor", page.next_cursor ? json(*page.next_cursor) : json(nullptr)}};
}

json view_json(const ManagerView& v) {
    json owners = json::array();
    for (const auto& o : v.owners) {
        owners.push_back({{"user_id", id_to_string(o.user_id)},
                          {"display_name", o.display_name},
                          {"active", o.active},
                          {"companies", o.companies},
                          {"people", o.people},
                          {"size", o.companies + o.people},
                          {"contacted", o.contacted},
                          {"not_contacted", o.not_contacted},
                          {"coverage", o.coverage ? json(*o.coverage) : json(nullptr)}});
    }
    return {{"days", v.days},
            {"since", v.since},
            {"owners", owners},
            {"unowned",
             {{"companies", v.unowned_companies},
              {"people", v.unowned_people},
              {"total", v.unowned_companies + v.unowned_people}}}};
}

json reassignment_json(const Reassignment& a) {
    json out = {{"id", id_to_string(a.reassignment_id)},
                {"from_user_id", id_to_string(a.from_user_id)},
                {"to_user_id", id_to_string(a.to_user_id)},
                {"actor_user_id", a.actor_user_id ? json(id_to_string(*a.actor_user_id)) : json(nullptr)},
                {"actor_label", a.actor_label},
                {"companies", a.companies},
                {"people", a.people},
                {"total", a.companies + a.people},
                {"selected", a.selected},
                {"reassigned_at", a.reassigned_at}};
    return out;
}

std::optional<Id> user_id_of(JsonBody& body, const std::string& key) {
    auto text = body.string(key, true);
    if (!text) return std::nullopt;
    auto id = parse_id(*text);
    if (!id) body.localized_error("/" + key, "common.user_id_invalid");
    return id;
}

Result<ReassignRequest> read_reassign(const http::RequestContext& ctx) {
    auto body = RAPPORT_TRY(JsonBody::parse(ctx));
    ReassignRequest in;
    const auto from = user_id_of(body, "from_user_id");
    const auto to = user_id_of(body, "to_user_id");
    if (auto records = body.objects("records")) {
        std::vector<RecordKey> keys;
        for (std::size_t k = 0; k < records->size(); ++k) {
            const auto& r = (*records)[k];
            const std::string at = "/records/" + std::to_string(k);
            RecordKey key;
            bool ok = true;
            const auto type = r.contains("type") && r["type"].is_string() ? r["type"].get<std::string>() : "";
            if (type == "company") {
                key.type = EntityType::Company;
            } else if (type == "person") {
                key.type = EntityType::Person;
            } else {
                body.localized_error(at + "/type", "common.entity_type_person_or_company");
                ok = false;
            }
            const auto id =
                r.contains("id") && r["id"].is_string() ? parse_id(r["id"].get<std::string>()) : std::optional<Id>{};
            if (!id) {
                body.localized_error(at + "/id", "common.record_id_invalid");
                ok = false;
            }
            if (ok) {
                key.id = *id;
                keys.push_back(key);
            }
        }
        in.records = std::move(keys);
    }
    RAPPORT_CHECK(body.finish("portfolios.reassign_invalid"));
    in.from_user_id = from.value_or(0);
    in.to_user_id = to.value_or(0);
    return in;
}

}  // namespace

void register_portfolio_routes(http::Router& router, PortfoliosApi& api) {
    router.add(http::Verb::get, "/api/v1/portfolios/mine", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto query = RAPPORT_TRY(read_query(ctx));
        return ok_json(page_json(RAPPORT_TRY(api.portfolios.mine(principal, std::move(query)))));
    });
    router.add(http::Verb::get, "/api/v1/portfolios/{user_id}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   const Id user = RAPPORT_TRY(path_id(ctx, "user_id", "user"));
                   auto query = RAPPORT_TRY(read_query(ctx));
                   return ok_json(page_json(RAPPORT_TRY(api.portfolios.of_user(principal, user, std::move(query)))));
               });
    router.add(http::Verb::get, "/api/v1/portfolios", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        int days = kDefaultCoverageDays;
        if (auto d = ctx.query.get("days"); d && !d->empty()) {
            auto v = whole_days(*d);
            if (!v) {
                return fail(Error::localized(
                    ErrorCode::Validation, "portfolios.invalid_parameters", {},
                    {FieldError::localized("?days", "portfolios.days_range", {{"max", std::to_string(kMaxDays)}})}));
            }
            days = *v;
        }
        return ok_json(view_json(RAPPORT_TRY(api.portfolios.overview(principal, days))));
    });
    router.add(http::Verb::post, "/api/v1/portfolios/reassign",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto request = RAPPORT_TRY(read_reassign(ctx));
                   auto done = RAPPORT_TRY(api.portfolios.reassign(principal, request));
                   json out = reassignment_json(done);
                   out["skipped"] = done.skipped;
                   return ok_json(out);
               });
    router.add(http::Verb::get, "/api/v1/portfolios/reassignments",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto page = RAPPORT_TRY(page_request(ctx));
                   auto log = RAPPORT_TRY(api.portfolios.reassignments(principal, page));
                   json items = json::array();
                   for (const auto& a : log.items) items.push_back(reassignment_json(a));
                   return ok_json(
                       {{"items", items}, {"next_cursor", log.next_cursor ? json(*log.next_cursor) : json(nullptr)}});
               });
}

}  // namespace rapport::api
