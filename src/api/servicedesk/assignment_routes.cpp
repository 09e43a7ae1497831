// Assignment within a team: GET/PUT /api/v1/service-desk/assignment/{team_id} (managers and
// above): manual, round_robin or load_based, and the team's last automatic assignment.
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "api/servicedesk/servicedesk_extras_api.hpp"

namespace rapport::api {

using namespace rapport::domain::servicedesk;
using nlohmann::json;

namespace {

json opt_id(const std::optional<Id>& v) {
    return v ? json(id_to_string(*v)) : json(nullptr);
}

json assignment_json(const TeamAssignment& t) {
    return {{"team_id", id_to_string(t.team_id)},
            {"mode", to_string(t.mode)},
            {"last_assigned_user_id", opt_id(t.last_assigned_user_id)},
            {"last_conversation_id", opt_id(t.last_conversation_id)},
            {"last_assigned_at", t.last_assigned_at ? json(*t.last_assigned_at) : json(nullptr)},
            {"updated_at", t.updated_at}};
}

}  // namespace

void register_assignment_routes(http::Router& router, ApiContext& api, AssignmentService& assignment) {
    router.add(http::Verb::get, "/api/v1/service-desk/assignment/{team_id}",
               [&api, &assignment](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto team = RAPPORT_TRY(path_id(ctx, "team_id", "team"));
                   return ok_json(assignment_json(RAPPORT_TRY(assignment.get(principal, team))));
               });
    router.add(http::Verb::put, "/api/v1/service-desk/assignment/{team_id}",
               [&api, &assignment](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto team = RAPPORT_TRY(path_id(ctx, "team_id", "team"));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   std::optional<AssignmentMode> mode;
                   if (auto text = body.string("mode", true)) {
                       mode = parse_assignment_mode(*text);
                       if (!mode) {
                           body.localized_error("/mode", "servicedesk.invalid_value",
                                                {{"allowed", "manual, round_robin, load_based"}});
                       }
                   }
                   for (const char* echo :
                        {"team_id", "last_assigned_user_id", "last_conversation_id", "last_assigned_at", "updated_at"})
                       body.mark_known(echo);
                   RAPPORT_CHECK(body.finish("servicedesk.assignment_invalid"));
                   return ok_json(assignment_json(RAPPORT_TRY(assignment.set_mode(principal, team, *mode))));
               });
}

}  // namespace rapport::api
