#pragma once
#include "domain/segments/segment_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// Segments in `segments` (a dynamic segment's filter as JSON text in filter_json), the
// members of static segments in `segment_members`, daily counts in `segment_snapshots`.
class SqlSegmentRepository final : public domain::segments::SegmentRepository {
public:
    explicit SqlSegmentRepository(Database& db) : db_(db) {}

    Status insert(const domain::segments::Segment& segment, const domain::AuditEntry& audit) override;
    Status update(const domain::segments::Segment& segment, const domain::AuditEntry& audit) override;
    Status remove(Id workspace_id, Id segment_id, const domain::AuditEntry& audit) override;
    Result<std::optional<domain::segments::Segment>> find(Id workspace_id, Id segment_id) override;
    Result<domain::Page<domain::segments::Segment>> list(Id workspace_id, const domain::PageRequest& page,
                                                         std::optional<Id> owner_user_id) override;
    Result<std::vector<domain::segments::Segment>> all_after(std::optional<domain::segments::SegmentKey> after,
                                                             int limit) override;
    Result<std::int64_t> add_members(Id workspace_id, Id segment_id, const std::vector<Id>& entity_ids,
                                     UnixMillis at) override;
    Result<bool> remove_member(Id workspace_id, Id segment_id, Id entity_id) override;
    Status upsert_snapshot(Id workspace_id, Id segment_id, const domain::segments::Snapshot& snapshot) override;
    Result<bool> has_snapshot(Id workspace_id, Id segment_id, const std::string& day) override;
    Result<std::vector<domain::segments::Snapshot>> snapshots(Id workspace_id, Id segment_id, const std::string& from,
                                                              const std::string& to, int limit) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
