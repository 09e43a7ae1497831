// Canned replies: /api/v1/canned-replies (members read, managers and above write) and a
// template rendered for a conversation in its customer's language.
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "api/servicedesk/servicedesk_extras_api.hpp"

namespace rapport::api {

using namespace rapport::domain::servicedesk;
using nlohmann::json;

namespace {

json canned_reply_json(const CannedReply& r) {
    return {{"id", id_to_string(r.canned_reply_id)},
            {"name", r.name},
            {"language", r.language},
            {"body", r.body},
            {"created_at", r.created_at},
            {"updated_at", r.updated_at}};
}

CannedReplyInput read_input(JsonBody& body, bool creating) {
    CannedReplyInput in;
    in.name = body.string("name", creating);
    in.language = body.string("language");
    in.body = body.string("body", creating);
    for (const char* echo : {"id", "created_at", "updated_at"}) body.mark_known(echo);
    return in;
}

}  // namespace

void register_canned_reply_routes(http::Router& router, ApiContext& api, CannedReplyService& replies) {
    router.add(http::Verb::get, "/api/v1/canned-replies",
               [&api, &replies](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto list = RAPPORT_TRY(replies.list(principal));
                   json items = json::array();
                   for (const auto& r : list) items.push_back(canned_reply_json(r));
                   return ok_json({{"items", items}});
               });
    router.add(http::Verb::post, "/api/v1/canned-replies",
               [&api, &replies](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   auto input = read_input(body, true);
                   RAPPORT_CHECK(body.finish("servicedesk.canned_reply_invalid"));
                   auto created = RAPPORT_TRY(replies.create(principal, input));
                   return ok_json(canned_reply_json(created), http::HttpStatus::created);
               });
    router.add(http::Verb::patch, "/api/v1/canned-replies/{id}",
               [&api, &replies](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "canned reply"));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   auto input = read_input(body, false);
                   RAPPORT_CHECK(body.finish("servicedesk.canned_reply_invalid"));
                   return ok_json(canned_reply_json(RAPPORT_TRY(replies.update(principal, id, input))));
               });
    router.add(http::Verb::delete_, "/api/v1/canned-replies/{id}",
               [&api, &replies](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "canned reply"));
                   RAPPORT_CHECK(replies.remove(principal, id));
                   return no_content();
               });
    router.add(http::Verb::get, "/api/v1/conversations/{id}/canned-replies/{canned_id}",
               [&api, &replies](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "conversation"));
                   auto canned_id = RAPPORT_TRY(path_id(ctx, "canned_id", "canned reply"));
                   auto rendered = RAPPORT_TRY(replies.render(principal, id, canned_id));
                   return ok_json({{"text", rendered.text},
                                   {"language", rendered.language},
                                   {"canned_reply_id", id_to_string(rendered.canned_reply_id)}});
               });
}

}  // namespace rapport::api
