#pragma once
// Portfolios: "my portfolio" (the account manager's customers with last contact, next action,
// open items and days since contact), the manager's view (size and coverage per owner, the
// customers with no owner), and the reassignment of a portfolio from one owner to another.
//
// Who may do what: anyone signed in reads their own portfolio; managers and above read anyone's
// and the manager's view; admins and owners reassign (API keys of those roles too). Reads see
// only the records the reader may read; a reassignment moves only records its actor may write.
#include "domain/identity/actor_directory.hpp"
#include "domain/portfolios/portfolio_repository.hpp"

namespace rapport::domain::portfolios {

class PortfolioService {
public:
    PortfolioService(PortfolioRepository& repo, ActorDirectory& actors, const Clock& clock)
        : repo_(repo), actors_(actors), clock_(clock) {}

    // The signed-in user's portfolio (`query.owner_user_id` is ignored). API keys have none.
    Result<PortfolioPage> mine(const Principal& actor, PortfolioQuery query);
    // Another user's portfolio: managers and above, or the user themselves.
    Result<PortfolioPage> of_user(const Principal& actor, Id user_id, PortfolioQuery query);
    // Managers and above. `days` from 1 to kMaxDays.
    Result<ManagerView> overview(const Principal& actor, int days);
    // Admins and owners. Moves the records in one transaction, with history and log.
    Result<Reassignment> reassign(const Principal& actor, const ReassignRequest& request);
    // Managers and above.
    Result<ReassignmentPage> reassignments(const Principal& actor, const PageRequest& page);

private:
    Result<AccessFilter> read_access(const Principal& actor);

    PortfolioRepository& repo_;
    ActorDirectory& actors_;
    const Clock& clock_;
};

}  // namespace rapport::domain::portfolios
