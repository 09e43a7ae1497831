// B2B2C partitions: a buyer's consumers, their aggregate count, grants and partner users.
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/partitions/partitions_api.hpp"
#include "api/request_auth.hpp"

namespace rapport::api {

namespace {

using domain::partitions::GranteeKind;
using domain::partitions::PartitionView;
using json = nlohmann::json;

json partition_json(const PartitionView& v) {
    json out{{"buyer_company_id", id_to_string(v.buyer_company_id)},
             {"consumer_count", v.consumer_count},
             {"consumers_visible", v.consumers_visible}};
    if (v.grants) {
        json grants = json::array();
        for (const auto& g : *v.grants) {
            grants.push_back({{"grantee_kind", domain::partitions::to_string(g.grantee_kind)},
                              {"grantee_id", id_to_string(g.grantee_id)},
                              {"grantee_name", g.grantee_name},
                              {"granted_by_user_id",
                               g.granted_by_user_id ? json(id_to_string(*g.granted_by_user_id)) : json(nullptr)},
                              {"created_at", g.created_at}});
        }
        out["grants"] = std::move(grants);
    }
    if (v.partners) {
        json partners = json::array();
        for (const auto& p : *v.partners) {
            partners.push_back({{"user_id", id_to_string(p.user_id)},
                                {"display_name", p.display_name},
                                {"email", p.email},
                                {"created_at", p.created_at}});
        }
        out["partners"] = std::move(partners);
    }
    return out;
}

Result<GranteeKind> grantee_kind(const http::RequestContext& ctx) {
    auto kind = domain::partitions::parse_grantee_kind(ctx.param("kind"));
    if (!kind) {
        return fail(Error::localized(ErrorCode::NotFound, "partitions.grantee_kind_invalid",
                                     {{"kind", std::string(ctx.param("kind"))}}));
    }
    return *kind;
}

using PartitionService = domain::partitions::PartitionService;
using GrantChange = Result<PartitionView> (PartitionService::*)(const domain::Principal&, Id, GranteeKind, Id,
                                                                const std::string&);
using PartnerChange = Result<PartitionView> (PartitionService::*)(const domain::Principal&, Id, Id, const std::string&);

// PUT and DELETE of a grant differ only in the service call; so do those of a partner user.
http::Handler grant_handler(PartitionApi& api, GrantChange change) {
    return [&api, change](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "company"));
        auto kind = RAPPORT_TRY(grantee_kind(ctx));
        auto grantee = RAPPORT_TRY(path_id(ctx, "grantee_id", std::string(domain::partitions::to_string(kind))));
        return ok_json(
            partition_json(RAPPORT_TRY((api.partitions.*change)(principal, id, kind, grantee, ctx.peer.address))));
    };
}

http::Handler partner_handler(PartitionApi& api, PartnerChange change) {
    return [&api, change](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "company"));
        auto user = RAPPORT_TRY(path_id(ctx, "user_id", "user"));
        return ok_json(partition_json(RAPPORT_TRY((api.partitions.*change)(principal, id, user, ctx.peer.address))));
    };
}

}  // namespace

void register_partition_routes(http::Router& router, PartitionApi& api) {
    const std::string base = "/api/v1/companies/{id}/partition";
    router.add(http::Verb::get, base, [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "company"));
        return ok_json(partition_json(RAPPORT_TRY(api.partitions.get(principal, id))));
    });
    router.add(http::Verb::put, base + "/grants/{kind}/{grantee_id}", grant_handler(api, &PartitionService::grant));
    router.add(http::Verb::delete_, base + "/grants/{kind}/{grantee_id}",
               grant_handler(api, &PartitionService::revoke));
    router.add(http::Verb::put, base + "/partners/{user_id}", partner_handler(api, &PartitionService::add_partner));
    router.add(http::Verb::get, "/api/v1/names", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        const auto names = RAPPORT_TRY(api.names.names(principal));
        const auto list = [](const std::vector<domain::partitions::NamedId>& items, const char* key) {
            json out = json::array();
            for (const auto& n : items) out.push_back({{"id", id_to_string(n.id)}, {key, n.name}});
            return out;
        };
        return ok_json({{"users", list(names.users, "display_name")}, {"teams", list(names.teams, "name")}});
    });
    router.add(http::Verb::delete_, base + "/partners/{user_id}",
               partner_handler(api, &PartitionService::remove_partner));
}

}  // namespace rapport::api
