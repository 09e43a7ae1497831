#include "app/statistics_timer.hpp"

namespace rapport::app {

StatisticsTimer::StatisticsTimer(storage::StatisticsMaintenance& maintenance, std::chrono::milliseconds period)
    : maintenance_(maintenance), period_(period) {}

StatisticsTimer::~StatisticsTimer() {
    stop();
}

void StatisticsTimer::start() {
    thread_ = std::thread([this] { run(); });
}

void StatisticsTimer::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void StatisticsTimer::run() {
    for (;;) {
        // The maintenance reports (logs) its own outcome; a failure waits for the next period.
        maintenance_.after_bulk_write();
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, period_, [this] { return stopping_; })) return;
    }
}

}  // namespace rapport::app
