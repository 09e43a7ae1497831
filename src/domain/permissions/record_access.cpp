#include "domain/permissions/record_access.hpp"

#include <algorithm>

namespace rapport::domain {

std::string_view to_string(Scope scope) {
    switch (scope) {
        case Scope::None: return "none";
        case Scope::Own: return "own";
        case Scope::Team: return "team";
        case Scope::All: return "all";
    }
    return "none";
}

std::optional<Scope> parse_scope(std::string_view text) {
    for (Scope s : {Scope::None, Scope::Own, Scope::Team, Scope::All}) {
        if (to_string(s) == text) return s;
    }
    return std::nullopt;
}

RoleGrants RoleGrants::defaults() {
    RoleGrants g;
    g.set({Role::Owner, Scope::All, Scope::All});
    g.set({Role::Admin, Scope::All, Scope::All});
    g.set({Role::Manager, Scope::All, Scope::Team});
    g.set({Role::Member, Scope::Team, Scope::Own});
    g.set({Role::Viewer, Scope::Team, Scope::None});
    return g;
}

namespace {
bool within(Scope scope, const Actor& actor, const RecordRef& record) {
    const bool own = actor.user_id && record.owner_user_id && *actor.user_id == *record.owner_user_id;
    switch (scope) {
        case Scope::None: return false;
        case Scope::Own: return own;
        case Scope::Team:
            return own || (record.team_id && std::find(actor.team_ids.begin(), actor.team_ids.end(), *record.team_id) !=
                                                 actor.team_ids.end());
        case Scope::All: return true;
    }
    return false;
}

}  // namespace

bool partition_visible(const Actor& actor, const RecordRef& record) {
    if (!record.partition || actor.all_partitions) return true;
    return std::find(actor.partitions.begin(), actor.partitions.end(), *record.partition) != actor.partitions.end();
}

bool can_read(const Actor& actor, const RoleGrants& grants, const RecordRef& record) {
    const Scope scope = grants.for_role(actor.role).read;
    if (actor.partner_company_id) {
        if (scope == Scope::None) return false;
        return record.partition == actor.partner_company_id || record.company_id == actor.partner_company_id;
    }
    return partition_visible(actor, record) && within(scope, actor, record);
}

bool can_write(const Actor& actor, const RoleGrants& grants, const RecordRef& record) {
    const Scope scope = grants.for_role(actor.role).write;
    if (actor.partner_company_id) return scope != Scope::None && record.partition == actor.partner_company_id;
    return partition_visible(actor, record) && within(scope, actor, record);
}

WriteVerdict judge_write(const Actor& actor, const RoleGrants& grants, const std::optional<RecordRef>& before,
                         const RecordRef& after) {
    if (actor.partner_company_id) {
        if (after.partition != actor.partner_company_id && after.company_id != actor.partner_company_id) {
            return WriteVerdict::OutsidePartnerBuyer;
        }
    } else if (!partition_visible(actor, after)) {
        return WriteVerdict::PartitionNotGranted;
    }
    if (can_write(actor, grants, after)) return WriteVerdict::Allowed;
    const bool owned_before = before && actor.user_id && before->owner_user_id == actor.user_id;
    const bool to_colleague = after.owner_user_id && after.owner_user_id != actor.user_id;
    if (owned_before && to_colleague && !actor.partner_company_id) return WriteVerdict::HandedOver;
    return WriteVerdict::OutsideWriteScope;
}

AccessFilter read_filter(const Actor& actor, const RoleGrants& grants) {
    AccessFilter f;
    f.scope = grants.for_role(actor.role).read;
    f.user_id = actor.user_id;
    if (f.scope == Scope::Team) f.team_ids = actor.team_ids;
    // Own/Team without a user (an API key) can only match team records or nothing.
    if (f.scope == Scope::Own && !actor.user_id) f.scope = Scope::None;
    f.partner_company_id = actor.partner_company_id;
    f.all_partitions = actor.all_partitions;
    f.partitions = actor.partitions;
    return f;
}

}  // namespace rapport::domain
