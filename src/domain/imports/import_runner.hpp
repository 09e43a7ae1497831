#pragma once
// Runs imports in the background, and answers for the state of every import's run.
//
// Life cycle of an import: upload (ImportUploads: the file is sniffed, transcoded to UTF-8,
// counted and stored) -> set_mapping (ImportMapper: checked whole, every problem answered at
// once, before any work) -> dry_run (ImportMapper, optional, writes nothing) -> start (here: a
// background worker runs it) -> completed, or failed (resumable) or cancelled (final). The
// rejected rows are then downloadable as CSV (ImportRejections).
//
// Guarantees:
//   - One validation path. Every row becomes the CustomerInput the API would receive and goes
//     through CustomerService::prepare_create / prepare_update, the code behind the API's
//     create and update (batch_planner.hpp). The dry run runs the same planner over the same
//     batches, so it reports what the import will do, row by row.
//   - Whole batches. Rows are written in batches of options.batch_rows, each in one
//     transaction together with the checkpoint (rows_done), the counts and the batch's
//     rejected rows. A crash or kill -9 leaves whole batches or nothing, and a resumed run
//     starts right after the last committed batch: no row is ever written twice.
//   - No duplicates. A row updates the record that already has its first key in match_on
//     order (batch_planner.hpp); a row also sees the records that earlier rows created or
//     changed. Importing the same file again creates nothing.
//   - Provenance and history as for API writes: every changed field gets
//     Source{Import, "import:<import_id>:<filename>", data kind of the mapping}; the actor is
//     the person who started the run, who is also the default owner of new records.
//   - Permissions. Only the uploader and the workspace's admins and owners see an import;
//     anyone else (and other workspaces) get NotFound (import_access.hpp). Rows are checked
//     with the record-level permissions of the person who starts the run: a row matching a
//     record they may not change is rejected, not written.
//   - Threads (docs/adr/0002-threading.md). start() only claims the job and queues it; one
//     worker thread, started on first use, runs queued jobs one at a time (SQLite has one
//     writer anyway). Handlers never wait for it. While a job runs, a second thread plans
//     (reads, validates, normalises, looks keys up) up to options.batches_ahead batches
//     ahead of the one the worker commits; the planner treats the records of planned but
//     uncommitted batches as written, so the outcome is the same as planning each batch
//     after the previous one committed. A batch planned but not committed when the run
//     stops is dropped. A third thread hands each committed batch to the batch observer
//     (the duplicate check) while the worker commits the next; the run completes once the
//     observer has seen every committed batch.
//   - Shutdown: shutdown() (also run by the destructor) lets the batch in progress commit,
//     then marks the running import (and queued ones) Failed with a message saying it was
//     interrupted and that starting it again resumes after the last committed row; the
//     thread is joined, so the process exits cleanly. Destroy the runner before anything it
//     uses (the repositories, the mapper, the customers service). An import left Running by a
//     server that died (kill -9) is reported Failed by get() once its heartbeat (one per
//     batch) is older than options.stale_after_ms, and can then be started again the same way.
//
// get() and cancel() live here, not with the uploads, because both need what only the runner
// knows: whether this process has the import queued or running (a queued import's heartbeat
// ages while it waits, yet it is not dead), and the cancel flag of its run.
//
// Thread-safe.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/imports/import_job.hpp"
#include "domain/imports/import_mapper.hpp"
#include "domain/imports/import_options.hpp"
#include "domain/imports/import_reader.hpp"
#include "domain/imports/run_repository.hpp"
#include "domain/planner_statistics.hpp"

namespace rapport::domain::imports {

class ImportRunner {
public:
    // Every collaborator must outlive the runner. `statistics` (optional) is refreshed at the
    // end of every job that created records, before the job is marked completed.
    ImportRunner(ImportReader& reader, RunRepository& repo, ImportMapper& mapper, customers::CustomerService& customers,
                 const Clock& clock, ImportOptions options = {}, PlannerStatistics* statistics = nullptr);
    ~ImportRunner();
    ImportRunner(const ImportRunner&) = delete;
    ImportRunner& operator=(const ImportRunner&) = delete;

    // The import as it stands; one left Running by a server that died is reported Failed
    // first (see the header comment).
    Result<ImportJob> get(const Principal& actor, Id import_id);
    // Queues the import (Mapped, or Failed to resume). Conflict in other states; Forbidden
    // when the actor may not create records; Unavailable once shutdown() began.
    Result<ImportJob> start(const Principal& actor, Id import_id);
    // Stops it for good: no batch commits after this returns. Rows already committed stay.
    Result<ImportJob> cancel(const Principal& actor, Id import_id);

    // Stops the worker (see the header comment). Idempotent; later start() calls fail.
    void shutdown();

    // Called on the run's observer thread after each committed batch with the ids of the records it
    // created or changed (duplicate detection records their candidates). Its failures are
    // its own: the import goes on. Set it before the first start().
    using BatchObserver = std::function<void(Id workspace_id, customers::EntityType type, const std::vector<Id>& ids)>;
    void set_batch_observer(BatchObserver observer) { after_batch_ = std::move(observer); }

private:
    struct QueuedRun {
        Principal actor;
        Id workspace_id = 0;
        Id import_id = 0;
        Id run_id = 0;
        std::shared_ptr<std::atomic<bool>> cancelled;
    };

    bool active(Id workspace_id, Id import_id);
    void worker_loop();
    void run(const QueuedRun& run);
    Status run_batches(const QueuedRun& run);
    void interrupt(const QueuedRun& run, const std::string& why);

    ImportReader& reader_;
    RunRepository& repo_;
    ImportMapper& mapper_;
    customers::CustomerService& customers_;
    const Clock& clock_;
    ImportOptions options_;
    PlannerStatistics* statistics_;
    BatchObserver after_batch_;

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<QueuedRun> queue_;
    // Imports queued or running in this process, with their cancel flags.
    std::map<std::pair<Id, Id>, std::shared_ptr<std::atomic<bool>>> active_;
    std::thread worker_;
    bool stopping_ = false;
    std::atomic<bool> stop_requested_{false};
};

}  // namespace rapport::domain::imports
