#pragma once
// Persistence of duplicate detection: the match data of records, the review queue, and the
// merge of two records. Thread-safe; each method atomic.
#include <functional>
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/customers/customer_repository.hpp"
#include "domain/duplicates/blocking.hpp"
#include "domain/duplicates/candidate.hpp"
#include "domain/page.hpp"

namespace rapport::domain::duplicates {

// Everything a merge stores, in one transaction (see DuplicateService::merge).
struct MergeWrite {
    customers::RecordWrite survivor;   // its new state, the changes for history, source Merge
    customers::CustomerRecord merged;  // the record that disappears into the survivor
    // Provenance of the fields whose value came from `merged`: it travels with the value.
    std::vector<customers::FieldProvenance> carried_provenance;
    // People: the survivor's affiliations afterwards (the union of both).
    std::optional<std::vector<customers::Affiliation>> affiliations;
    std::optional<Id> candidate_id;  // the queue entry the merge resolves, if any
    AuditEntry audit;
};

class DuplicateRepository {
public:
    virtual ~DuplicateRepository() = default;

    // The match data of the records with these ids; missing ids are skipped.
    virtual Result<std::vector<MatchRecord>> match_records(Id workspace_id, EntityType type,
                                                           const std::vector<Id>& ids) = 0;
    // The records that may be duplicates of `probes` (the probes themselves may be among
    // them): sharing an exact key (email, phone, VAT id, PEC) with a probe; in a probe's city
    // with the same first three letters of the last or first name (people) or the same
    // initial of the legal or trade name (companies, unless more than `limits.crowded`); for
    // people, when more than `limits.whole` share that city and those letters, only those
    // with the same initial of the other name too, unless still more than `limits.whole`; or
    // (people) affiliated with a probe's primary company. Each once.
    virtual Result<std::vector<MatchRecord>> neighbours(Id workspace_id, EntityType type,
                                                        const std::vector<MatchRecord>& probes, BlockLimits limits) = 0;
    // Every record of the type, streamed in id order, never collected.
    virtual Status for_each_match_record(Id workspace_id, EntityType type,
                                         const std::function<void(const MatchRecord&)>& on_record) = 0;

    // Stores a detection round: a new pair becomes an open candidate; an open one gets the
    // new score and reasons; dismissed and merged ones stay as they are. Then the open
    // candidates this round no longer finds are removed: those involving a record of
    // `scope`, or when scope is nullopt (a workspace scan) all of the type.
    virtual Status record_pairs(Id workspace_id, EntityType type, const std::vector<FoundPair>& pairs,
                                const std::optional<std::vector<Id>>& scope, UnixMillis now) = 0;

    // Keyset-paged by score (highest first) then id; next_cursor is an encoded CandidateCursor.
    virtual Result<Page<DuplicateCandidate>> list(Id workspace_id, const CandidateQuery& query) = 0;
    virtual Result<std::optional<DuplicateCandidate>> find(Id workspace_id, Id candidate_id) = 0;
    // Open -> dismissed with the audit entry; Conflict when the candidate is no longer open.
    virtual Status dismiss(Id workspace_id, Id candidate_id, std::optional<Id> user_id, UnixMillis now,
                           const AuditEntry& audit) = 0;

    // One transaction: the survivor's new state with history and provenance (carried
    // provenance last, so it wins); the merged record's timeline, affiliations (people: the
    // given list; companies: its contacts), consumers (companies), static segment
    // memberships and tags moved to the survivor; the merged record deleted and its id
    // redirected to the survivor (earlier redirects to it too); the resolved candidate
    // marked merged and the merged record's other open candidates removed; the audit entry.
    // NotFound when either record is gone.
    virtual Status merge(const MergeWrite& merge) = 0;
};

}  // namespace rapport::domain::duplicates
