#pragma once
// The privacy area's routes: Consent and the data subject's rights.
// What they use beyond the shared ApiContext; the privacy module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/privacy/privacy_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct PrivacyApi : ApiContext {
    domain::privacy::PrivacyService& privacy;
};

void register_privacy_routes(http::Router& router, PrivacyApi& api);

}  // namespace rapport::api
