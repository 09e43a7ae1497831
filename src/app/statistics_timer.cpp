#include "app/statistics_timer.hpp"

namespace rapport::app {

StatisticsTimer::StatisticsTimer(storage::StatisticsMaintenance& maintenance, std::chrono::milliseconds period)
    : maintenance_(maintenance), period_(period) {}

void StatisticsTimer::start() {
    loop_.start([this] {
        // The maintenance reports (logs) its own outcome; a failure waits for the next period.
        do {
            maintenance_.after_bulk_write();
        } while (loop_.wait_for(period_));
    });
}

}  // namespace rapport::app
