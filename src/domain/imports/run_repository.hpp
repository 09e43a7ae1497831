#pragma once
// What ImportRunner stores: who owns a run, the batch commit that writes records and advances
// the checkpoint in one transaction, and the end of a run. Thread-safe; each method atomic;
// scoped to one workspace.
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/imports/import_job.hpp"

namespace rapport::domain::imports {

class RunRepository {
public:
    virtual ~RunRepository() = default;

    // Makes `run_id` the owner of the job and moves it to Running, when it is Mapped or
    // Failed, or Running with a heartbeat older than `stale_before` (its server died).
    // False when the job is in no such state.
    virtual Result<bool> claim(Id workspace_id, Id import_id, Id run_id, UnixMillis now, UnixMillis stale_before) = 0;
    // One transaction: the checkpoint moves from rows_done_before to rows_done_after (with
    // the counts and the heartbeat) only if the job is still Running under this run and at
    // that checkpoint; then the records and rejected rows are written. Conflict, with
    // nothing written, when the job was cancelled, taken over or already advanced.
    virtual Status commit_batch(const BatchCommit& batch) = 0;
    // Ends a run (Completed or Failed, with an error message for Failed). False when the
    // job is no longer Running under `run_id`.
    virtual Result<bool> finish(Id workspace_id, Id import_id, Id run_id, ImportStatus status,
                                const std::optional<std::string>& error, UnixMillis now) = 0;
    // Moves an Uploaded, Mapped or Running job to Cancelled. False in any other state.
    virtual Result<bool> cancel(Id workspace_id, Id import_id, UnixMillis now) = 0;
    // Best effort, after a batch of a run that has created `rows_added` records so far: when
    // the database believes the table is much smaller than that, it refreshes its statistics,
    // so the next batches' look-ups (and everyone's list queries) are planned for the table's
    // real size. An import outruns PostgreSQL's autovacuum, whose stale row counts would
    // otherwise turn the IN look-ups into scans of the whole workspace.
    virtual void refresh_statistics(customers::EntityType type, std::int64_t rows_added) = 0;
};

}  // namespace rapport::domain::imports
