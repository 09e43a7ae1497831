#pragma once
// The composition root: opens the database, runs migrations and wires repositories into
// services. The only place that knows every layer.
#include <memory>

#include "core/clock.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/duplicates/duplicate_service.hpp"
#include "domain/identity/identity_service.hpp"
#include "domain/identity/login_throttle.hpp"
#include "domain/imports/import_parts.hpp"
#include "domain/partitions/partition_service.hpp"
#include "domain/privacy/privacy_service.hpp"
#include "domain/search/search_service.hpp"
#include "domain/segments/segment_service.hpp"
#include "domain/teams/team_service.hpp"
#include "domain/timeline/timeline_service.hpp"
#include "storage/database.hpp"
#include "storage/repositories/sql_audit_repository.hpp"
#include "storage/repositories/sql_customer_repository.hpp"
#include "storage/repositories/sql_duplicate_repository.hpp"
#include "storage/repositories/sql_identity_repository.hpp"
#include "storage/repositories/sql_import_repository.hpp"
#include "storage/repositories/sql_partition_repository.hpp"
#include "storage/repositories/sql_privacy_repository.hpp"
#include "storage/repositories/sql_search_repository.hpp"
#include "storage/repositories/sql_segment_repository.hpp"
#include "storage/repositories/sql_team_repository.hpp"
#include "storage/repositories/sql_timeline_repository.hpp"
#include "storage/statistics_maintenance.hpp"

namespace rapport::app {

class Services {
public:
    // Opens `database_url`, applies pending migrations, builds the services.
    static Result<std::unique_ptr<Services>> open(const std::string& database_url);

    storage::Database& database() { return *db_; }
    domain::IdentityService& identity() { return identity_; }
    domain::TeamService& teams() { return teams_; }
    domain::AuditRepository& audit() { return audit_repo_; }
    domain::customers::CustomerService& customers() { return customers_; }
    domain::customers::CustomerRepository& customer_repository() { return customer_repo_; }
    domain::timeline::TimelineService& timeline() { return timeline_; }
    domain::search::SearchService& search() { return search_; }
    domain::privacy::PrivacyService& privacy() { return privacy_; }
    domain::segments::SegmentService& segments() { return segments_; }
    domain::partitions::PartitionService& partitions() { return partitions_; }
    domain::imports::ImportParts imports() {
        return {import_uploads_, import_mapper_, import_runner_, import_rejections_};
    }
    domain::duplicates::DuplicateService& duplicates() { return duplicates_; }
    domain::IdentityRepository& identity_repository() { return identity_repo_; }
    const Clock& clock() const { return clock_; }
    // The planner statistics' upkeep (imports, merges and serve's periodic timer call it).
    storage::StatisticsMaintenance& statistics() { return statistics_; }

private:
    explicit Services(std::unique_ptr<storage::Database> db);

    std::unique_ptr<storage::Database> db_;
    SystemClock clock_;
    storage::StatisticsMaintenance statistics_;
    storage::SqlIdentityRepository identity_repo_;
    storage::SqlTeamRepository team_repo_;
    storage::SqlAuditRepository audit_repo_;
    storage::SqlCustomerRepository customer_repo_;
    storage::SqlTimelineRepository timeline_repo_;
    storage::SqlSearchRepository search_repo_;
    storage::SqlPrivacyRepository privacy_repo_;
    storage::SqlSegmentRepository segment_repo_;
    storage::SqlPartitionRepository partition_repo_;
    storage::SqlDuplicateRepository duplicate_repo_;
    domain::LoginThrottle throttle_;
    domain::IdentityService identity_;
    domain::TeamService teams_;
    domain::customers::CustomerService customers_;
    domain::timeline::TimelineService timeline_;
    domain::search::SearchService search_;
    domain::privacy::PrivacyService privacy_;
    domain::segments::SegmentService segments_;
    domain::partitions::PartitionService partitions_;
    domain::duplicates::DuplicateService duplicates_;
    storage::SqlImportRepository import_repo_;
    domain::imports::ImportUploads import_uploads_;
    domain::imports::ImportMapper import_mapper_;
    domain::imports::ImportRejections import_rejections_;
    // Last, so it is destroyed first: its worker stops (see import_runner.hpp) while the
    // database and the services it uses still exist.
    domain::imports::ImportRunner import_runner_;
};

}  // namespace rapport::app
