#pragma once
// Persistence of segments, the members of static segments and daily snapshots.
// Thread-safe; each method atomic.
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/page.hpp"
#include "domain/segments/segment.hpp"

namespace rapport::domain::segments {

// Where a pass over every workspace's segments stands: the last (workspace, segment) done.
struct SegmentKey {
    Id workspace_id = 0;
    Id segment_id = 0;
};

class SegmentRepository {
public:
    virtual ~SegmentRepository() = default;

    // Conflict (pointer /name) when the workspace has a segment of that name.
    virtual Status insert(const Segment& segment, const AuditEntry& audit) = 0;
    // NotFound when gone; Conflict (pointer /name) as insert.
    virtual Status update(const Segment& segment, const AuditEntry& audit) = 0;
    // Removes the segment with its members and snapshots; NotFound when gone.
    virtual Status remove(Id workspace_id, Id segment_id, const AuditEntry& audit) = 0;
    virtual Result<std::optional<Segment>> find(Id workspace_id, Id segment_id) = 0;
    // In id (creation) order; `page.after` is a segment id. With `owner_user_id`, only the
    // segments that user owns.
    virtual Result<Page<Segment>> list(Id workspace_id, const PageRequest& page, std::optional<Id> owner_user_id) = 0;
    // Every workspace's segments in (workspace_id, segment_id) order after `after`, at most
    // `limit`: for system passes (daily snapshots), which read them a batch at a time.
    virtual Result<std::vector<Segment>> all_after(std::optional<SegmentKey> after, int limit) = 0;

    // Adds members (ids already checked), ignoring those already present; returns how many
    // were new.
    virtual Result<std::int64_t> add_members(Id workspace_id, Id segment_id, const std::vector<Id>& entity_ids,
                                             UnixMillis at) = 0;
    // False when `entity_id` was not a member.
    virtual Result<bool> remove_member(Id workspace_id, Id segment_id, Id entity_id) = 0;

    // Inserts or replaces the snapshot of snapshot.day.
    virtual Status upsert_snapshot(Id workspace_id, Id segment_id, const Snapshot& snapshot) = 0;
    virtual Result<bool> has_snapshot(Id workspace_id, Id segment_id, const std::string& day) = 0;
    // Snapshots with from <= day <= to (ISO days), oldest first; the newest `limit` of them.
    virtual Result<std::vector<Snapshot>> snapshots(Id workspace_id, Id segment_id, const std::string& from,
                                                    const std::string& to, int limit) = 0;
};

}  // namespace rapport::domain::segments
