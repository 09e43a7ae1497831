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
    body.localized_error(pointer, "common.record_id_invalid");
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
            body.localized_error("/action", "common.one_of",
                                 {{"options", "add_tag, remove_tag, set_owner, set_team, delete, restore"}});
        }
    }
    if (doc.contains("ids")) {
        body.mark_known("ids");
        if (!doc["ids"].is_array()) {
            body.localized_error("/ids", "lists.ids_must_be_list");
        } else {
            for (std::size_t i = 0; i < doc["ids"].size(); ++i) {
                const auto& v = doc["ids"][i];
                auto id = v.is_string() ? parse_id(v.get<std::string>()) : std::nullopt;
                if (id) {
                    out.ids.push_back(*id);
                } else {
                    body.localized_error("/ids/" + std::to_string(i), "common.record_id_invalid");
                }
            }
        }
    }
    if (doc.contains("selection")) {
        body.mark_known("selection");
        const auto& sel = doc["selection"];
        if (!sel.is_object()) {
            body.localized_error("/selection", "common.must_be_object");
        } else {
            ListRequest list;
            for (const auto& [key, value] : sel.items()) {
                if (key == "filter") {
                    list.filter = value;
                } else if (key == "q" && value.is_string()) {
                    list.q = value.get<std::string>();
                } else {
                    body.localized_error("/selection/" + key, "lists.selection_member_unknown");
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
            body.localized_error("/params", "common.must_be_object");
        } else {
            for (const auto& [key, value] : params.items()) {
                if (key == "tag") {
                    if (value.is_string()) {
                        out.tag = value.get<std::string>();
                    } else {
                        body.localized_error("/params/tag", "common.must_be_string");
                    }
                } else if (key == "owner_user_id" || key == "team_id") {
                    out.user_or_team = id_member(body, params, key, "/params/" + key);
                } else if (key == "undo_id") {
                    out.undo_id = id_member(body, params, key, "/params/undo_id");
                } else {
                    body.localized_error("/params/" + key, "lists.params_member_unknown");
                }
            }
        }
    }
    RAPPORT_CHECK(body.finish("lists.bulk_request_invalid"));
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
