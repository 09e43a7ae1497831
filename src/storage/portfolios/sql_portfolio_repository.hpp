#pragma once
#include "domain/portfolios/portfolio_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// Portfolios' SQL. A portfolio page is one statement per customer type (the owner's records
// through people_by_owner_updated / companies_by_owner_updated, each with its last contact
// computed from interactions_by_person / _by_company), then one statement per type for the
// page's open tasks and one for its open conversations. A reassignment is one UPDATE ...
// RETURNING per type (per 256 chosen records), with the history and provenance rows written
// in multi-row inserts, in one transaction.
class SqlPortfolioRepository final : public domain::portfolios::PortfolioRepository {
public:
    explicit SqlPortfolioRepository(Database& db) : db_(db) {}
    Result<domain::portfolios::PortfolioPage> portfolio(Id workspace_id, const domain::AccessFilter& access,
                                                        const domain::portfolios::PortfolioQuery& query) override;
    Result<domain::portfolios::WorkspaceCounts> counts(Id workspace_id, const domain::AccessFilter& access,
                                                       UnixMillis since) override;
    Result<std::optional<domain::portfolios::UserFacts>> user(Id workspace_id, Id user_id) override;
    Result<std::vector<std::pair<Id, domain::portfolios::UserFacts>>> users(Id workspace_id,
                                                                            const std::vector<Id>& ids) override;
    Result<domain::portfolios::Reassignment> reassign(const domain::portfolios::ReassignWrite& write) override;
    Result<domain::portfolios::ReassignmentPage> reassignments(Id workspace_id,
                                                               const domain::PageRequest& page) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
