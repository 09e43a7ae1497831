// GET/PUT /api/v1/cost-model, DELETE /api/v1/cost-model/versions/{id}, GET /api/v1/costs and
// GET /api/v1/costs/customers/{kind}/{id}. Money is in minor units of the model's currency.
#include <charconv>

#include "api/costs/costs_api.hpp"
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"

namespace rapport::api {

using namespace rapport::domain::costs;
using nlohmann::json;
namespace timeline = rapport::domain::timeline;
namespace customers = rapport::domain::customers;

namespace {

json type_json(const std::optional<timeline::RelationshipType>& t) {
    return t ? json(std::string(timeline::to_string(*t))) : json(nullptr);
}

json model_json(const CostModel& m) {
    json teams = json::array(), roles = json::array(), fixed = json::array(), channels = json::array();
    for (const auto& r : m.team_rates) {
        teams.push_back({{"team_id", id_to_string(r.team_id)}, {"cents_per_hour", r.cents_per_hour}});
    }
    for (const auto& r : m.role_rates) {
        roles.push_back({{"role", std::string(to_string(r.role))}, {"cents_per_hour", r.cents_per_hour}});
    }
    for (const auto& f : m.fixed_costs) {
        json allocation = json::array();
        for (const auto& a : f.allocation) {
            allocation.push_back({{"relationship_type", type_json(a.type)}, {"basis_points", a.basis_points}});
        }
        fixed.push_back({{"name", f.name},
                         {"category", std::string(to_string(f.category))},
                         {"monthly_cents", f.monthly_cents},
                         {"allocation", allocation}});
    }
    for (const auto& c : m.channel_rates) {
        channels.push_back({{"channel", c.channel}, {"cents_per_message", c.cents_per_message}});
    }
    return {{"version_id", id_to_string(m.version_id)},
            {"effective_from", m.effective_from},
            {"currency", m.currency},
            {"minor_digits", minor_digits(m.currency)},
            {"note", m.note},
            {"team_rates", teams},
            {"role_rates", roles},
            {"fixed_costs", fixed},
            {"channel_rates", channels},
            {"created_at", m.created_at},
            {"created_by_user_id", m.created_by_user_id ? json(id_to_string(*m.created_by_user_id)) : json(nullptr)}};
}

// Reads a list of objects at /<key>, calling `each(object, pointer)`; wrong shapes are reported.
template <class F>
void read_list(JsonBody& body, const std::string& key, F each) {
    const auto& doc = body.document();
    body.mark_known(key);
    if (!doc.contains(key)) return;
    const auto& list = doc[key];
    if (!list.is_array()) {
        body.localized_error("/" + key, "costs.entry_invalid");
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = "/" + key + "/" + std::to_string(i);
        if (!list[i].is_object()) {
            body.localized_error(at, "costs.entry_invalid");
            continue;
        }
        each(list[i], at);
    }
}

std::int64_t integer_at(JsonBody& body, const json& obj, const std::string& key, const std::string& at) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_number_integer()) {
        body.localized_error(at + "/" + key, "costs.whole_number");
        return 0;
    }
    return it->get<std::int64_t>();
}

std::string text_at(JsonBody& body, const json& obj, const std::string& key, const std::string& at) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) {
        body.localized_error(at + "/" + key, "costs.text_required");
        return {};
    }
    return it->get<std::string>();
}

// The model as the body gives it, and what is wrong with the body's shape (reported together
// with the model's own problems).
struct ReadModel {
    CostModel model;
    std::vector<FieldError> errors;
};

Result<ReadModel> read_model(const http::RequestContext& ctx) {
    auto body = RAPPORT_TRY(JsonBody::parse(ctx));
    CostModel m;
    m.effective_from = body.string("effective_from", true).value_or("");
    m.currency = body.string("currency", true).value_or("");
    m.note = body.string("note").value_or("");
    read_list(body, "team_rates", [&](const json& o, const std::string& at) {
        TeamRate r;
        const auto id = parse_id(text_at(body, o, "team_id", at));
        if (!id) body.localized_error(at + "/team_id", "costs.id_invalid");
        r.team_id = id.value_or(0);
        r.cents_per_hour = integer_at(body, o, "cents_per_hour", at);
        m.team_rates.push_back(r);
    });
    read_list(body, "role_rates", [&](const json& o, const std::string& at) {
        RoleRate r;
        const auto role = domain::parse_role(text_at(body, o, "role", at));
        if (!role) body.localized_error(at + "/role", "costs.role_invalid");
        r.role = role.value_or(domain::Role::Viewer);
        r.cents_per_hour = integer_at(body, o, "cents_per_hour", at);
        if (role) m.role_rates.push_back(r);
    });
    read_list(body, "fixed_costs", [&](const json& o, const std::string& at) {
        FixedCost f;
        f.name = text_at(body, o, "name", at);
        const auto category = parse_fixed_cost_category(text_at(body, o, "category", at));
        if (!category) body.localized_error(at + "/category", "costs.category_invalid");
        f.category = category.value_or(FixedCostCategory::Other);
        f.monthly_cents = integer_at(body, o, "monthly_cents", at);
        if (auto it = o.find("allocation"); it != o.end() && !it->is_null()) {
            if (!it->is_array()) {
                body.localized_error(at + "/allocation", "costs.entry_invalid");
            } else {
                for (std::size_t j = 0; j < it->size(); ++j) {
                    const std::string aat = at + "/allocation/" + std::to_string(j);
                    const auto& a = (*it)[j];
                    if (!a.is_object()) {
                        body.localized_error(aat, "costs.entry_invalid");
                        continue;
                    }
                    const auto type = timeline::parse_relationship_type(text_at(body, a, "relationship_type", aat));
                    if (!type) body.localized_error(aat + "/relationship_type", "costs.type_invalid");
                    const auto bp = integer_at(body, a, "basis_points", aat);
                    if (type) f.allocation.push_back({*type, bp});
                }
            }
        }
        m.fixed_costs.push_back(std::move(f));
    });
    read_list(body, "channel_rates", [&](const json& o, const std::string& at) {
        m.channel_rates.push_back({text_at(body, o, "channel", at), integer_at(body, o, "cents_per_message", at)});
    });
    return ReadModel{std::move(m), body.take_errors()};
}

std::optional<Day> day_param(const http::RequestContext& ctx, const char* name, std::vector<FieldError>& errors) {
    auto text = ctx.query.get(name);
    if (!text || text->empty()) return std::nullopt;
    if (auto d = parse_day(*text)) return d;
    errors.push_back(FieldError::localized(std::string("?") + name, "costs.day_invalid"));
    return std::nullopt;
}

Status no_errors(std::vector<FieldError> errors) {
    if (errors.empty()) return {};
    const auto count = std::to_string(errors.size());
    return fail(
        Error::localized(ErrorCode::Validation, "costs.invalid_parameters", {{"count", count}}, std::move(errors)));
}

// ?from= and ?to= (days, to exclusive); by default the current calendar month.
Period read_period(const http::RequestContext& ctx, UnixMillis now, std::vector<FieldError>& errors) {
    const Day today = day_of(now);
    Period p{month_start(today), next_month_start(today)};
    if (auto d = day_param(ctx, "from", errors)) p.from = *d;
    if (auto d = day_param(ctx, "to", errors)) p.to = *d;
    return p;
}

json breakdown_json(const CostBreakdown& b) {
    return {{"time_cents", b.time_cents},
            {"message_cents", b.message_cents},
            {"fixed_cents", b.fixed_cents},
            {"total_cents", b.total_cents()}};
}
json activity_json(const Activity& a) {
    return {{"minutes", a.minutes}, {"messages", a.messages}};
}
json by_type_json(const std::map<std::optional<timeline::RelationshipType>, CostBreakdown>& by_type) {
    json out = json::array();
    for (const auto& [type, cost] : by_type)
        out.push_back({{"relationship_type", type_json(type)}, {"total_cents", cost.total_cents()}});
    return out;
}
json customer_json(const NamedCustomer& c) {
    return {{"kind", c.cost.customer.type == customers::EntityType::Person ? "people" : "companies"},
            {"id", id_to_string(c.cost.customer.id)},
            {"name", c.name},
            {"cost", breakdown_json(c.cost.cost)},
            {"activity", activity_json(c.cost.activity)},
            {"by_type", by_type_json(c.cost.by_type)}};
}
json not_measured() {
    return {{"value", nullptr}, {"reason", "not_yet_measured"}};
}

}  // namespace

void register_costs_routes(http::Router& router, CostsApi& api) {
    router.add(http::Verb::get, "/api/v1/cost-model", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        std::vector<FieldError> errors;
        const auto on = day_param(ctx, "on", errors);
        RAPPORT_CHECK(no_errors(std::move(errors)));
        const auto current = RAPPORT_TRY(api.costs.in_effect(principal, on));
        json versions = json::array();
        for (const auto& m : RAPPORT_TRY(api.costs.history(principal))) versions.push_back(model_json(m));
        return ok_json({{"in_effect", current ? model_json(*current) : json(nullptr)},
                        {"on", format_day(on.value_or(day_of(api.clock.now_ms())))},
                        {"versions", versions}});
    });
    router.add(http::Verb::put, "/api/v1/cost-model", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto read = RAPPORT_TRY(read_model(ctx));
        return ok_json(model_json(
            RAPPORT_TRY(api.costs.save(principal, std::move(read.model), ctx.peer.address, std::move(read.errors)))));
    });
    router.add(http::Verb::delete_, "/api/v1/cost-model/versions/{id}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   const auto id = RAPPORT_TRY(path_id(ctx, "id", "cost model version"));
                   RAPPORT_CHECK(api.costs.remove(principal, id, ctx.peer.address));
                   return no_content();
               });

    router.add(http::Verb::get, "/api/v1/costs", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        std::vector<FieldError> errors;
        const Period period = read_period(ctx, api.clock.now_ms(), errors);
        std::optional<Id> segment;
        if (auto text = ctx.query.get("segment"); text && !text->empty()) {
            segment = parse_id(*text);
            if (!segment) errors.push_back(FieldError::localized("?segment", "costs.id_invalid"));
        }
        int limit = 20;
        if (auto text = ctx.query.get("limit"); text && !text->empty()) {
            auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
            if (ec != std::errc{} || p != text->data() + text->size() || limit < 1 || limit > CostService::kMaxLimit) {
                errors.push_back(FieldError::localized("?limit", "costs.limit_invalid",
                                                       {{"max", std::to_string(CostService::kMaxLimit)}}));
            }
        }
        RAPPORT_CHECK(no_errors(std::move(errors)));
        const auto view = RAPPORT_TRY(api.costs.costs(principal, period, segment, limit));
        const auto& r = view.report;
        json by_type = json::array();
        for (const auto& t : r.by_type) {
            by_type.push_back({{"relationship_type", type_json(t.type)},
                               {"cost", breakdown_json(t.cost)},
                               {"activity", activity_json(t.activity)}});
        }
        json by_segment = json::array();
        for (const auto& s : view.by_segment) {
            by_segment.push_back({{"segment_id", id_to_string(s.segment_id)},
                                  {"name", s.name},
                                  {"entity_type", std::string(customers::to_string(s.entity_type))},
                                  {"cost", breakdown_json(s.cost)},
                                  {"activity", activity_json(s.activity)},
                                  {"customers_with_activity", s.customers_with_activity},
                                  {"by_type", by_type_json(s.by_type)},
                                  {"benefits", {{"retention", not_measured()}, {"revenue", not_measured()}}}});
        }
        json top = json::array();
        for (const auto& c : view.customers) top.push_back(customer_json(c));
        json fixed = json::array();
        for (const auto& f : r.fixed_lines) {
            fixed.push_back({{"name", f.name}, {"category", std::string(to_string(f.category))}, {"cents", f.cents}});
        }
        json versions = json::array();
        for (Id v : view.versions_used) versions.push_back(id_to_string(v));
        return ok_json({{"from", format_day(period.from)},
                        {"to", format_day(period.to)},
                        {"currency", view.currency.empty() ? json(nullptr) : json(view.currency)},
                        {"minor_digits", view.currency.empty() ? 2 : minor_digits(view.currency)},
                        {"segment", view.segment_id ? json(id_to_string(*view.segment_id)) : json(nullptr)},
                        {"versions_used", versions},
                        {"total", breakdown_json(r.total)},
                        {"activity", activity_json(r.activity)},
                        {"unattributed", breakdown_json(r.unattributed)},
                        {"unpriced_minutes", r.unpriced_minutes},
                        {"unpriced_messages", r.unpriced_messages},
                        {"days_without_model", r.days_without_model},
                        {"by_type", by_type},
                        {"by_segment", by_segment},
                        {"fixed_costs", fixed},
                        {"customers", {{"total", view.customer_count}, {"items", top}}},
                        {"benefits", {{"retention", not_measured()}, {"revenue", not_measured()}}}});
    });

    router.add(http::Verb::get, "/api/v1/costs/customers/{kind}/{id}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   std::vector<FieldError> errors;
                   const std::string kind(ctx.param("kind"));
                   std::optional<customers::EntityType> type;
                   if (kind == "people") type = customers::EntityType::Person;
                   if (kind == "companies") type = customers::EntityType::Company;
                   if (!type) errors.push_back(FieldError::localized("kind", "costs.kind_invalid"));
                   const Period period = read_period(ctx, api.clock.now_ms(), errors);
                   RAPPORT_CHECK(no_errors(std::move(errors)));
                   const auto id = RAPPORT_TRY(path_id(ctx, "id", "record"));
                   const auto view = RAPPORT_TRY(api.costs.customer_cost(principal, *type, id, period));
                   json out = customer_json(view.customer);
                   out["from"] = format_day(period.from);
                   out["to"] = format_day(period.to);
                   out["currency"] = view.currency.empty() ? json(nullptr) : json(view.currency);
                   out["rank"] = view.rank == 0 ? json(nullptr) : json(view.rank);
                   return ok_json(out);
               });
}

}  // namespace rapport::api
