#include "domain/identity/principals.hpp"

#include <string>

namespace rapport::domain {

Status require_role(const Principal& actor, Role needed, std::string_view action) {
    if (role_at_least(actor.role, needed)) return {};
    // `action` is a catalogue key ("teams.action_creating"), or a phrase still in English.
    return fail(Error::localized(ErrorCode::Forbidden, "common.role_needed",
                                 {{messages::has(action) ? "action_key" : "action", std::string(action)},
                                  {"needed", std::string(to_string(needed))},
                                  {"role", std::string(to_string(actor.role))}}));
}

Principal operator_principal(Id workspace_id) {
    Principal p;
    p.method = Principal::Method::ApiKey;
    p.workspace_id = workspace_id;
    p.role = Role::Owner;
    p.label = "operator (command line)";
    return p;
}

}  // namespace rapport::domain
