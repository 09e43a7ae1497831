// B2B contacts and B2B2C consumers: a person's affiliations with companies, a company's
// contacts and a buyer's consumers (only those the caller may read).
#include "api/customers/customer_lists.hpp"
#include "api/customers/customers_api.hpp"
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"

namespace rapport::api {

using namespace rapport::domain::customers;

namespace {

json affiliations_json(const std::vector<Affiliation>& list) {
    json items = json::array();
    for (const auto& a : list) {
        items.push_back(
            {{"company_id", id_to_string(a.company_id)}, {"job_title", a.job_title}, {"is_primary", a.is_primary}});
    }
    return {{"items", items}};
}

Result<http::Response> related(http::RequestContext& ctx, CustomerApi& api, bool consumers) {
    auto principal = RAPPORT_TRY(authenticate(ctx, api));
    auto id = RAPPORT_TRY(path_id(ctx, "id", "company"));
    auto page = RAPPORT_TRY(page_request(ctx));
    auto result = RAPPORT_TRY(api.customers.related_people(principal, id, consumers, page));
    json items = json::array();
    for (const auto& r : result.items) {
        json item = record_json(r.record);
        // A contact's role at this company, so a company page needs no request per contact.
        if (!consumers) {
            item["job_title"] = r.job_title.empty() ? json(nullptr) : json(r.job_title);
            item["is_primary"] = r.is_primary;
        }
        items.push_back(std::move(item));
    }
    return ok_json({{"items", items}, {"next_cursor", result.next_cursor ? json(*result.next_cursor) : json(nullptr)}});
}

}  // namespace

void register_affiliation_routes(http::Router& router, CustomerApi& api) {
    router.add(http::Verb::get, "/api/v1/people/{id}/affiliations",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "person"));
                   return ok_json(affiliations_json(RAPPORT_TRY(api.customers.affiliations(principal, id))));
               });
    router.add(http::Verb::put, "/api/v1/people/{id}/affiliations",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "person"));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   std::vector<Affiliation> list;
                   if (auto items = body.objects("items", true)) {
                       for (std::size_t i = 0; i < items->size(); ++i) {
                           const auto& item = (*items)[i];
                           const std::string at = "/items/" + std::to_string(i);
                           Affiliation a;
                           for (const auto& [key, value] : item.items()) {
                               if (key == "company_id" && value.is_string() && parse_id(value.get<std::string>())) {
                                   a.company_id = *parse_id(value.get<std::string>());
                               } else if (key == "job_title" && (value.is_string() || value.is_null())) {
                                   a.job_title = value.is_string() ? value.get<std::string>() : "";
                               } else if (key == "is_primary" && value.is_boolean()) {
                                   a.is_primary = value.get<bool>();
                               } else {
                                   body.localized_error(at + "/" + key,
                                                        key == "company_id" || key == "job_title" || key == "is_primary"
                                                            ? "common.wrong_type"
                                                            : "common.unknown_field");
                               }
                           }
                           if (a.company_id == 0)
                               body.localized_error(at + "/company_id", "customers.affiliation_company_required");
                           list.push_back(a);
                       }
                   }
                   RAPPORT_CHECK(body.finish("customers.affiliations_unreadable"));
                   auto saved = RAPPORT_TRY(api.customers.set_affiliations(principal, id, std::move(list),
                                                                           CustomerService::default_source(principal)));
                   return ok_json(affiliations_json(saved));
               });
    router.add(http::Verb::get, "/api/v1/companies/{id}/contacts",
               [&api](http::RequestContext& ctx) { return related(ctx, api, false); });
    router.add(http::Verb::get, "/api/v1/companies/{id}/consumers",
               [&api](http::RequestContext& ctx) { return related(ctx, api, true); });
}

}  // namespace rapport::api
