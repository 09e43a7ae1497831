#pragma once
#include "domain/canvas/canvas_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// The canvases' reads: set-based aggregates (GROUP BY, one statement per figure family) over
// the customers, timeline, service desk, satisfaction, segments, teams, imports and identity
// tables. Every table of every statement is bound to the workspace with a parameter ($1),
// joins included, so a distributed (Citus) planner routes each statement to one shard group.
// The customer sets come from storage/customers' select_records, so a segment selects
// exactly what its list shows, with the reader's record-level permissions.
class SqlCanvasRepository final : public domain::canvas::CanvasRepository {
public:
    explicit SqlCanvasRepository(Database& db) : db_(db) {}

    std::string engine() const override;
    Result<std::int64_t> count(Id workspace_id, const domain::canvas::Selection& selection) override;
    Result<domain::canvas::SelectionFacts> selection_facts(Id workspace_id, const domain::canvas::Selection& selection,
                                                           domain::canvas::Period period, UnixMillis contact_since,
                                                           UnixMillis contact_until) override;
    Result<std::vector<domain::canvas::SnapshotFact>> snapshots(Id workspace_id, Id segment_id,
                                                                const std::string& last_day) override;
    Result<domain::canvas::WorkspaceFacts> workspace_facts(Id workspace_id, const domain::canvas::Selection& people,
                                                           const domain::canvas::Selection& companies,
                                                           domain::canvas::Period period, bool workspace_wide) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
