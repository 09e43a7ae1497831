// Companies and people: CRUD, field history and custom field definitions.
#include "api/customers/customer_lists.hpp"
#include "api/customers/customers_api.hpp"
#include "api/duplicates/duplicate_json.hpp"
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "core/utf8.hpp"
#include "domain/customers/customer_service.hpp"

namespace rapport::api {

using namespace rapport::domain::customers;

namespace {

// Reads an optional id member: absent -> nullopt; null -> optional(nullopt); "123" -> id.
std::optional<std::optional<Id>> optional_id(JsonBody& body, const json& doc, const std::string& key) {
    if (!doc.contains(key)) return std::nullopt;
    const auto& v = doc[key];
    if (v.is_null()) return std::optional<Id>{};
    if (v.is_string()) {
        if (auto id = parse_id(v.get<std::string>())) return std::optional<Id>{*id};
    }
    body.localized_error("/" + key, "common.id_or_null");
    return std::nullopt;
}

struct WriteRequest {
    CustomerInput input;
    Source source;
};

Result<WriteRequest> read_write_request(const http::RequestContext& ctx, const domain::Principal& principal) {
    auto body = RAPPORT_TRY(JsonBody::parse(ctx));
    const json doc = body.document();
    WriteRequest out;
    out.source = CustomerService::default_source(principal);
    for (const auto& [key, value] : doc.items()) {
        if (key == "fields" || key == "custom") {
            if (!value.is_object())
                body.localized_error("/" + key, "common.must_be_object");
            else if (key == "fields")
                out.input.fields = value;
            else
                out.input.custom = value;
        } else if (key == "tags") {
            if (!value.is_array()) {
                body.localized_error("/tags", "common.must_be_list_of_strings");
            } else {
                std::vector<std::string> tags;
                for (std::size_t i = 0; i < value.size(); ++i) {
                    if (value[i].is_string())
                        tags.push_back(value[i].get<std::string>());
                    else
                        body.localized_error("/tags/" + std::to_string(i), "common.must_be_string");
                }
                out.input.tags = std::move(tags);
            }
        } else if (key == "owner_user_id") {
            out.input.owner_user_id = optional_id(body, doc, key);
        } else if (key == "team_id") {
            out.input.team_id = optional_id(body, doc, key);
        } else if (key == "source") {
            // Imports and integrations declare where their data comes from and which kind it is.
            if (!value.is_object()) {
                body.localized_error("/source", "customers.source_must_be_object");
                continue;
            }
            for (const auto& [skey, svalue] : value.items()) {
                if (skey == "data_kind") {
                    auto kind = svalue.is_string() ? parse_data_kind(svalue.get<std::string>()) : std::nullopt;
                    if (!kind)
                        body.localized_error("/source/data_kind", "customers.data_kind_invalid");
                    else
                        out.source.data_kind = *kind;
                } else if (skey == "connector") {
                    if (!svalue.is_string() || svalue.get<std::string>().empty() ||
                        code_points(svalue.get<std::string>()) > 100) {
                        body.localized_error("/source/connector", "customers.connector_invalid");
                    } else {
                        out.source.kind = SourceKind::Connector;
                        out.source.ref = "connector:" + svalue.get<std::string>();
                    }
                } else {
                    body.localized_error("/source/" + skey, "common.unknown_field");
                }
            }
        }
    }
    for (const char* k : {"fields", "custom", "tags", "owner_user_id", "team_id", "source"}) body.mark_known(k);
    // Reported by the service together with its field checks, so a person sees all at once.
    out.input.request_errors = body.take_errors();
    return out;
}

// Keeps only the requested record fields (built-in names or custom.<key>); the envelope stays.
json select_fields(json record, const std::vector<std::string>& fields) {
    if (fields.empty()) return record;
    json kept_fields = json::object(), kept_custom = json::object();
    for (const auto& f : fields) {
        if (f.rfind("custom.", 0) == 0) {
            const auto key = f.substr(7);
            if (record["custom"].contains(key)) kept_custom[key] = record["custom"][key];
        } else if (record["fields"].contains(f)) {
            kept_fields[f] = record["fields"][f];
        }
    }
    record["fields"] = kept_fields;
    record["custom"] = kept_custom;
    return record;
}

void register_entity(http::Router& router, CustomerApi& api, EntityType type, const std::string& base) {
    const std::string what = type == EntityType::Company ? "company" : "person";
    router.add(http::Verb::get, base, [&api, type](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto request = RAPPORT_TRY(list_request(ctx));
        auto result = RAPPORT_TRY(api.customers.list(principal, type, request.list));
        json items = json::array();
        for (const auto& r : result.items) items.push_back(select_fields(record_json(r), request.fields));
        return ok_json(
            {{"items", items}, {"next_cursor", result.next_cursor ? json(*result.next_cursor) : json(nullptr)}});
    });
    router.add(http::Verb::get, base + "/count", [&api, type](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto request = RAPPORT_TRY(list_request(ctx));
        return ok_json({{"count", RAPPORT_TRY(api.customers.count(principal, type, request.list))}});
    });
    router.add(http::Verb::post, base, [&api, type, base](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        // ?on_duplicate=flag (default) creates and reports likely duplicates; refuse answers
        // 409 instead when one scores high (see domain/duplicates/scoring.hpp).
        const auto on_duplicate = ctx.query.get("on_duplicate").value_or("flag");
        if (on_duplicate != "flag" && on_duplicate != "refuse") {
            return fail(Error::localized_field("?on_duplicate", "duplicates.on_duplicate_invalid"));
        }
        auto request = RAPPORT_TRY(read_write_request(ctx, principal));
        auto created = RAPPORT_TRY(
            api.duplicates.create_checked(principal, type, request.input, request.source, on_duplicate == "refuse"));
        auto view = RAPPORT_TRY(api.customers.get(principal, type, created.record.id));
        json out = record_json(view.record);
        out["provenance"] = provenance_json(view.provenance);
        out["flags"] = flags_json(view.record.flags);
        out["duplicates"] = duplicate_hits_json(created.duplicates);
        auto res = ok_json(out, http::HttpStatus::created);
        res.set(http::beast_http::field::location, base + "/" + id_to_string(created.record.id));
        return res;
    });
    router.add(http::Verb::get, base + "/{id}",
               [&api, type, what, base](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", what));
                   auto view = RAPPORT_TRY(api.customers.get(principal, type, id));
                   json out = record_json(view.record);
                   out["provenance"] = provenance_json(view.provenance);
                   out["flags"] = flags_json(view.record.flags);
                   auto res = ok_json(out);
                   if (view.merged_from) {
                       // A merged id answers with its survivor, saying so (see docs/architecture.md).
                       out["merged_from"] = id_to_string(*view.merged_from);
                       res = ok_json(out);
                       res.set(http::beast_http::field::content_location, base + "/" + id_to_string(view.record.id));
                   }
                   return res;
               });
    router.add(
        http::Verb::patch, base + "/{id}", [&api, type, what](http::RequestContext& ctx) -> Result<http::Response> {
            auto principal = RAPPORT_TRY(authenticate(ctx, api));
            auto id = RAPPORT_TRY(path_id(ctx, "id", what));
            auto request = RAPPORT_TRY(read_write_request(ctx, principal));
            auto updated = RAPPORT_TRY(api.customers.update(principal, type, id, request.input, request.source));
            const auto& view = updated.view;
            json out = record_json(view.record);
            out["provenance"] = provenance_json(view.provenance);
            out["flags"] = flags_json(view.record.flags);
            // A record handed to a colleague out of the writer's sight is still saved:
            // answer with what was saved, say so, and list no duplicates they cannot see.
            out["visible_to_you"] = updated.readable;
            out["duplicates"] = updated.readable
                                    ? duplicate_hits_json(RAPPORT_TRY(api.duplicates.check(principal, type, {id})))
                                    : json::array();
            return ok_json(out);
        });
    router.add(http::Verb::delete_, base + "/{id}",
               [&api, type, what](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", what));
                   RAPPORT_CHECK(api.customers.remove(principal, type, id, ctx.peer.address));
                   return no_content();
               });
    router.add(http::Verb::get, base + "/{id}/history",
               [&api, type, what](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", what));
                   auto page = RAPPORT_TRY(page_request(ctx));
                   auto result = RAPPORT_TRY(api.customers.history(principal, type, id, page));
                   json items = json::array();
                   for (const auto& h : result.items) {
                       items.push_back(
                           {{"id", id_to_string(h.history_id)},
                            {"field", h.field},
                            {"old_value", h.old_value ? json(*h.old_value) : json(nullptr)},
                            {"new_value", h.new_value ? json(*h.new_value) : json(nullptr)},
                            {"changed_at", h.changed_at},
                            {"actor", h.actor_label},
                            {"actor_user_id", h.actor_user_id ? json(id_to_string(*h.actor_user_id)) : json(nullptr)},
                            {"source", to_string(h.source.kind)},
                            {"source_ref", h.source.ref}});
                   }
                   return ok_json({{"items", items},
                                   {"next_cursor", result.next_cursor ? json(*result.next_cursor) : json(nullptr)}});
               });
}

json custom_field_json(const CustomFieldDef& d) {
    return {{"key", d.key},
            {"label", d.label},
            {"type", to_string(d.type)},
            {"options", d.options},
            {"currency", d.currency.empty() ? json(nullptr) : json(d.currency)},
            {"required", d.required},
            {"entity_type", to_string(d.entity_type)},
            {"created_at", d.created_at}};
}

Result<EntityType> entity_param(const http::RequestContext& ctx) {
    auto type = parse_entity_type(ctx.param("entity"));
    if (!type) return fail(Error::localized(ErrorCode::NotFound, "customers.custom_fields_entity"));
    return *type;
}

}  // namespace

void register_customer_routes(http::Router& router, CustomerApi& api) {
    register_entity(router, api, EntityType::Company, "/api/v1/companies");
    register_entity(router, api, EntityType::Person, "/api/v1/people");
    register_affiliation_routes(router, api);

    router.add(http::Verb::get, "/api/v1/custom-fields/{entity}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto type = RAPPORT_TRY(entity_param(ctx));
                   json items = json::array();
                   for (const auto& d : RAPPORT_TRY(api.customers.custom_fields(principal, type)))
                       items.push_back(custom_field_json(d));
                   return ok_json({{"items", items}});
               });
    router.add(http::Verb::post, "/api/v1/custom-fields/{entity}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto type = RAPPORT_TRY(entity_param(ctx));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   CustomFieldDef def;
                   def.entity_type = type;
                   def.key = body.string("key", true).value_or("");
                   def.label = body.string("label", true).value_or("");
                   if (auto t = body.string("type", true)) {
                       auto parsed = parse_field_type(*t);
                       if (!parsed)
                           body.localized_error("/type", "customers.field_type_unknown", {{"type", *t}});
                       else
                           def.type = *parsed;
                   }
                   if (auto options = body.string_list("options")) def.options = *options;
                   def.currency = body.string("currency").value_or("");
                   def.required = body.boolean("required").value_or(false);
                   RAPPORT_CHECK(body.finish("customers.custom_field_create_invalid"));
                   auto created = RAPPORT_TRY(api.customers.create_custom_field(principal, def, ctx.peer.address));
                   return ok_json(custom_field_json(created), http::HttpStatus::created);
               });
    router.add(http::Verb::delete_, "/api/v1/custom-fields/{entity}/{key}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto type = RAPPORT_TRY(entity_param(ctx));
                   RAPPORT_CHECK(api.customers.delete_custom_field(principal, type, std::string(ctx.param("key")),
                                                                   ctx.peer.address));
                   return no_content();
               });
}

}  // namespace rapport::api
