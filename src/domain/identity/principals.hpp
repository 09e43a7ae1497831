#pragma once
// Checks on and makers of principals: role checks with messages that say what is needed,
// and the principal of the operator at the command line.
#include <string_view>

#include "core/error.hpp"
#include "domain/identity/entities.hpp"

namespace rapport::domain {

// Forbidden unless `actor` has at least the role `needed`; `action` names what was tried
// ("adding users").
Status require_role(const Principal& actor, Role needed, std::string_view action);

// A principal acting for the operator at the command line (CLI), as owner of the workspace.
Principal operator_principal(Id workspace_id);

}  // namespace rapport::domain
