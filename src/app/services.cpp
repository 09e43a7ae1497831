#include "app/services.hpp"

#include <spdlog/spdlog.h>

#include "storage/migrations.hpp"

namespace rapport::app {

namespace {

void log_refresh(const Result<storage::StatisticsRefresh>& refreshed) {
    if (!refreshed) {
        spdlog::warn("planner statistics: the refresh failed: {}", refreshed.error().detail);
    } else if (!refreshed->analyzed.empty()) {
        std::string tables;
        for (const auto& t : refreshed->analyzed) tables += (tables.empty() ? "" : ", ") + t;
        spdlog::info("planner statistics gathered again for the tables that grew: {}", tables);
    }
}

}  // namespace

Services::Services(std::unique_ptr<storage::Database> db)
    : db_(std::move(db)),
      statistics_(*db_, log_refresh),
      identity_repo_(*db_),
      team_repo_(*db_),
      audit_repo_(*db_),
      customer_repo_(*db_),
      timeline_repo_(*db_),
      search_repo_(*db_),
      privacy_repo_(*db_),
      segment_repo_(*db_),
      partition_repo_(*db_),
      duplicate_repo_(*db_),
      throttle_(clock_),
      actors_(identity_repo_, auth_cache_, clock_),
      authentication_(identity_repo_, auth_cache_, clock_, throttle_, {}),
      users_(identity_repo_, actors_, auth_cache_, clock_),
      api_keys_(identity_repo_, auth_cache_, clock_),
      role_grants_(identity_repo_, auth_cache_, clock_),
      workspaces_(identity_repo_, clock_),
      teams_(team_repo_, actors_, clock_),
      customers_(customer_repo_, actors_, clock_),
      timeline_(timeline_repo_, customers_, actors_, users_, clock_),
      search_(search_repo_, actors_, timeline_),
      privacy_(privacy_repo_, customers_, timeline_, clock_),
      segments_(segment_repo_, customers_, actors_, users_, clock_),
      partitions_(partition_repo_, customers_, actors_, users_, teams_, clock_),
      duplicates_(duplicate_repo_, customer_repo_, customers_, actors_, clock_, &statistics_),
      import_repo_(*db_),
      imports_(import_repo_, customers_, clock_, {}, &statistics_) {
    // Imported rows are checked for duplicates batch by batch; a failed check leaves the
    // pairs to the next scan and never fails the import.
    imports_.set_batch_observer(
        [this](Id workspace_id, domain::customers::EntityType type, const std::vector<Id>& ids) {
            if (auto st = duplicates_.check_records(workspace_id, type, ids); !st) {
                spdlog::warn("duplicate check of an import batch failed: {}", st.error().detail);
            }
        });
}

Result<std::unique_ptr<Services>> Services::open(const std::string& database_url) {
    auto db = RAPPORT_TRY(storage::open_database(database_url));
    auto report = RAPPORT_TRY(storage::migrate(*db));
    for (const auto& name : report.applied) spdlog::info("applied migration {}", name);
    return std::unique_ptr<Services>(new Services(std::move(db)));
}

}  // namespace rapport::app
