// Bulk changes to companies and people: {action, ids | selection, after, params} in, counts
// of what changed and what was skipped (and why) out. The handler reads and answers; the
// bulk service decides every record.
#include "api/customers/bulk_routes.hpp"

#include <map>

#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/request_auth.hpp"

namespace rapport::api {

using namespace rapport::domain::customers;

namespace {

constexpr std::size_t kSkippedListed = 100;

std::optional<Id> id_member(JsonBody& body, const json& doc, const std::string& key, const std::string& pointer) {
    if (!doc.contains(key) || doc[key].is_null()) return std::nullopt;
    if (doc[key].is_string()) {
        if (auto id = parse_id(doc[key].get<std::string>())) return id;
    }
    body.error(pointer, "must be an id (string)");
    return std::nullopt;
}

Result<BulkRequest> read_bulk_request(const http::RequestContext& ctx) {
    auto body = RAPPORT_TRY(JsonBody::parse(ctx));
    const json doc = body.document();
    BulkRequest out;
    if (auto action = body.string("action", true)) {
        if (auto parsed = parse_bulk_action(*action)) {
            out.action = *parsed;
        } else {
            body.error("/action", "use add_tag, remove_tag, set_owner, set_team, delete or restore");
        }
    }
    if (doc.contains("ids")) {
        body.mark_known("ids");
        if (!doc["ids"].is_array()) {
            body.error("/ids", "must be a list of ids");
        } else {
            for (std::size_t i = 0; i < doc["ids"].size(); ++i) {
                const auto& v = doc["ids"][i];
                auto id = v.is_string() ? parse_id(v.get<std::string>()) : std::nullopt;
                if (id) {
                    out.ids.push_back(*id);
                } else {
                    body.error("/ids/" + std::to_string(i), "must be an id (string)");
                }
            }
        }
    }
    if (doc.contains("selection")) {
        body.mark_known("selection");
        const auto& sel = doc["selection"];
        if (!sel.is_object()) {
            body.error("/selection", "must be an object: {\"filter\": ..., \"q\": ...}");
        } else {
            ListRequest list;
            for (const auto& [key, value] : sel.items()) {
                if (key == "filter") {
                    list.filter = value;
                } else if (key == "q" && value.is_string()) {
                    list.q = value.get<std::string>();
                } else {
                    body.error("/selection/" + key, "unknown member; use filter and q");
                }
            }
            out.selection = std::move(list);
        }
    }
    out.after = id_member(body, doc, "after", "/after");
    body.mark_known("after");
    if (doc.contains("params")) {
        body.mark_known("params");
        const auto& params = doc["params"];
        if (!params.is_object()) {
            body.error("/params", "must be an object");
        } else {
            for (const auto& [key, value] : params.items()) {
                if (key == "tag") {
                    if (value.is_string()) {
                        out.tag = value.get<std::string>();
                    } else {
                        body.error("/params/tag", "must be a string");
                    }
                } else if (key == "owner_user_id" || key == "team_id") {
                    out.user_or_team = id_member(body, params, key, "/params/" + key);
                } else if (key == "undo_id") {
                    out.undo_id = id_member(body, params, key, "/params/undo_id");
                } else {
                    body.error("/params/" + key, "unknown member; use tag, owner_user_id, team_id or undo_id");
                }
            }
        }
    }
    RAPPORT_CHECK(body.finish("the bulk request is not valid"));
    return out;
}

json result_json(const BulkRequest& request, const BulkResult& r) {
    std::map<std::string, std::int64_t> by_reason;
    json listed = json::array();
    for (const auto& s : r.skipped) {
        ++by_reason[s.reason];
        if (listed.size() < kSkippedListed) listed.push_back({{"id", id_to_string(s.id)}, {"reason", s.reason}});
    }
    json skipped = json::object();
    for (const auto& [reason, n] : by_reason) skipped[reason] = n;
    return {{"action", std::string(to_string(request.action))},
            {"matched", r.matched},
            {"changed", r.changed},
            {"unchanged", r.unchanged},
            {"skipped", skipped},
            {"skipped_items", listed},
            {"next_after", r.next_after ? json(id_to_string(*r.next_after)) : json(nullptr)},
            {"undo_id", r.undo_id ? json(id_to_string(*r.undo_id)) : json(nullptr)},
            {"undo_until", r.undo_id && r.undo_until ? json(r.undo_until) : json(nullptr)}};
}

}  // namespace

void register_bulk_routes(http::Router& router, CustomerApi& api, BulkService& bulk) {
    for (const auto& [type, base] : {std::pair{EntityType::Company, std::string("/api/v1/companies/bulk")},
                                     std::pair{EntityType::Person, std::string("/api/v1/people/bulk")}}) {
        router.add(http::Verb::post, base,
                   [&api, &bulk, type = type](http::RequestContext& ctx) -> Result<http::Response> {
                       auto principal = RAPPORT_TRY(authenticate(ctx, api));
                       auto request = RAPPORT_TRY(read_bulk_request(ctx));
                       auto result = RAPPORT_TRY(bulk.run(principal, type, request, ctx.peer.address));
                       return ok_json(result_json(request, result));
                   });
    }
}

}  // namespace rapport::api
