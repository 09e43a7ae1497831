// Teams: the executors of the CRM Model Canvas.
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "api/teams/teams_api.hpp"

namespace rapport::api {

namespace {

Result<domain::TeamInput> read_team_input(const http::RequestContext& ctx, bool creating) {
    auto body = RAPPORT_TRY(JsonBody::parse(ctx));
    domain::TeamInput in;
    in.name = body.string("name", creating);
    if (auto kind = body.string("kind", creating)) {
        in.kind = domain::parse_team_kind(*kind);
        if (!in.kind) body.localized_error("/kind", "teams.kind_invalid");
    }
    in.description = body.string("description");
    if (auto members = body.objects("members")) {
        std::vector<domain::TeamMember> list;
        for (std::size_t i = 0; i < members->size(); ++i) {
            const auto& m = (*members)[i];
            const std::string at = "/members/" + std::to_string(i);
            domain::TeamMember member;
            for (const auto& [key, value] : m.items()) {
                if (key != "user_id" && key != "sales_role")
                    body.localized_error(at + "/" + key, "common.unknown_field");
            }
            auto uid = m.find("user_id");
            std::optional<Id> id;
            if (uid == m.end() || !uid->is_string() || !(id = parse_id(uid->get<std::string>()))) {
                body.localized_error(at + "/user_id", "teams.member_user_required");
            } else {
                member.user_id = *id;
            }
            if (auto sr = m.find("sales_role"); sr != m.end() && !sr->is_null()) {
                if (!sr->is_string() || !(member.sales_role = domain::parse_sales_role(sr->get<std::string>()))) {
                    body.localized_error(at + "/sales_role", "teams.sales_role_invalid");
                }
            }
            list.push_back(member);
        }
        in.members = std::move(list);
    }
    RAPPORT_CHECK(body.finish(creating ? "teams.create_invalid" : "teams.save_invalid"));
    return in;
}

}  // namespace

void register_team_routes(http::Router& router, TeamApi& api) {
    router.add(http::Verb::get, "/api/v1/teams", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto page = RAPPORT_TRY(page_request(ctx));
        return ok_json(page_json(RAPPORT_TRY(api.teams.list(principal, page))));
    });
    router.add(http::Verb::post, "/api/v1/teams", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto in = RAPPORT_TRY(read_team_input(ctx, true));
        auto team = RAPPORT_TRY(api.teams.create(principal, in, ctx.peer.address));
        auto res = ok_json(to_json(team), http::HttpStatus::created);
        res.set(http::beast_http::field::location, "/api/v1/teams/" + id_to_string(team.team_id));
        return res;
    });
    router.add(http::Verb::get, "/api/v1/teams/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "team"));
        return ok_json(to_json(RAPPORT_TRY(api.teams.get(principal, id))));
    });
    router.add(http::Verb::patch, "/api/v1/teams/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "team"));
        auto in = RAPPORT_TRY(read_team_input(ctx, false));
        return ok_json(to_json(RAPPORT_TRY(api.teams.update(principal, id, in, ctx.peer.address))));
    });
    router.add(http::Verb::delete_, "/api/v1/teams/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "team"));
        RAPPORT_CHECK(api.teams.remove(principal, id, ctx.peer.address));
        return no_content();
    });
}

}  // namespace rapport::api
