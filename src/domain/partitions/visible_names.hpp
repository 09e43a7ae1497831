#pragma once
// The names of the users and teams an actor may read, and nothing else about them: what a
// record's owner, team, timeline author or assignee is called, for a person who may not list
// the workspace's users and teams.
//
// - A workspace user reads every user's and team's name (they may list them anyway).
// - A buyer's partner user (B2B2C, record_access.hpp) reads only the names their buyer's
//   records carry: the owner and team of the buyer's company record and of its consumers, and
//   who wrote or is assigned those records' timeline entries and who changed them (their
//   history), plus their own. Nothing but the name: no email, role or membership.
// Thread-safe (no state of its own).
#include "domain/identity/actor_directory.hpp"
#include "domain/partitions/visible_names_repository.hpp"

namespace rapport::domain::partitions {

class VisibleNames {
public:
    VisibleNames(VisibleNamesRepository& repo, ActorDirectory& actors) : repo_(repo), actors_(actors) {}

    Result<Names> names(const Principal& actor);

private:
    VisibleNamesRepository& repo_;
    ActorDirectory& actors_;
};

}  // namespace rapport::domain::partitions
