#pragma once
// The daily segment snapshots: a small timer that, on its own thread, records every
// segment's member count (SegmentService::snapshot_all) once at start for the segments that
// lack today's snapshot, then every day shortly after midnight UTC.
//
// It runs off the io threads because a pass counts every segment of every workspace, which
// takes longer than a request may. stop() (or the destructor) wakes it, lets the pass in
// progress finish the segment at hand, and joins the thread.
#include <atomic>
#include <chrono>

#include "app/background_loop.hpp"
#include "domain/segments/segment_service.hpp"

namespace rapport::app {

class SegmentSnapshotTimer {
public:
    // `after_midnight`: how long after 00:00 UTC the daily pass starts.
    explicit SegmentSnapshotTimer(domain::segments::SegmentService& segments,
                                  std::chrono::minutes after_midnight = std::chrono::minutes(5));
    SegmentSnapshotTimer(const SegmentSnapshotTimer&) = delete;
    SegmentSnapshotTimer& operator=(const SegmentSnapshotTimer&) = delete;

    // Starts the thread; its first pass begins at once. Call at most once.
    void start();
    // Idempotent; returns once the thread has ended.
    void stop() { loop_.stop(); }

    // Passes completed since start (for tests and logs).
    int passes() const { return passes_; }

private:
    void run();
    void pass(bool only_missing);

    domain::segments::SegmentService& segments_;
    std::chrono::minutes after_midnight_;
    std::atomic<int> passes_ = 0;
    BackgroundLoop loop_;  // last: stopped (joined) before the members its thread uses go
};

}  // namespace rapport::app
