#pragma once
// Creating a workspace and its owner: the CLI's `admin bootstrap`, the demo loader, the
// bench data. Knows neither HTTP nor SQL. Thread-safe.
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/identity/entities.hpp"
#include "domain/identity/workspace_repository.hpp"

namespace rapport::domain {

struct BootstrapResult {
    Workspace workspace;
    User owner;
};

class WorkspaceBootstrap {
public:
    WorkspaceBootstrap(WorkspaceRepository& repo, const Clock& clock) : repo_(repo), clock_(clock) {}

    // Field errors "/workspace", "/email", "/password"; an existing account keeps its password.
    Result<BootstrapResult> bootstrap(const std::string& workspace_name, const std::string& email,
                                      const std::string& password, const std::string& display_name);

private:
    WorkspaceRepository& repo_;
    const Clock& clock_;
};

}  // namespace rapport::domain
