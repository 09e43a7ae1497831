#include "domain/partitions/partition_service.hpp"

#include <nlohmann/json.hpp>

#include "domain/audit/audit_of.hpp"
#include "domain/identity/principals.hpp"

namespace rapport::domain::partitions {

namespace {
std::string grant_detail(GranteeKind kind, Id grantee_id) {
    return nlohmann::json{{"grantee_kind", to_string(kind)}, {"grantee_id", id_to_string(grantee_id)}}.dump();
}
}  // namespace

Status PartitionService::check_buyer(const Principal& actor, Id buyer_company_id) {
    auto company = RAPPORT_TRY(customers_.get(actor, customers::EntityType::Company, buyer_company_id));
    const auto& kind = company.record.fields.find("buyer_kind");
    if (kind == company.record.fields.end() || !kind->is_string()) {
        return fail(Error::localized(ErrorCode::Validation, "partitions.not_a_buyer",
                                     {{"id", id_to_string(buyer_company_id)}}));
    }
    return {};
}

Result<PartitionView> PartitionService::get(const Principal& actor, Id buyer_company_id) {
    RAPPORT_CHECK(check_buyer(actor, buyer_company_id));
    return view(actor, buyer_company_id);
}

Result<PartitionView> PartitionService::view(const Principal& actor, Id buyer_company_id) {
    const Actor permissions = RAPPORT_TRY(actors_.actor_for(actor));
    PartitionView view;
    view.buyer_company_id = buyer_company_id;
    view.consumer_count = RAPPORT_TRY(repo_.consumer_count(actor.workspace_id, buyer_company_id));
    view.consumers_visible = permissions.partner_company_id
                                 ? *permissions.partner_company_id == buyer_company_id
                                 : partition_visible(permissions, RecordRef{{}, {}, buyer_company_id, {}});
    if (actor.role <= Role::Admin && !permissions.partner_company_id) {
        view.grants = RAPPORT_TRY(repo_.grants(actor.workspace_id, buyer_company_id));
        view.partners = RAPPORT_TRY(repo_.partners(actor.workspace_id, buyer_company_id));
    }
    return view;
}

Result<PartitionView> PartitionService::grant(const Principal& actor, Id buyer_company_id, GranteeKind kind,
                                              Id grantee_id, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "partitions.action_granting"));
    RAPPORT_CHECK(check_buyer(actor, buyer_company_id));
    PartitionGrant g;
    g.workspace_id = actor.workspace_id;
    g.buyer_company_id = buyer_company_id;
    g.grantee_kind = kind;
    g.grantee_id = grantee_id;
    g.granted_by_user_id = actor.user_id;
    g.created_at = clock_.now_ms();
    if (kind == GranteeKind::User) {
        RAPPORT_CHECK(users_.get_user(actor, grantee_id));
    } else {
        RAPPORT_CHECK(teams_.get(actor, grantee_id));
    }
    RAPPORT_CHECK(repo_.add_grant(g, audit_of(actor, g.created_at, "partition.grant", "company",
                                              id_to_string(buyer_company_id), ip, grant_detail(kind, grantee_id))));
    return view(actor, buyer_company_id);
}

Result<PartitionView> PartitionService::revoke(const Principal& actor, Id buyer_company_id, GranteeKind kind,
                                               Id grantee_id, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "partitions.action_revoking"));
    RAPPORT_CHECK(check_buyer(actor, buyer_company_id));
    const bool removed =
        RAPPORT_TRY(repo_.remove_grant(actor.workspace_id, buyer_company_id, kind, grantee_id,
                                       audit_of(actor, clock_.now_ms(), "partition.revoke", "company",
                                                id_to_string(buyer_company_id), ip, grant_detail(kind, grantee_id))));
    if (!removed) {
        return fail(Error::localized(ErrorCode::NotFound, "partitions.no_grant_for_" + std::string(to_string(kind)),
                                     {{"buyer", id_to_string(buyer_company_id)}, {"id", id_to_string(grantee_id)}}));
    }
    return view(actor, buyer_company_id);
}

Result<PartitionView> PartitionService::add_partner(const Principal& actor, Id buyer_company_id, Id user_id,
                                                    const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "partitions.action_adding_partners"));
    RAPPORT_CHECK(check_buyer(actor, buyer_company_id));
    const User user = RAPPORT_TRY(users_.get_user(actor, user_id));
    if (user.role <= Role::Admin) {
        return fail(Error::localized(ErrorCode::Validation, "partitions.partner_role",
                                     {{"email", user.email}, {"role", std::string(to_string(user.role))}}));
    }
    const UnixMillis now = clock_.now_ms();
    RAPPORT_CHECK(
        repo_.bind_partner(actor.workspace_id, user_id, buyer_company_id, now,
                           audit_of(actor, now, "partition.partner_add", "company", id_to_string(buyer_company_id), ip,
                                    nlohmann::json{{"user_id", id_to_string(user_id)}}.dump())));
    return view(actor, buyer_company_id);
}

Result<PartitionView> PartitionService::remove_partner(const Principal& actor, Id buyer_company_id, Id user_id,
                                                       const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "partitions.action_removing_partners"));
    RAPPORT_CHECK(check_buyer(actor, buyer_company_id));
    const bool removed = RAPPORT_TRY(repo_.unbind_partner(
        actor.workspace_id, user_id, buyer_company_id,
        audit_of(actor, clock_.now_ms(), "partition.partner_remove", "company", id_to_string(buyer_company_id), ip,
                 nlohmann::json{{"user_id", id_to_string(user_id)}}.dump())));
    if (!removed) {
        return fail(Error::localized(ErrorCode::NotFound, "partitions.not_a_partner",
                                     {{"id", id_to_string(user_id)}, {"buyer", id_to_string(buyer_company_id)}}));
    }
    return view(actor, buyer_company_id);
}

}  // namespace rapport::domain::partitions
