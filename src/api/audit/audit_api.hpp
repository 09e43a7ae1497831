#pragma once
// The audit area's routes: The workspace's audit log.
// What they use beyond the shared ApiContext; the audit module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/audit/audit_repository.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct AuditApi : ApiContext {
    domain::AuditRepository& audit;
};

void register_audit_routes(http::Router& router, AuditApi& api);

}  // namespace rapport::api
