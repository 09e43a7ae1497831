#pragma once
// The server's periodic upkeep of the query planner's statistics: on its own thread, a
// refresh shortly after start (a database grown while no server ran, or by an older one) and
// then every `period` (StatisticsMaintenance::refresh; cheap when no table grew). Imports and
// merges refresh at their end; this catches the growth of everyday creates through the API,
// which no single request should pay for. stop() (or the destructor) wakes and joins it.
#include <chrono>

#include "app/background_loop.hpp"
#include "storage/statistics_maintenance.hpp"

namespace rapport::app {

class StatisticsTimer {
public:
    static constexpr std::chrono::minutes kDefaultPeriod{5};

    explicit StatisticsTimer(storage::StatisticsMaintenance& maintenance,
                             std::chrono::milliseconds period = kDefaultPeriod);
    StatisticsTimer(const StatisticsTimer&) = delete;
    StatisticsTimer& operator=(const StatisticsTimer&) = delete;

    // Starts the thread; its first refresh begins at once. Call at most once.
    void start();
    // Idempotent; returns once the thread has ended.
    void stop() { loop_.stop(); }

private:
    storage::StatisticsMaintenance& maintenance_;
    std::chrono::milliseconds period_;
    BackgroundLoop loop_;
};

}  // namespace rapport::app
