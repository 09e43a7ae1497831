#include "app/segment_snapshots.hpp"

#include <spdlog/spdlog.h>

namespace rapport::app {

namespace {

// The next moment that is `offset` past a UTC midnight, strictly after `now`.
std::chrono::system_clock::time_point next_run(std::chrono::system_clock::time_point now, std::chrono::minutes offset) {
    using namespace std::chrono;
    const auto midnight = floor<days>(now);
    auto at = midnight + offset;
    if (at <= now) at += days(1);
    return at;
}

}  // namespace

SegmentSnapshotTimer::SegmentSnapshotTimer(domain::segments::SegmentService& segments,
                                           std::chrono::minutes after_midnight)
    : segments_(segments), after_midnight_(after_midnight) {}

SegmentSnapshotTimer::~SegmentSnapshotTimer() {
    stop();
}

void SegmentSnapshotTimer::start() {
    thread_ = std::thread([this] { run(); });
}

void SegmentSnapshotTimer::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

int SegmentSnapshotTimer::passes() const {
    std::lock_guard lock(mutex_);
    return passes_;
}

void SegmentSnapshotTimer::run() {
    // A server that was down at midnight (or is new) still gets today's snapshots.
    pass(true);
    for (;;) {
        const auto at = next_run(std::chrono::system_clock::now(), after_midnight_);
        {
            std::unique_lock lock(mutex_);
            if (wake_.wait_until(lock, at, [this] { return stopping_; })) return;
        }
        // Waits can end a little early (clock adjustments); the pass is idempotent per day.
        pass(false);
    }
}

void SegmentSnapshotTimer::pass(bool only_missing) {
    const auto keep_going = [this] {
        std::lock_guard lock(mutex_);
        return !stopping_;
    };
    try {
        auto report = segments_.snapshot_all(only_missing, keep_going);
        if (!report) {
            spdlog::error("segment snapshots: the pass failed: {}", report.error().detail);
        } else {
            if (report->written > 0 || !report->failed.empty()) {
                spdlog::info("segment snapshots: {} written, {} already there, {} failed{}", report->written,
                             report->skipped, report->failed.size(), report->interrupted ? " (interrupted)" : "");
            }
            for (const auto& f : report->failed) spdlog::warn("segment snapshot failed: {}", f);
        }
    } catch (const std::exception& e) {
        // The timer must outlive a bad pass: the next day tries again.
        spdlog::error("segment snapshots: the pass threw: {}", e.what());
    }
    std::lock_guard lock(mutex_);
    ++passes_;
}

}  // namespace rapport::app
