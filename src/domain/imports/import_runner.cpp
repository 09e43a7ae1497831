#include "domain/imports/import_runner.hpp"

#include <exception>
#include <utility>

#include "core/bounded_queue.hpp"
#include "domain/imports/batch_planner.hpp"
#include "domain/imports/import_access.hpp"
#include "domain/imports/row_source.hpp"

namespace rapport::domain::imports {

using customers::EntityType;

namespace {

std::string interrupted_message(std::int64_t rows_done, std::int64_t rows_total, std::string_view cause) {
    return "interrupted after row " + std::to_string(rows_done) + " of " + std::to_string(rows_total) + ": " +
           std::string(cause) + "; start the import again to resume from row " + std::to_string(rows_done + 1) +
           " (rows already imported are kept and are not imported twice)";
}

}  // namespace

ImportRunner::ImportRunner(ImportReader& reader, RunRepository& repo, ImportMapper& mapper,
                           customers::CustomerService& customers, const Clock& clock, ImportOptions options,
                           PlannerStatistics* statistics)
    : reader_(reader),
      repo_(repo),
      mapper_(mapper),
      customers_(customers),
      clock_(clock),
      options_(options),
      statistics_(statistics) {}

ImportRunner::~ImportRunner() {
    shutdown();
}

bool ImportRunner::active(Id workspace_id, Id import_id) {
    std::lock_guard lock(mutex_);
    return active_.count({workspace_id, import_id}) > 0;
}

Result<ImportJob> ImportRunner::get(const Principal& actor, Id import_id) {
    auto job = RAPPORT_TRY(visible_import(reader_, actor, import_id));
    const UnixMillis now = clock_.now_ms();
    if (job.status == ImportStatus::Running && job.run_id && job.heartbeat_at &&
        *job.heartbeat_at < now - options_.stale_after_ms && !active(job.workspace_id, job.import_id)) {
        // The server that ran it died without a word (crash, kill -9): say so.
        (void)RAPPORT_TRY(
            repo_.finish(job.workspace_id, job.import_id, *job.run_id, ImportStatus::Failed,
                         interrupted_message(job.rows_done, job.rows_total, "the server running it stopped"), now));
        job = RAPPORT_TRY(visible_import(reader_, actor, import_id));
    }
    return job;
}

Result<ImportJob> ImportRunner::start(const Principal& actor, Id import_id) {
    auto job = RAPPORT_TRY(get(actor, import_id));
    switch (job.status) {
        case ImportStatus::Uploaded: return fail(Error::localized(ErrorCode::Conflict, "imports.map_first"));
        case ImportStatus::Running:
            return fail(Error::localized(ErrorCode::Conflict, "imports.already_running_resume",
                                         {{"seconds", std::to_string(options_.stale_after_ms / 1000)}}));
        case ImportStatus::Completed: return fail(Error::localized(ErrorCode::Conflict, "imports.already_complete"));
        case ImportStatus::Cancelled:
            return fail(Error::localized(ErrorCode::Conflict, "imports.cancelled_no_restart"));
        case ImportStatus::Mapped:
        case ImportStatus::Failed: break;
    }
    (void)RAPPORT_TRY(mapper_.mapping_of(actor, job));
    const auto context = RAPPORT_TRY(customers_.write_context(actor, job.entity_type));
    RAPPORT_CHECK(check_may_import(context, actor, job.entity_type));
    QueuedRun queued{actor, job.workspace_id, job.import_id, new_id(), std::make_shared<std::atomic<bool>>(false)};
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return fail(Error::localized(ErrorCode::Unavailable, "imports.server_stopping"));
        if (active_.count({queued.workspace_id, queued.import_id})) {
            return fail(Error::localized(ErrorCode::Conflict, "imports.already_running"));
        }
        const UnixMillis now = clock_.now_ms();
        if (!RAPPORT_TRY(repo_.claim(queued.workspace_id, queued.import_id, queued.run_id, now,
                                     now - options_.stale_after_ms))) {
            return fail(Error::localized(ErrorCode::Conflict, "imports.changed_meanwhile"));
        }
        active_[{queued.workspace_id, queued.import_id}] = queued.cancelled;
        queue_.push_back(queued);
        if (!worker_.joinable()) worker_ = std::thread([this] { worker_loop(); });
    }
    wake_.notify_one();
    return visible_import(reader_, actor, import_id);
}

Result<ImportJob> ImportRunner::cancel(const Principal& actor, Id import_id) {
    auto job = RAPPORT_TRY(get(actor, import_id));
    if (job.status == ImportStatus::Completed || job.status == ImportStatus::Cancelled) {
        return fail(Error::localized(ErrorCode::Conflict, "imports.already_" + std::string(to_string(job.status))));
    }
    if (!RAPPORT_TRY(repo_.cancel(job.workspace_id, job.import_id, clock_.now_ms()))) {
        return fail(Error::localized(ErrorCode::Conflict, "imports.finished_meanwhile"));
    }
    {
        std::lock_guard lock(mutex_);
        if (auto it = active_.find({job.workspace_id, job.import_id}); it != active_.end()) *it->second = true;
    }
    return visible_import(reader_, actor, import_id);
}

void ImportRunner::shutdown() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        stop_requested_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void ImportRunner::worker_loop() {
    for (;;) {
        QueuedRun queued;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;
            queued = std::move(queue_.front());
            queue_.pop_front();
        }
        if (stop_requested_) {
            interrupt(queued, "the server shut down before it began");
        } else {
            run(queued);
        }
        std::lock_guard lock(mutex_);
        active_.erase({queued.workspace_id, queued.import_id});
    }
}

void ImportRunner::interrupt(const QueuedRun& queued, const std::string& why) {
    auto job = reader_.find(queued.workspace_id, queued.import_id);
    if (!job || !*job) return;
    (void)repo_.finish(queued.workspace_id, queued.import_id, queued.run_id, ImportStatus::Failed,
                       interrupted_message((*job)->rows_done, (*job)->rows_total, why), clock_.now_ms());
}

void ImportRunner::run(const QueuedRun& queued) {
    std::string failure;
    try {
        auto done = run_batches(queued);
        if (done) return;
        failure = done.error().detail;
    } catch (const std::exception& e) {
        failure = std::string("internal error: ") + e.what();
    }
    // A failed run keeps its committed batches; starting it again resumes after them.
    auto job = reader_.find(queued.workspace_id, queued.import_id);
    const std::int64_t rows_done = job && *job ? (*job)->rows_done : 0;
    (void)repo_.finish(queued.workspace_id, queued.import_id, queued.run_id, ImportStatus::Failed,
                       "the import stopped after row " + std::to_string(rows_done) + ": " + failure +
                           "; start it again to resume from row " + std::to_string(rows_done + 1),
                       clock_.now_ms());
}

Status ImportRunner::run_batches(const QueuedRun& queued) {
    auto found = RAPPORT_TRY(reader_.find(queued.workspace_id, queued.import_id));
    if (!found || found->status != ImportStatus::Running || found->run_id != queued.run_id) return {};
    const ImportJob job = std::move(*found);
    const auto mapping = RAPPORT_TRY(mapper_.mapping_of(queued.actor, job));
    const auto context = RAPPORT_TRY(customers_.write_context(queued.actor, job.entity_type));
    const std::string content = RAPPORT_TRY(reader_.content(job.workspace_id, job.import_id));

    // Two threads, one per core: a planner reads, validates and normalises the next batches
    // (planned ahead at most options.batches_ahead) while this thread commits them in order.
    // The planner keeps the records of batches not yet committed in flight (BatchPlanner), so
    // every batch is planned as if the ones before it were committed; nothing else changes:
    // each batch still commits whole with its checkpoint, and a batch planned but not
    // committed when the run stops is simply dropped.
    struct Planned {
        std::uint64_t sequence = 0;
        std::int64_t rows_done_after = 0;
        Result<PlannedBatch> batch = PlannedBatch{};
    };
    BoundedQueue<Planned> queue(options_.batches_ahead);
    std::atomic<std::uint64_t> committed{0};
    std::thread planning([&] {
        try {
            CustomerServicePlanning lookups(customers_);
            BatchPlanner planner(lookups, queued.actor, job, mapping, context, false);
            RowSource source(content, job.delimiter);
            std::vector<CsvRecord> batch;
            for (std::uint64_t sequence = 1;; ++sequence) {
                next_batch(source, job.rows_done, options_.batch_rows, batch);
                if (batch.empty()) break;
                planner.forget_committed(committed.load());
                Planned planned{sequence, static_cast<std::int64_t>(batch.back().number) - 1,
                                planner.plan(batch, sequence)};
                const bool failed = !planned.batch;
                if (!queue.push(std::move(planned)) || failed) break;
            }
        } catch (const std::exception& e) {
            queue.push({0, 0, fail(Error::internal(std::string("internal error: ") + e.what()))});
        }
        queue.close();
    });
    // Whatever way this thread leaves, the planner stops and is joined first.
    struct Join {
        BoundedQueue<Planned>& queue;
        std::thread& thread;
        ~Join() {
            queue.close();
            thread.join();
        }
    } join{queue, planning};

    // A third thread runs the batch observer (the duplicate check) on committed batches, so
    // the writer goes on with the next batch meanwhile: on SQLite the check's reads run on
    // their own connection beside the writer. At most one batch waits for it; the run ends
    // (and the job is completed) only after it has seen every committed batch. Declared after
    // the planner's, it is joined before it.
    struct Written {
        Id workspace_id = 0;
        EntityType type = EntityType::Person;
        std::vector<Id> ids;
    };
    BoundedQueue<Written> written_queue(1);
    std::thread observing;
    if (after_batch_) {
        observing = std::thread([&] {
            while (auto batch = written_queue.pop()) after_batch_(batch->workspace_id, batch->type, batch->ids);
        });
    }
    struct Drain {
        BoundedQueue<Written>& queue;
        std::thread& thread;
        void wait() {
            queue.close();
            if (thread.joinable()) thread.join();
        }
        ~Drain() { wait(); }
    } drain{written_queue, observing};

    std::int64_t rows_done = job.rows_done;
    std::int64_t created = 0;  // by this run
    while (auto planned = queue.pop()) {
        if (*queued.cancelled) return {};  // cancel() already recorded it
        if (stop_requested_) {
            (void)RAPPORT_TRY(repo_.finish(job.workspace_id, job.import_id, queued.run_id, ImportStatus::Failed,
                                           interrupted_message(rows_done, job.rows_total, "the server shut down"),
                                           clock_.now_ms()));
            return {};
        }
        if (!planned->batch) return fail(std::move(planned->batch).error());
        auto& batch = *planned->batch;
        BatchCommit commit;
        commit.workspace_id = job.workspace_id;
        commit.import_id = job.import_id;
        commit.run_id = queued.run_id;
        commit.rows_done_before = rows_done;
        commit.rows_done_after = planned->rows_done_after;
        commit.created = batch.created;
        commit.updated = batch.updated;
        commit.unchanged = batch.unchanged;
        commit.rejected = static_cast<std::int64_t>(batch.rejected.size());
        commit.flagged = static_cast<std::int64_t>(batch.flagged.size());
        commit.at = clock_.now_ms();
        commit.inserts = std::move(batch.inserts);
        commit.updates = std::move(batch.updates);
        commit.rejections = std::move(batch.rejected);
        if (auto st = repo_.commit_batch(commit); !st) {
            // Cancelled or taken over by another run: nothing of this batch was written.
            if (st.error().code == ErrorCode::PreconditionFailed) return {};
            return st;
        }
        committed.store(planned->sequence);
        rows_done = commit.rows_done_after;
        created += commit.created;
        if (commit.created > 0) repo_.refresh_statistics(job.entity_type, created);
        if (after_batch_) {
            Written written{job.workspace_id, job.entity_type, {}};
            for (const auto* writes : {&commit.inserts, &commit.updates}) {
                for (const auto& w : *writes) written.ids.push_back(w.record.id);
            }
            if (!written.ids.empty()) written_queue.push(std::move(written));
        }
    }
    drain.wait();
    if (statistics_ && created > 0) statistics_->after_bulk_write();
    (void)RAPPORT_TRY(repo_.finish(job.workspace_id, job.import_id, queued.run_id, ImportStatus::Completed,
                                   std::nullopt, clock_.now_ms()));
    return {};
}

}  // namespace rapport::domain::imports
