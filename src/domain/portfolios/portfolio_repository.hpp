#pragma once
// What portfolios read and write. Every read is restricted to the records `access` may read;
// each query is set-based (one statement per customer type, never one per record).
// Thread-safe.
#include <optional>

#include "core/error.hpp"
#include "domain/page.hpp"
#include "domain/permissions/record_access.hpp"
#include "domain/portfolios/portfolio.hpp"

namespace rapport::domain::portfolios {

// The reassignment as the service prepared it; the repository moves the records and writes
// the history, the log entry and the audit entry in one transaction.
struct ReassignWrite {
    Reassignment log;                               // ids, actor, time; counts filled by the repository
    std::optional<std::vector<RecordKey>> records;  // absent: the whole portfolio
    AccessFilter writable;                          // only records the actor may write move
    std::string source_ref;                         // "user:<id>" or "api_key:<id>", as history records it
    std::string source_kind;                        // "manual" or "api"
    std::optional<Id> actor_api_key_id;
};

class PortfolioRepository {
public:
    virtual ~PortfolioRepository() = default;

    // One page of the owner's portfolio in the query's order.
    virtual Result<PortfolioPage> portfolio(Id workspace_id, const AccessFilter& access,
                                            const PortfolioQuery& query) = 0;
    // Portfolio sizes and customers contacted since `since`, per owner, and the customers with
    // no owner.
    virtual Result<WorkspaceCounts> counts(Id workspace_id, const AccessFilter& access, UnixMillis since) = 0;
    // The users of the workspace named (display name, active, partner); absent ones are gone.
    virtual Result<std::optional<UserFacts>> user(Id workspace_id, Id user_id) = 0;
    virtual Result<std::vector<std::pair<Id, UserFacts>>> users(Id workspace_id, const std::vector<Id>& ids) = 0;
    virtual Result<Reassignment> reassign(const ReassignWrite& write) = 0;
    // The log, newest first.
    virtual Result<ReassignmentPage> reassignments(Id workspace_id, const PageRequest& page) = 0;
};

}  // namespace rapport::domain::portfolios
