#pragma once
// Use cases of duplicate detection and merging, with record-level permissions:
//   - check: after a create, update or import batch, the records are compared with their
//     neighbours (duplicate_repository.hpp: shared keys, same city and initial, same company)
//     and the pairs go to the review queue;
//   - create_checked: the create of the API, which reports likely duplicates or, on request,
//     refuses to create a record with one (Conflict);
//   - scan: the whole workspace, blocked (blocking.hpp) and streamed, never all pairs;
//   - list and dismiss: the review queue, showing only pairs whose both records the actor
//     may read;
//   - merge: one record disappears into another, field by field, in one transaction
//     (duplicate_repository.hpp), in history and in the audit log; its id keeps answering
//     with the survivor (CustomerService::get).
// Thread-safe as its repositories are.
#include <map>

#include "core/clock.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/duplicates/duplicate_repository.hpp"
#include "domain/duplicates/merge_plan.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/planner_statistics.hpp"

namespace rapport::domain::duplicates {

// A likely duplicate of one record, as a create reports it.
struct DuplicateHit {
    std::optional<Id> candidate_id;  // absent when nothing was stored (a refused create)
    CandidateSide other;
    int score = 0;
    std::vector<Reason> reasons;
};

struct CheckedCreate {
    customers::CustomerRecord record;
    std::vector<DuplicateHit> duplicates;  // those the actor may read, best first
};

struct ScanReport {
    std::int64_t records = 0;
    std::int64_t pairs = 0;  // candidate pairs found (open, dismissed or merged before)
    UnixMillis elapsed_ms = 0;
};

struct MergeRequest {
    Id merged_id = 0;
    std::map<std::string, Side> choices;
    std::optional<Id> candidate_id;
};

class DuplicateService {
public:
    // `statistics` (optional, must outlive the service) is refreshed after scans and merges.
    DuplicateService(DuplicateRepository& repo, customers::CustomerRepository& customers_repo,
                     customers::CustomerService& customers, ActorDirectory& actors, const Clock& clock,
                     PlannerStatistics* statistics = nullptr)
        : repo_(repo),
          customers_repo_(customers_repo),
          customers_(customers),
          actors_(actors),
          clock_(clock),
          statistics_(statistics) {}

    // Creates like CustomerService::create, then records the new record's duplicate pairs.
    // With `refuse_likely`, a record the actor can see that scores at least kLikelyScore
    // makes it a Conflict (errors name the duplicates) and nothing is written.
    Result<CheckedCreate> create_checked(const Principal& actor, EntityType type, const customers::CustomerInput& input,
                                         const customers::Source& source, bool refuse_likely);
    // Records the duplicate pairs of these records (after an update or an import batch) and
    // returns the open ones of the first record that `actor` may read.
    Result<std::vector<DuplicateHit>> check(const Principal& actor, EntityType type, const std::vector<Id>& ids);
    // check() for a system job acting for the workspace (imports): nothing is returned.
    Status check_records(Id workspace_id, EntityType type, const std::vector<Id>& ids);

    // Managers and above. Finds every pair of the workspace's records of `type`.
    Result<ScanReport> scan(const Principal& actor, EntityType type);

    Result<Page<DuplicateCandidate>> list(const Principal& actor, EntityType type, CandidateStatus status,
                                          std::optional<Id> record_id, int limit,
                                          const std::optional<std::string>& cursor);
    Result<DuplicateCandidate> get(const Principal& actor, Id candidate_id);
    // Needs write permission on both records.
    Result<DuplicateCandidate> dismiss(const Principal& actor, Id candidate_id, const std::string& ip);

    // Merges request.merged_id into survivor_id. NotFound unless the actor may read both,
    // Forbidden unless they may change both; Validation for bad choices or a record merged
    // into itself; Conflict when the named candidate is not an open pair of these two.
    Result<customers::CustomerRecord> merge(const Principal& actor, EntityType type, Id survivor_id,
                                            const MergeRequest& request, const std::string& ip);

private:
    Result<std::vector<FoundPair>> detect(Id workspace_id, EntityType type, const std::vector<Id>& ids);
    Result<customers::CustomerRecord> writable(const Principal& actor, const Actor& permissions,
                                               const RoleGrants& grants, EntityType type, Id id);

    DuplicateRepository& repo_;
    customers::CustomerRepository& customers_repo_;
    customers::CustomerService& customers_;
    ActorDirectory& actors_;
    const Clock& clock_;
    PlannerStatistics* statistics_;
};

}  // namespace rapport::domain::duplicates
