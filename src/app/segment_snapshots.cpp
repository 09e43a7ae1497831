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

void SegmentSnapshotTimer::start() {
    loop_.start([this] { run(); });
}

void SegmentSnapshotTimer::run() {
    // A server that was down at midnight (or is new) still gets today's snapshots.
    pass(true);
    for (;;) {
        const auto at = next_run(std::chrono::system_clock::now(), after_midnight_);
        if (!loop_.wait_until(at)) return;
        // Waits can end a little early (clock adjustments); the pass is idempotent per day.
        pass(false);
    }
}

void SegmentSnapshotTimer::pass(bool only_missing) {
    const auto keep_going = [this] { return loop_.running(); };
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
    ++passes_;
}

}  // namespace rapport::app
