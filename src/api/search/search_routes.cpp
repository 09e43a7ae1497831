// Global search: GET /api/v1/search?q=...
#include <charconv>

#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "api/search/search_api.hpp"
#include "core/utf8.hpp"
#include "domain/search/search_service.hpp"

namespace rapport::api {

using nlohmann::json;

void register_search_routes(http::Router& router, SearchApi& api) {
    router.add(http::Verb::get, "/api/v1/search", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        const std::string q(ctx.query.get("q").value_or(""));
        if (code_points(q) > 200) return fail(Error::localized_field("?q", "search.query_too_long"));
        auto limit = limit_param(ctx, 20, 100);
        if (!limit) return fail(Error::localized_field(limit.error().pointer, limit.error().key, limit.error().args));
        std::optional<std::string> type;
        if (auto t = ctx.query.get("type")) type = std::string(*t);
        auto results = RAPPORT_TRY(api.search.search(principal, q, *limit, std::move(type)));
        json items = json::array();
        json groups = {{"companies", json::array()}, {"people", json::array()}, {"interactions", json::array()}};
        for (const auto& r : results) {
            json item = {{"type", r.hit.entity_type},
                         {"id", id_to_string(r.hit.entity_id)},
                         {"title", r.hit.title},
                         {"detail", r.hit.detail},
                         {"score", r.hit.score}};
            if (r.hit.entity_type == "interaction") {
                item["person_id"] = r.person_id ? json(id_to_string(*r.person_id)) : json(nullptr);
                item["company_id"] = r.company_id ? json(id_to_string(*r.company_id)) : json(nullptr);
            }
            const char* group = r.hit.entity_type == "company"  ? "companies"
                                : r.hit.entity_type == "person" ? "people"
                                                                : "interactions";
            groups[group].push_back(item);
            items.push_back(std::move(item));
        }
        return ok_json({{"query", q}, {"items", items}, {"groups", groups}});
    });
}

}  // namespace rapport::api
