#pragma once
// Team use cases. Anyone in the workspace reads teams, except a buyer's partner user, who
// works outside the company and sees only the teams they belong to; managers and above
// change them.
#include "core/clock.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/identity/entities.hpp"
#include "domain/teams/team_repository.hpp"

namespace rapport::domain {

struct TeamInput {
    std::optional<std::string> name;
    std::optional<TeamKind> kind;
    std::optional<std::string> description;
    std::optional<std::vector<TeamMember>> members;
};

class TeamService {
public:
    TeamService(TeamRepository& repo, ActorDirectory& actors, const Clock& clock)
        : repo_(repo), actors_(actors), clock_(clock) {}

    Result<Page<Team>> list(const Principal& actor, const PageRequest& page);
    Result<Team> get(const Principal& actor, Id team_id);
    Result<Team> create(const Principal& actor, const TeamInput& input, const std::string& ip);
    Result<Team> update(const Principal& actor, Id team_id, const TeamInput& input, const std::string& ip);
    Status remove(const Principal& actor, Id team_id, const std::string& ip);

private:
    AuditEntry audit(const Principal& actor, std::string action, Id team_id, const std::string& ip) const;
    // The teams a buyer's partner user belongs to, the only ones they see; nullopt for anyone
    // else.
    Result<std::optional<std::vector<Id>>> partner_teams(const Principal& actor);

    TeamRepository& repo_;
    ActorDirectory& actors_;
    const Clock& clock_;
};

// Validates a team as a whole; returns field errors (empty when valid).
std::vector<FieldError> validate_team(const Team& team);

}  // namespace rapport::domain
