#pragma once
// Use cases of B2B2C partitions (see partition.hpp).
//
// Who may do what:
// - anyone who may read the buyer company sees its consumer count and whether they may read
//   those consumers;
// - admins and owners see, add and remove grants (to users or teams) and partner users.
// A partner user's role must be manager, member or viewer: a partner never administers the
// workspace.
#include <string>

#include "core/clock.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/identity/user_directory.hpp"
#include "domain/partitions/partition_repository.hpp"
#include "domain/teams/team_service.hpp"

namespace rapport::domain::partitions {

class PartitionService {
public:
    PartitionService(PartitionRepository& repo, customers::CustomerService& customers, ActorDirectory& actors,
                     UserDirectory& users, TeamService& teams, const Clock& clock)
        : repo_(repo), customers_(customers), actors_(actors), users_(users), teams_(teams), clock_(clock) {}

    Result<PartitionView> get(const Principal& actor, Id buyer_company_id);
    Result<PartitionView> grant(const Principal& actor, Id buyer_company_id, GranteeKind kind, Id grantee_id,
                                const std::string& ip);
    Result<PartitionView> revoke(const Principal& actor, Id buyer_company_id, GranteeKind kind, Id grantee_id,
                                 const std::string& ip);
    Result<PartitionView> add_partner(const Principal& actor, Id buyer_company_id, Id user_id, const std::string& ip);
    Result<PartitionView> remove_partner(const Principal& actor, Id buyer_company_id, Id user_id,
                                         const std::string& ip);

private:
    // The buyer company, when the actor may read it and it is marked as a buyer.
    Status check_buyer(const Principal& actor, Id buyer_company_id);
    // The view of a buyer already checked.
    Result<PartitionView> view(const Principal& actor, Id buyer_company_id);

    PartitionRepository& repo_;
    customers::CustomerService& customers_;
    ActorDirectory& actors_;
    UserDirectory& users_;
    TeamService& teams_;
    const Clock& clock_;
};

}  // namespace rapport::domain::partitions
