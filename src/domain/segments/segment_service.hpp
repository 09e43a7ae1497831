#pragma once
// Use cases of segments. Members and counts come from CustomerService (list, count, stream),
// with the segment's filter or its explicit membership as the list request, so a dynamic
// segment selects exactly what a list with the same filter shows, and record-level
// permissions apply the same way.
//
// Who may do what:
// - every role reads segments; members, counts and exports hold only the records the actor
//   may read;
// - members and above create segments (owned by their creator); the owner, and managers and
//   above, change, delete and fill them;
// - snapshots and history count every member, whoever may read them (the segment's size is
//   one number for the workspace), so they need a role whose read scope is "all" (owner,
//   admin and manager by default).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/identity/user_directory.hpp"
#include "domain/segments/segment_repository.hpp"

namespace rapport::domain::segments {

// What a pass over every segment did.
struct SnapshotPassReport {
    int written = 0;
    int skipped = 0;                  // already had today's snapshot (only_missing passes)
    std::vector<std::string> failed;  // "<workspace>/<segment>: <reason>", for the log
    bool interrupted = false;         // stopped early because keep_going said so
};

class SegmentService {
public:
    SegmentService(SegmentRepository& repo, customers::CustomerService& customers, ActorDirectory& actors,
                   UserDirectory& users, const Clock& clock)
        : repo_(repo), customers_(customers), actors_(actors), users_(users), clock_(clock) {}

    // Validation errors carry pointers into the request body (/name, /filter/..., ...).
    Result<Segment> create(const Principal& actor, const SegmentInput& input, const std::string& ip);
    Result<Segment> update(const Principal& actor, Id segment_id, const SegmentInput& input, const std::string& ip);
    Status remove(const Principal& actor, Id segment_id, const std::string& ip);
    // NotFound for a segment of another workspace, exactly as for a missing one.
    Result<Segment> get(const Principal& actor, Id segment_id);
    Result<Page<Segment>> list(const Principal& actor, const PageRequest& page);

    // The list request that selects a segment's members: its filter (dynamic) or its
    // membership (static).
    static customers::ListRequest member_request(const Segment& segment);
    // How many members the actor may read.
    Result<std::int64_t> count(const Principal& actor, const Segment& segment);
    // A page of the members the actor may read, in creation order; `cursor` from the last page.
    Result<Page<customers::CustomerRecord>> members(const Principal& actor, const Segment& segment, int limit,
                                                    std::optional<std::string> cursor);
    // Every member the actor may read, in batches (exports); `sort` as for lists.
    Result<customers::RecordStream> stream(const Principal& actor, const Segment& segment, std::string sort,
                                           bool descending);

    // Static segments only (Validation, pointer /ids, for dynamic ones). Every id must name a
    // record of the segment's entity type that the actor may read; otherwise nothing is added
    // and each bad id is reported at /ids/<index>. Returns how many were new.
    Result<std::int64_t> add_members(const Principal& actor, Id segment_id, const std::vector<std::string>& ids);
    // NotFound when the record is not a member the actor can see.
    Status remove_member(const Principal& actor, Id segment_id, Id record_id);

    // Records today's (UTC) member count, replacing an earlier one of the same day.
    Result<Snapshot> snapshot(const Principal& actor, Id segment_id);
    // Snapshots from `from` to `to` (inclusive, "YYYY-MM-DD"; default: the last 365 days),
    // oldest first. Bad dates are reported at ?from / ?to.
    Result<std::vector<Snapshot>> history(const Principal& actor, Id segment_id, std::optional<std::string> from,
                                          std::optional<std::string> to);

    // The system's daily pass: snapshots every segment of every workspace (when
    // `only_missing`, only those without today's snapshot). Reads segments a batch at a
    // time; asks keep_going() between segments so a shutdown need not wait for the pass.
    // A segment that fails (e.g. its filter names a custom field since removed) is reported
    // and skipped.
    Result<SnapshotPassReport> snapshot_all(bool only_missing, const std::function<bool()>& keep_going);

private:
    Result<Segment> find_visible(const Principal& actor, Id segment_id);
    Status ensure_can_change(const Principal& actor, const Segment& segment, std::string_view action);
    Status ensure_reads_all(const Principal& actor, std::string_view action);
    // Validates `input` onto `segment` (creating: the required members must be present).
    Status apply(const Principal& actor, Segment& segment, const SegmentInput& input, bool creating);
    Result<Snapshot> take_snapshot(const Segment& segment);
    AuditEntry audit(const Principal& actor, std::string action, Id segment_id, const std::string& ip) const;

    SegmentRepository& repo_;
    customers::CustomerService& customers_;
    ActorDirectory& actors_;
    UserDirectory& users_;
    const Clock& clock_;
};

}  // namespace rapport::domain::segments
