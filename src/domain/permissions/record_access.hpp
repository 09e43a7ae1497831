#pragma once
// Record-level permissions. Every customer record has an owner (a user) and a team.
// A role grants a read scope and a write scope, each one of:
//   none  no records
//   own   records the actor owns
//   team  records of any team the actor belongs to, plus own records
//   all   every record of the workspace
// Workspaces can change the grants per role; defaults() is what a new workspace gets.
//
// B2B2C partitions come on top: a buyer's consumers (people whose buyer_company_id is set)
// form a partition. Inside the workspace they are visible only to the owner role and to
// users or teams granted that partition; everywhere else the scope rules above apply as
// well. A partner user belongs to one buyer: they read that buyer's company record and
// every consumer of its partition, write those consumers when their role writes at all,
// and see nothing else.
// Pure logic: the storage layer turns an AccessFilter into a WHERE clause.
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "domain/identity/role.hpp"

namespace rapport::domain {

enum class Scope { None, Own, Team, All };

std::string_view to_string(Scope scope);
std::optional<Scope> parse_scope(std::string_view text);

struct RoleGrant {
    Role role;
    Scope read;
    Scope write;
};

class RoleGrants {
public:
    static RoleGrants defaults();
    const RoleGrant& for_role(Role role) const { return grants_[static_cast<std::size_t>(role)]; }
    void set(const RoleGrant& grant) { grants_[static_cast<std::size_t>(grant.role)] = grant; }
    const std::array<RoleGrant, 5>& all() const { return grants_; }

private:
    std::array<RoleGrant, 5> grants_{};
};

// The acting user (or API key: no user id, no teams) as permissions see it.
struct Actor {
    std::optional<Id> user_id;
    Role role = Role::Viewer;
    std::vector<Id> team_ids;
    std::optional<Id> partner_company_id = std::nullopt;  // set for a buyer's partner user
    bool all_partitions = false;                          // the owner role: every buyer's consumers
    std::vector<Id> partitions = {};                      // buyers whose consumers were granted (to the user or a team)
};

struct RecordRef {
    std::optional<Id> owner_user_id;
    std::optional<Id> team_id;
    std::optional<Id> partition = std::nullopt;   // a consumer's buyer company
    std::optional<Id> company_id = std::nullopt;  // set when the record is a company
};

// Whether the record's B2B2C partition is open to a workspace (non-partner) actor.
bool partition_visible(const Actor& actor, const RecordRef& record);

bool can_read(const Actor& actor, const RoleGrants& grants, const RecordRef& record);
bool can_write(const Actor& actor, const RoleGrants& grants, const RecordRef& record);

// Whether a write may leave a record in the state `after`. A write may only produce a state its
// actor could create: a partner user keeps records among their buyer's consumers, a workspace
// user keeps them in partitions open to them, and the result stays within the role's write
// scope. One exception to the scope: the record's owner may hand it to a colleague (a new
// owner, and a team), after which they may no longer see it. `before` is the stored state
// (nullopt for a create), which the caller has already checked the actor may write.
enum class WriteVerdict {
    Allowed,
    HandedOver,           // allowed: the owner passed the record to another user
    OutsidePartnerBuyer,  // a partner user's record would leave their buyer's consumers
    PartitionNotGranted,  // the record would join a buyer's partition not granted to the actor
    OutsideWriteScope,    // the result is outside the role's write scope (owner, team)
};
WriteVerdict judge_write(const Actor& actor, const RoleGrants& grants, const std::optional<RecordRef>& before,
                         const RecordRef& after);

// What a list query must restrict itself to.
struct AccessFilter {
    Scope scope = Scope::None;
    std::optional<Id> user_id;  // for Own and Team
    std::vector<Id> team_ids;   // for Team
    // Partitions, as in Actor. A partner's filter ignores scope: their buyer's partition only.
    std::optional<Id> partner_company_id = std::nullopt;
    bool all_partitions = true;
    std::vector<Id> partitions = {};
};

AccessFilter read_filter(const Actor& actor, const RoleGrants& grants);

}  // namespace rapport::domain
