#pragma once
// What VisibleNames reads: display names of users and team names. Thread-safe; scoped to one
// workspace.
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"

namespace rapport::domain::partitions {

struct NamedId {
    Id id = 0;
    std::string name;
};

struct Names {
    std::vector<NamedId> users;  // display names
    std::vector<NamedId> teams;
};

class VisibleNamesRepository {
public:
    virtual ~VisibleNamesRepository() = default;

    // Every user and team of the workspace.
    virtual Result<Names> all_names(Id workspace_id) = 0;
    // The users and teams a buyer's records name: the owner and team of the buyer's company
    // record and of its consumers, who wrote or is assigned their timeline entries, and who
    // changed them (their history); and the user `self`.
    virtual Result<Names> names_around_buyer(Id workspace_id, Id buyer_company_id, std::optional<Id> self) = 0;
};

}  // namespace rapport::domain::partitions
