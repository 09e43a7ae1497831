#include "domain/imports/import_access.hpp"

#include <string>

namespace rapport::domain::imports {

Result<ImportJob> visible_import(ImportReader& repo, const Principal& actor, Id import_id) {
    auto job = RAPPORT_TRY(repo.find(actor.workspace_id, import_id));
    const bool allowed =
        job && (role_at_least(actor.role, Role::Admin) || (actor.user_id && job->created_by_user_id == actor.user_id) ||
                (actor.api_key_id && job->created_by_api_key_id == actor.api_key_id));
    // Someone else's import is answered exactly like a missing one.
    if (!allowed)
        return fail(Error::localized(ErrorCode::NotFound, "imports.not_found", {{"id", id_to_string(import_id)}}));
    return *job;
}

Status check_may_import(const customers::WriteContext& context, const Principal& actor, customers::EntityType type) {
    if (!can_write(context.permissions, context.grants, {actor.user_id, std::nullopt})) {
        return fail(Error::localized(
            ErrorCode::Forbidden,
            type == customers::EntityType::Company ? "imports.cannot_create_companies" : "imports.cannot_create_people",
            {{"role", std::string(to_string(actor.role))}}));
    }
    return {};
}

}  // namespace rapport::domain::imports
