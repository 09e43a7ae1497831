#include "storage/statistics_maintenance.hpp"

namespace rapport::storage {

Result<StatisticsRefresh> StatisticsMaintenance::refresh() {
    auto result = db_.refresh_statistics();
    if (report_) report_(result);
    return result;
}

void StatisticsMaintenance::after_bulk_write() noexcept {
    if (!automatic_) return;
    try {
        (void)refresh();
    } catch (const std::exception&) {
        // Best effort by contract: stale statistics slow queries down, they break nothing.
    }
}

}  // namespace rapport::storage
