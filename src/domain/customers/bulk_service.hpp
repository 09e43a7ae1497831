#pragma once
// Bulk changes to the companies or people a list selects (issue 14, "Lists as people use
// them"): add or remove a tag, set the owner or the team, delete, and undo a delete.
//
// A request names its records by id (at most kMaxBulkRecords) or by what a list selects
// (filter and quick search, in id order, kMaxBulkRecords per request: the answer's
// `next_after` continues the selection in the next request). Each request is one
// transaction. Every record is judged on its own, as a single write would be: a record the
// actor may not read is skipped as not_found, one they may not change, or whose result they
// could not create (judge_write), as forbidden; the others are written with their history,
// provenance and audit entries. A request whose parameters are invalid (a tag too long, an
// owner that does not exist) changes nothing.
//
// Records are deleted for real (as DELETE does), after a snapshot of each is kept for
// kUndoWindowMs under the answer's undo_id; "restore" inserts them again with the same ids,
// fields, tags, owner, team and static segment memberships. Their field history survives the
// deletion; their field provenance does not (the restored fields' provenance is the restore).
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/customers/bulk_repository.hpp"
#include "domain/customers/customer_service.hpp"

namespace rapport::domain::customers {

inline constexpr std::size_t kMaxBulkRecords = 5000;
inline constexpr UnixMillis kUndoWindowMs = 60LL * 60 * 1000;  // one hour

enum class BulkAction { AddTag, RemoveTag, SetOwner, SetTeam, Delete, Restore };
std::optional<BulkAction> parse_bulk_action(std::string_view text);
std::string_view to_string(BulkAction action);

struct BulkRequest {
    BulkAction action = BulkAction::AddTag;
    std::vector<Id> ids;                   // the records, or else:
    std::optional<ListRequest> selection;  // what a list selects (filter, q; sort and paging ignored)
    std::optional<Id> after;               // continue a selection after this record id
    std::string tag;                       // add_tag, remove_tag
    std::optional<Id> user_or_team;        // set_owner, set_team (nullopt: nobody)
    std::optional<Id> undo_id;             // restore: required; delete: continue that undo
};

struct BulkSkip {
    Id id = 0;
    std::string reason;  // "not_found", "forbidden"
};

struct BulkResult {
    std::int64_t matched = 0;    // records the request named or selected
    std::int64_t changed = 0;    // written (or deleted, or restored)
    std::int64_t unchanged = 0;  // already as asked (the tag was there, the owner was them)
    std::vector<BulkSkip> skipped;
    std::optional<Id> next_after;  // more records are selected after this id
    std::optional<Id> undo_id;     // delete: restore with this until undo_until
    UnixMillis undo_until = 0;
};

class BulkService {
public:
    BulkService(CustomerService& customers, CustomerRepository& records, BulkRepository& repo, const Clock& clock)
        : customers_(customers), records_(records), repo_(repo), clock_(clock) {}

    Result<BulkResult> run(const Principal& actor, EntityType type, const BulkRequest& request, const std::string& ip);

private:
    Result<BulkResult> restore(const Principal& actor, EntityType type, const BulkRequest& request,
                               const std::string& ip);

    CustomerService& customers_;
    CustomerRepository& records_;
    BulkRepository& repo_;
    const Clock& clock_;
};

}  // namespace rapport::domain::customers
