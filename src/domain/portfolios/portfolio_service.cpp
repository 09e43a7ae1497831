#include "domain/portfolios/portfolio_service.hpp"

#include <algorithm>
#include <set>

#include "domain/identity/principals.hpp"

namespace rapport::domain::portfolios {

namespace {

Status staff_manager(const Principal& actor, ActorDirectory& actors, Role needed, std::string_view action) {
    RAPPORT_CHECK(require_role(actor, needed, action));
    // A buyer's partner user sees their buyer's records only, never the staff's portfolios.
    if (RAPPORT_TRY(actors.is_partner(actor))) {
        return fail(Error::localized(ErrorCode::Forbidden, "portfolios.partners_excluded"));
    }
    return {};
}

Status check_query(const PortfolioQuery& query) {
    if (query.no_contact_days && (*query.no_contact_days < 1 || *query.no_contact_days > kMaxDays)) {
        return fail(Error::localized(
            ErrorCode::Validation, "portfolios.invalid_parameters", {},
            {FieldError::localized("/no_contact_days", "portfolios.days_range", {{"max", std::to_string(kMaxDays)}})}));
    }
    return {};
}

}  // namespace

Result<AccessFilter> PortfolioService::read_access(const Principal& actor) {
    const Actor who = RAPPORT_TRY(actors_.actor_for(actor));
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    return read_filter(who, grants);
}

Result<PortfolioPage> PortfolioService::mine(const Principal& actor, PortfolioQuery query) {
    if (!actor.user_id) return fail(Error::localized(ErrorCode::Forbidden, "portfolios.users_only"));
    RAPPORT_CHECK(check_query(query));
    query.owner_user_id = *actor.user_id;
    query.now = clock_.now_ms();
    return repo_.portfolio(actor.workspace_id, RAPPORT_TRY(read_access(actor)), query);
}

Result<PortfolioPage> PortfolioService::of_user(const Principal& actor, Id user_id, PortfolioQuery query) {
    if (actor.user_id != user_id) {
        RAPPORT_CHECK(staff_manager(actor, actors_, Role::Manager, "portfolios.action_reading"));
    }
    RAPPORT_CHECK(check_query(query));
    if (!RAPPORT_TRY(repo_.user(actor.workspace_id, user_id))) {
        return fail(Error::localized(ErrorCode::NotFound, "portfolios.no_user", {{"id", id_to_string(user_id)}}));
    }
    query.owner_user_id = user_id;
    query.now = clock_.now_ms();
    return repo_.portfolio(actor.workspace_id, RAPPORT_TRY(read_access(actor)), query);
}

Result<ManagerView> PortfolioService::overview(const Principal& actor, int days) {
    RAPPORT_CHECK(staff_manager(actor, actors_, Role::Manager, "portfolios.action_reading"));
    if (days < 1 || days > kMaxDays) {
        return fail(Error::localized(
            ErrorCode::Validation, "portfolios.invalid_parameters", {},
            {FieldError::localized("/days", "portfolios.days_range", {{"max", std::to_string(kMaxDays)}})}));
    }
    ManagerView view;
    view.days = days;
    view.since = clock_.now_ms() - static_cast<UnixMillis>(days) * kDay;
    const AccessFilter access = RAPPORT_TRY(read_access(actor));
    const WorkspaceCounts counts = RAPPORT_TRY(repo_.counts(actor.workspace_id, access, view.since));
    view.unowned_companies = counts.unowned_companies;
    view.unowned_people = counts.unowned_people;
    std::vector<Id> ids;
    for (const auto& o : counts.owners) ids.push_back(o.user_id);
    const auto users = RAPPORT_TRY(repo_.users(actor.workspace_id, ids));
    for (const auto& o : counts.owners) {
        OwnerSummary s = summarize(o);
        for (const auto& [id, facts] : users) {
            if (id != o.user_id) continue;
            s.display_name = facts.display_name;
            s.active = facts.active;
        }
        view.owners.push_back(std::move(s));
    }
    std::sort(view.owners.begin(), view.owners.end(), [](const OwnerSummary& a, const OwnerSummary& b) {
        const auto sa = a.companies + a.people, sb = b.companies + b.people;
        return sa != sb ? sa > sb : a.user_id < b.user_id;
    });
    return view;
}

Result<Reassignment> PortfolioService::reassign(const Principal& actor, const ReassignRequest& request) {
    RAPPORT_CHECK(staff_manager(actor, actors_, Role::Admin, "portfolios.action_reassigning"));
    std::vector<FieldError> errors;
    if (request.from_user_id == request.to_user_id) {
        errors.push_back(FieldError::localized("/to_user_id", "portfolios.same_user"));
    }
    if (!RAPPORT_TRY(repo_.user(actor.workspace_id, request.from_user_id))) {
        errors.push_back(
            FieldError::localized("/from_user_id", "portfolios.no_user", {{"id", id_to_string(request.from_user_id)}}));
    }
    const auto target = RAPPORT_TRY(repo_.user(actor.workspace_id, request.to_user_id));
    if (!target) {
        errors.push_back(
            FieldError::localized("/to_user_id", "portfolios.no_user", {{"id", id_to_string(request.to_user_id)}}));
    } else if (!target->active) {
        errors.push_back(FieldError::localized("/to_user_id", "portfolios.target_inactive"));
    } else if (target->partner) {
        errors.push_back(FieldError::localized("/to_user_id", "portfolios.target_partner"));
    }
    if (request.records) {
        if (request.records->empty()) errors.push_back(FieldError::localized("/records", "portfolios.records_empty"));
        if (request.records->size() > kMaxSelected) {
            errors.push_back(FieldError::localized("/records", "portfolios.records_too_many",
                                                   {{"max", std::to_string(kMaxSelected)}}));
        }
    }
    if (!errors.empty()) {
        const std::string count = std::to_string(errors.size());
        return fail(Error::localized(ErrorCode::Validation, "portfolios.reassign_invalid", {{"count", count}},
                                     std::move(errors)));
    }
    const Actor who = RAPPORT_TRY(actors_.actor_for(actor));
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    ReassignWrite write;
    write.writable = read_filter(who, grants);
    write.writable.scope = std::min(write.writable.scope, grants.for_role(actor.role).write);
    write.records = request.records;
    if (write.records) {
        // Each record once.
        std::set<std::pair<int, Id>> seen;
        std::vector<RecordKey> unique;
        for (const auto& r : *write.records) {
            if (seen.insert({static_cast<int>(r.type), r.id}).second) unique.push_back(r);
        }
        write.records = std::move(unique);
    }
    write.log.workspace_id = actor.workspace_id;
    write.log.reassignment_id = new_id();
    write.log.from_user_id = request.from_user_id;
    write.log.to_user_id = request.to_user_id;
    write.log.actor_user_id = actor.user_id;
    write.log.actor_label = actor.label;
    write.log.selected = request.records.has_value();
    write.log.reassigned_at = clock_.now_ms();
    if (actor.api_key_id) {
        write.source_kind = "api";
        write.source_ref = "api_key:" + id_to_string(*actor.api_key_id);
        write.actor_api_key_id = actor.api_key_id;
    } else {
        write.source_kind = "manual";
        write.source_ref = actor.user_id ? "user:" + id_to_string(*actor.user_id) : "operator";
    }
    Reassignment done = RAPPORT_TRY(repo_.reassign(write));
    if (write.records) {
        done.skipped = static_cast<std::int64_t>(write.records->size()) - done.companies - done.people;
    }
    return done;
}

Result<ReassignmentPage> PortfolioService::reassignments(const Principal& actor, const PageRequest& page) {
    RAPPORT_CHECK(staff_manager(actor, actors_, Role::Manager, "portfolios.action_reading"));
    return repo_.reassignments(actor.workspace_id, page);
}

}  // namespace rapport::domain::portfolios
