#pragma once
// What the API handlers share: the domain services and a few server facts. Built once by
// the composition root (src/app) and outliving the server.
#include <string>

#include "domain/audit/audit_repository.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/duplicates/duplicate_service.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/identity/api_key_service.hpp"
#include "domain/identity/authentication_service.hpp"
#include "domain/identity/role_grant_service.hpp"
#include "domain/identity/user_service.hpp"
#include "domain/imports/import_service.hpp"
#include "domain/partitions/partition_service.hpp"
#include "domain/privacy/privacy_service.hpp"
#include "domain/search/search_service.hpp"
#include "domain/segments/segment_service.hpp"
#include "domain/teams/team_service.hpp"
#include "domain/timeline/timeline_service.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace rapport::api {

struct ApiContext {
    domain::AuthenticationService& authentication;
    domain::UserService& users;
    domain::ApiKeyService& api_keys;
    domain::RoleGrantService& role_grants;
    domain::ActorDirectory& actors;
    domain::TeamService& teams;
    domain::customers::CustomerService& customers;
    domain::timeline::TimelineService& timeline;
    domain::search::SearchService& search;
    domain::privacy::PrivacyService& privacy;
    domain::segments::SegmentService& segments;
    domain::partitions::PartitionService& partitions;
    domain::imports::ImportService& imports;
    domain::duplicates::DuplicateService& duplicates;
    domain::AuditRepository& audit;
    storage::Database& database;
    http::MetricsRegistry& metrics;
    std::string version;
    bool demo_login_hint = false;  // a fresh demo install offers its login on the sign-in page
    std::string demo_email;
    std::string demo_password;
};

// Route registration, one function per area (each in its own routes_*.cpp file).
void register_system_routes(http::Router& router, ApiContext& api);
void register_auth_routes(http::Router& router, ApiContext& api);
void register_user_routes(http::Router& router, ApiContext& api);
void register_team_routes(http::Router& router, ApiContext& api);
void register_api_key_routes(http::Router& router, ApiContext& api);
void register_audit_routes(http::Router& router, ApiContext& api);
void register_customer_routes(http::Router& router, ApiContext& api);
void register_timeline_routes(http::Router& router, ApiContext& api);
void register_search_routes(http::Router& router, ApiContext& api);
void register_import_routes(http::Router& router, ApiContext& api);
void register_privacy_routes(http::Router& router, ApiContext& api);
void register_segment_routes(http::Router& router, ApiContext& api);
void register_export_routes(http::Router& router, ApiContext& api);
void register_partition_routes(http::Router& router, ApiContext& api);
void register_duplicate_routes(http::Router& router, ApiContext& api);

// Every route of the API, in one call.
void register_all_routes(http::Router& router, ApiContext& api);

}  // namespace rapport::api
