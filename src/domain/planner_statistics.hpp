#pragma once
// What use cases may ask of the database's query planner statistics without knowing SQL.
//
// A database plans each query from statistics of its tables, gathered at some moment. After a
// bulk write (an import, a merge) the tables can be many times larger than the statistics
// say, and the planner then picks scans and wrong indexes (a create in a workspace grown
// from empty to 147,000 people took 22 ms instead of 1.4 ms). The storage layer implements
// this interface (storage/statistics_maintenance.hpp); a server also refreshes periodically.
namespace rapport::domain {

class PlannerStatistics {
public:
    virtual ~PlannerStatistics() = default;

    // Best effort and thread-safe: refreshes the statistics of the tables that grew enough
    // since they were gathered. Never fails the caller (a failure is reported, not raised);
    // cheap when nothing grew.
    virtual void after_bulk_write() noexcept = 0;
};

}  // namespace rapport::domain
