// Duplicates: the review queue, workspace scans, dismissals and merges of companies and people.
#include "api/customers/customer_lists.hpp"
#include "api/duplicates/duplicate_json.hpp"
#include "api/duplicates/duplicates_api.hpp"
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"

namespace rapport::api {

using namespace rapport::domain::customers;
using namespace rapport::domain::duplicates;

namespace {

Result<EntityType> type_of(std::optional<std::string_view> text, const std::string& pointer) {
    auto type = text ? parse_entity_type(*text) : std::nullopt;
    if (!type) return fail(Error::localized_field(pointer, "common.entity_type_person_or_company"));
    return *type;
}

// {"merged_id": "...", "choices": {"email": "merged", ...}, "candidate_id": "..."}
Result<MergeRequest> read_merge_request(const http::RequestContext& ctx) {
    auto body = RAPPORT_TRY(JsonBody::parse(ctx));
    MergeRequest out;
    if (auto merged = body.string("merged_id", true)) {
        if (auto id = parse_id(*merged))
            out.merged_id = *id;
        else
            body.localized_error("/merged_id", "common.record_id_invalid");
    }
    if (body.has("candidate_id") && !body.document()["candidate_id"].is_null()) {
        if (auto candidate = body.string("candidate_id")) {
            if (auto id = parse_id(*candidate))
                out.candidate_id = *id;
            else
                body.localized_error("/candidate_id", "duplicates.candidate_id_invalid");
        }
    } else {
        body.mark_known("candidate_id");
    }
    body.mark_known("choices");
    if (body.has("choices")) {
        const json& choices = body.document()["choices"];
        if (!choices.is_object()) {
            body.localized_error("/choices", "duplicates.choices_must_be_object");
        } else {
            for (const auto& [field, side] : choices.items()) {
                if (side == "survivor")
                    out.choices[field] = Side::Survivor;
                else if (side == "merged")
                    out.choices[field] = Side::Merged;
                else if (side == "clear")
                    out.choices[field] = Side::Clear;
                else
                    body.localized_error("/choices/" + field, "duplicates.choice_invalid");
            }
        }
    }
    RAPPORT_CHECK(body.finish("duplicates.merge_request_invalid"));
    return out;
}

void register_merge(http::Router& router, DuplicateApi& api, EntityType type, const std::string& base) {
    router.add(http::Verb::post, base + "/{id}/merge",
               [&api, type](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", type == EntityType::Company ? "company" : "person"));
                   auto request = RAPPORT_TRY(read_merge_request(ctx));
                   auto record = RAPPORT_TRY(api.duplicates.merge(principal, type, id, request, ctx.peer.address));
                   auto view = RAPPORT_TRY(api.customers.get(principal, type, record.id));
                   json out = record_json(view.record);
                   out["provenance"] = provenance_json(view.provenance);
                   out["merged_id"] = id_to_string(request.merged_id);
                   return ok_json(out);
               });
}

}  // namespace

void register_duplicate_routes(http::Router& router, DuplicateApi& api) {
    router.add(http::Verb::get, "/api/v1/duplicates", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto type = RAPPORT_TRY(type_of(ctx.query.get("type"), "?type"));
        CandidateStatus status = CandidateStatus::Open;
        if (auto text = ctx.query.get("status"); text && !text->empty()) {
            auto parsed = parse_candidate_status(*text);
            if (!parsed) return fail(Error::localized_field("?status", "duplicates.status_invalid"));
            status = *parsed;
        }
        std::optional<Id> record_id;
        if (auto text = ctx.query.get("record_id"); text && !text->empty()) {
            record_id = parse_id(*text);
            if (!record_id) return fail(Error::localized_field("?record_id", "common.record_id_invalid"));
        }
        auto limit = limit_param(ctx, 50, 500);
        if (!limit) return fail(Error::localized_field(limit.error().pointer, limit.error().key, limit.error().args));
        std::optional<std::string> cursor;
        if (auto text = ctx.query.get("cursor"); text && !text->empty()) cursor = std::string(*text);
        auto page = RAPPORT_TRY(api.duplicates.list(principal, type, status, record_id, *limit, cursor));
        json items = json::array();
        for (const auto& c : page.items) items.push_back(candidate_json(c));
        return ok_json({{"items", items}, {"next_cursor", page.next_cursor ? json(*page.next_cursor) : json(nullptr)}});
    });
    router.add(http::Verb::post, "/api/v1/duplicates/scan",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   auto text = body.string("type", true);
                   RAPPORT_CHECK(body.finish("duplicates.scan_request_invalid"));
                   auto type = RAPPORT_TRY(type_of(text, "/type"));
                   auto report = RAPPORT_TRY(api.duplicates.scan(principal, type));
                   return ok_json({{"type", to_string(type)},
                                   {"records", report.records},
                                   {"pairs", report.pairs},
                                   {"elapsed_ms", report.elapsed_ms}});
               });
    router.add(http::Verb::get, "/api/v1/duplicates/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "duplicate candidate"));
        return ok_json(candidate_json(RAPPORT_TRY(api.duplicates.get(principal, id))));
    });
    router.add(http::Verb::post, "/api/v1/duplicates/{id}/dismiss",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "duplicate candidate"));
                   return ok_json(candidate_json(RAPPORT_TRY(api.duplicates.dismiss(principal, id, ctx.peer.address))));
               });
    register_merge(router, api, EntityType::Company, "/api/v1/companies");
    register_merge(router, api, EntityType::Person, "/api/v1/people");
}

}  // namespace rapport::api
