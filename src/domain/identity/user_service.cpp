#include "domain/identity/user_service.hpp"

#include "core/crypto.hpp"
#include "domain/audit/audit_of.hpp"
#include "domain/identity/audit_detail.hpp"
#include "domain/identity/principals.hpp"
#include "domain/identity/validation.hpp"

namespace rapport::domain {

Result<std::vector<User>> UserService::memberships_of(const User& user) {
    return repo_.memberships(user.account_id);
}

Result<Page<User>> UserService::list_users(const Principal& actor, const PageRequest& page) {
    // A buyer's partner user works outside the company: the staff directory is not theirs.
    if (RAPPORT_TRY(actors_.is_partner(actor))) {
        Page<User> self;
        if (!page.after) self.items.push_back(RAPPORT_TRY(get_user(actor, *actor.user_id)));
        return self;
    }
    return repo_.list_users(actor.workspace_id, page);
}

Result<User> UserService::get_user(const Principal& actor, Id user_id) {
    if (actor.user_id && user_id != *actor.user_id && RAPPORT_TRY(actors_.is_partner(actor))) {
        return fail(Error::localized(ErrorCode::NotFound, "identity.user_not_found", {{"id", id_to_string(user_id)}}));
    }
    auto user = RAPPORT_TRY(repo_.find_user(actor.workspace_id, user_id));
    if (!user)
        return fail(Error::localized(ErrorCode::NotFound, "identity.user_not_found", {{"id", id_to_string(user_id)}}));
    return *user;
}

Result<User> UserService::create_user(const Principal& actor, const UserInput& in, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "identity.action_adding_users"));
    std::vector<FieldError> errors;
    std::optional<std::string> email;
    if (!in.email) {
        errors.push_back(FieldError::localized("/email", "common.required"));
    } else if (!(email = normalize_email(*in.email))) {
        errors.push_back(FieldError::localized("/email", "common.email_invalid"));
    }
    if (!in.display_name || in.display_name->empty())
        errors.push_back(FieldError::localized("/display_name", "common.required"));
    if (!in.role) errors.push_back(FieldError::localized("/role", "identity.role_required"));
    if (in.password) {
        if (auto problem = password_problem(*in.password)) errors.push_back(FieldError::at("/password", *problem));
    }
    if (!errors.empty())
        return fail(Error::localized(ErrorCode::Validation, "identity.user_invalid", {}, std::move(errors)));
    if (*in.role == Role::Owner) RAPPORT_CHECK(require_role(actor, Role::Owner, "identity.action_making_owner"));

    NewUser nu;
    nu.workspace_id = actor.workspace_id;
    nu.user_id = new_id();
    nu.email = *email;
    nu.display_name = *in.display_name;
    nu.role = *in.role;
    nu.language = in.language;
    nu.now = clock_.now_ms();
    auto existing = RAPPORT_TRY(repo_.find_account_by_email(*email));
    if (!existing) {
        if (!in.password) {
            return fail(Error::localized_field("/password", "identity.password_needed_for_new_account"));
        }
        nu.password_hash = RAPPORT_TRY(crypto::hash_password(*in.password));
    }
    return repo_.create_user(
        nu, audit_of(actor, clock_.now_ms(), "user.created", "user", id_to_string(nu.user_id), ip,
                     "{\"email\":" + json_quote(*email) + ",\"role\":" + json_quote(to_string(nu.role)) + "}"));
}

Result<User> UserService::update_user(const Principal& actor, Id user_id, const UserInput& in, const std::string& ip) {
    User user = RAPPORT_TRY(get_user(actor, user_id));
    const bool self = actor.user_id && *actor.user_id == user_id;
    const bool touches_access = in.role || in.active || in.email;
    if (in.email) return fail(Error::localized_field("/email", "identity.email_unchangeable"));
    if (!self || touches_access)
        RAPPORT_CHECK(require_role(actor, Role::Admin, "identity.action_changing_another_user"));
    if ((in.role && *in.role == Role::Owner) || user.role == Role::Owner) {
        if (touches_access) RAPPORT_CHECK(require_role(actor, Role::Owner, "identity.action_changing_owner_access"));
    }
    if (in.password) {  // checked before any write, so a refused password changes nothing
        if (!self) RAPPORT_CHECK(require_role(actor, Role::Owner, "identity.action_setting_password"));
        if (auto problem = password_problem(*in.password)) {
            return fail(Error::localized_field("/password", problem->key, problem->args));
        }
    }
    const bool was_active_owner = user.role == Role::Owner && user.active;
    std::string detail = "{";
    if (in.display_name) {
        if (in.display_name->empty()) return fail(Error::localized_field("/display_name", "common.cannot_be_empty"));
        user.display_name = *in.display_name;
    }
    if (in.language) user.language = in.language;
    if (in.role && *in.role != user.role) {
        detail +=
            "\"old_role\":" + json_quote(to_string(user.role)) + ",\"new_role\":" + json_quote(to_string(*in.role));
        user.role = *in.role;
    }
    if (in.active && *in.active != user.active) {
        if (detail.size() > 1) detail += ",";
        detail += std::string("\"active\":") + (*in.active ? "true" : "false");
        user.active = *in.active;
    }
    detail += "}";
    if (was_active_owner && !(user.role == Role::Owner && user.active)) {
        const int owners = RAPPORT_TRY(repo_.count_active_owners(actor.workspace_id));
        if (owners <= 1) {
            return fail(Error::localized(ErrorCode::Conflict, "identity.last_owner"));
        }
    }
    user.updated_at = clock_.now_ms();
    const char* action = (in.role || in.active) ? "user.access_changed" : "user.updated";
    auto updated = RAPPORT_TRY(
        repo_.update_user(user, audit_of(actor, clock_.now_ms(), action, "user", id_to_string(user_id), ip, detail)));
    if (in.password) {
        auto hash = RAPPORT_TRY(crypto::hash_password(*in.password));
        // Whoever knew the old password may hold a session: all end, except the one the
        // person changing their own password is using. An owner's reset ends them all.
        const std::optional<Id> keep = self ? actor.session_id : std::nullopt;
        RAPPORT_CHECK(repo_.set_password(
            user.account_id, hash, clock_.now_ms(), keep,
            audit_of(actor, clock_.now_ms(), "user.password_changed", "user", id_to_string(user_id), ip)));
    }
    if (!user.active) RAPPORT_CHECK(repo_.delete_sessions_of(actor.workspace_id, user_id));
    cache_.invalidate();
    return updated;
}

}  // namespace rapport::domain
