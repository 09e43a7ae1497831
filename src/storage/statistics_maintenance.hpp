#pragma once
// The storage side of domain::PlannerStatistics: Database::refresh_statistics behind the
// domain's interface, for the import service (at a job's end), merges and the server's
// periodic maintenance (app/statistics_timer.hpp). Thread-safe; the Database must outlive it.
#include <atomic>
#include <functional>

#include "domain/planner_statistics.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

class StatisticsMaintenance final : public domain::PlannerStatistics {
public:
    // `report` (optional) hears every refresh's outcome, e.g. to log it; storage logs nothing.
    using Reporter = std::function<void(const Result<StatisticsRefresh>&)>;
    explicit StatisticsMaintenance(Database& db, Reporter report = {}) : db_(db), report_(std::move(report)) {}

    // Database::refresh_statistics, its outcome handed to the reporter.
    Result<StatisticsRefresh> refresh();

    // Does nothing while automatic refreshes are off (set_automatic(false)).
    void after_bulk_write() noexcept override;

    // On by default. Off only to measure or diagnose a database whose statistics are left as
    // they are (`rapport serve --maintain-statistics false`); refresh() still works.
    void set_automatic(bool on) { automatic_ = on; }
    bool automatic() const { return automatic_; }

private:
    Database& db_;
    Reporter report_;
    std::atomic<bool> automatic_{true};
};

}  // namespace rapport::storage
