#pragma once
// The composition root: opens the database, runs migrations and wires repositories into
// services. The only place that knows every layer.
#include <memory>

#include "core/clock.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/duplicates/duplicate_service.hpp"
#include "domain/identity/api_key_service.hpp"
#include "domain/identity/auth_cache.hpp"
#include "domain/identity/authentication_service.hpp"
#include "domain/identity/cached_actor_directory.hpp"
#include "domain/identity/login_throttle.hpp"
#include "domain/identity/role_grant_service.hpp"
#include "domain/identity/user_service.hpp"
#include "domain/identity/workspace_bootstrap.hpp"
#include "domain/imports/import_service.hpp"
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
    domain::AuthenticationService& authentication() { return authentication_; }
    domain::UserService& users() { return users_; }
    domain::ApiKeyService& api_keys() { return api_keys_; }
    domain::RoleGrantService& role_grants() { return role_grants_; }
    domain::ActorDirectory& actors() { return actors_; }
    domain::WorkspaceBootstrap& workspaces() { return workspaces_; }
    domain::TeamService& teams() { return teams_; }
    domain::AuditRepository& audit() { return audit_repo_; }
    domain::customers::CustomerService& customers() { return customers_; }
    domain::customers::CustomerRepository& customer_repository() { return customer_repo_; }
    domain::timeline::TimelineService& timeline() { return timeline_; }
    domain::search::SearchService& search() { return search_; }
    domain::privacy::PrivacyService& privacy() { return privacy_; }
    domain::segments::SegmentService& segments() { return segments_; }
    domain::partitions::PartitionService& partitions() { return partitions_; }
    domain::imports::ImportService& imports() { return imports_; }
    domain::duplicates::DuplicateService& duplicates() { return duplicates_; }
    domain::WorkspaceRepository& workspace_repository() { return identity_repo_; }
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
    domain::AuthCache auth_cache_;
    domain::CachedActorDirectory actors_;
    domain::AuthenticationService authentication_;
    domain::UserService users_;
    domain::ApiKeyService api_keys_;
    domain::RoleGrantService role_grants_;
    domain::WorkspaceBootstrap workspaces_;
    domain::TeamService teams_;
    domain::customers::CustomerService customers_;
    domain::timeline::TimelineService timeline_;
    domain::search::SearchService search_;
    domain::privacy::PrivacyService privacy_;
    domain::segments::SegmentService segments_;
    domain::partitions::PartitionService partitions_;
    domain::duplicates::DuplicateService duplicates_;
    // Last, so it is destroyed first: its worker stops (see import_service.hpp) while the
    // database and the services it uses still exist.
    storage::SqlImportRepository import_repo_;
    domain::imports::ImportService imports_;
};

}  // namespace rapport::app
