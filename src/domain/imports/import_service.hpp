#pragma once
// CSV imports of companies and people.
//
// Life cycle: upload (the file is sniffed, transcoded to UTF-8, counted and stored) ->
// set_mapping (checked whole: every problem answered at once, before any work) -> dry_run
// (optional, writes nothing) -> start (a background worker runs it) -> completed, or
// failed (resumable) or cancelled (final).
//
// Guarantees:
//   - One validation path. Every row becomes the CustomerInput the API would receive and goes
//     through CustomerService::prepare_create / prepare_update, the code behind the API's
//     create and update. The dry run runs the same planner over the same batches, so it
//     reports what the import will do, row by row.
//   - Whole batches. Rows are written in batches of options.batch_rows, each in one
//     transaction together with the checkpoint (rows_done), the counts and the batch's
//     rejected rows. A crash or kill -9 leaves whole batches or nothing, and a resumed run
//     starts right after the last committed batch: no row is ever written twice.
//   - No duplicates. A row updates the record that already has its first key in match_on
//     order (external_id, email, vat_id): keys are looked up once per batch with IN lists, and
//     a row also sees the records that earlier rows of its batch created or changed (earlier
//     batches are committed by then). Importing the same file again creates nothing.
//   - Provenance and history as for API writes: every changed field gets
//     Source{Import, "import:<import_id>:<filename>", data kind of the mapping}; the actor is
//     the person who started the run, who is also the default owner of new records.
//   - Permissions. Only the uploader and the workspace's admins and owners see an import;
//     anyone else (and other workspaces) get NotFound. Rows are checked with the record-level
//     permissions of the person who starts the run: a row matching a record they may not
//     change is rejected, not written.
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
//     thread is joined, so the process exits cleanly. An import left Running by a server
//     that died (kill -9) is reported Failed once its heartbeat (one per batch) is older than
//     options.stale_after_ms, and can then be started again the same way.
//
// Cost: upload and dry_run read the whole file inside the request (upload parses it once
// to count rows; a dry run validates every row, about a second per 50,000 rows). The
// server's body limit (16 MiB by default, `serve --body-limit`) bounds both.
#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/imports/column_mapping.hpp"
#include "domain/imports/import_job.hpp"
#include "domain/imports/import_mapping.hpp"
#include "domain/imports/import_repository.hpp"
#include "domain/planner_statistics.hpp"

namespace rapport::domain::imports {

struct ImportServiceOptions {
    std::size_t batch_rows = 5000;             // rows per transaction
    std::size_t batches_ahead = 2;             // batches planned while the previous one commits
    UnixMillis stale_after_ms = 60'000;        // a Running import without a batch for this long is dead
    std::size_t max_listed_rejections = 1000;  // rows a dry-run report lists (all are counted)
    std::size_t max_filename_bytes = 200;
};

struct UploadResult {
    ImportJob job;
    std::vector<std::vector<std::string>> sample_rows;
    std::vector<ColumnSuggestion> suggestions;
};

struct DryRunReport {
    std::int64_t rows_total = 0;
    std::int64_t would_create = 0;
    std::int64_t would_update = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;
    std::vector<RejectedRow> rejected_rows;  // the first max_listed_rejections, in row order
    bool truncated = false;                  // more rows were rejected than listed
    // Rows that would be imported with flagged values ("invalid_values": "flag"); they are
    // counted in would_create / would_update / unchanged as well.
    std::int64_t flagged = 0;
    std::vector<RejectedRow> flagged_rows;  // the first max_listed_rejections, in row order
    bool flagged_truncated = false;
};

class ImportService {
public:
    // `statistics` (optional, must outlive the service) is refreshed at the end of every job
    // that created records, before the job is marked completed.
    ImportService(ImportRepository& repo, customers::CustomerService& customers, const Clock& clock,
                  ImportServiceOptions options = {}, PlannerStatistics* statistics = nullptr);
    ~ImportService();
    ImportService(const ImportService&) = delete;
    ImportService& operator=(const ImportService&) = delete;

    // Stores `bytes` (a CSV file) as a new import of `type`. Validation errors for a file that
    // is empty, not text, or has no data rows; Forbidden when the actor may not create records.
    Result<UploadResult> upload(const Principal& actor, customers::EntityType type, std::string_view filename,
                                std::string_view bytes);
    Result<ImportJob> get(const Principal& actor, Id import_id);
    // `body` is the mapping request (import_mapping.hpp). Conflict once the import started;
    // Forbidden, naming /invalid_values, when someone below admin asks for "flag"; validation
    // errors at /constants/<target> for constant values a write would refuse.
    Result<ImportJob> set_mapping(const Principal& actor, Id import_id, const nlohmann::json& body);
    Result<ImportMapping> mapping_of(const Principal& actor, const ImportJob& job);
    Result<DryRunReport> dry_run(const Principal& actor, Id import_id);
    // Queues the import (Mapped, or Failed to resume). Conflict in other states.
    Result<ImportJob> start(const Principal& actor, Id import_id);
    // Stops it for good: no batch commits after this returns. Rows already committed stay.
    Result<ImportJob> cancel(const Principal& actor, Id import_id);
    // The rejected rows as CSV (UTF-8 with a byte order mark, the file's delimiter): the
    // file's header plus "error", then each rejected row as it was with its errors.
    Result<std::string> rejected_csv(const Principal& actor, Id import_id);

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

    Result<ImportJob> visible(const Principal& actor, Id import_id);
    // Validation errors at /constants/<target> for constants the customers service refuses.
    Status check_constants(const Principal& actor, customers::EntityType type, const ImportMapping& mapping);
    bool active(Id workspace_id, Id import_id);
    void worker_loop();
    void run(const QueuedRun& run);
    Status run_batches(const QueuedRun& run);
    void interrupt(const QueuedRun& run, const std::string& why);

    ImportRepository& repo_;
    customers::CustomerService& customers_;
    const Clock& clock_;
    ImportServiceOptions options_;
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
