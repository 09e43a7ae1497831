#pragma once
// The service desk's canned replies, public contact form and team assignment routes: each
// takes the shared ApiContext and its own service, so they are added without touching the
// other service-desk routes.
#include "api/api_context.hpp"
#include "domain/servicedesk/assignment_service.hpp"
#include "domain/servicedesk/canned_reply_service.hpp"
#include "domain/servicedesk/contact_form_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

// /api/v1/canned-replies and GET /api/v1/conversations/{id}/canned-replies/{canned_id}.
void register_canned_reply_routes(http::Router& router, ApiContext& api,
                                  domain::servicedesk::CannedReplyService& replies);
// /api/v1/contact-form (admins) and the public /api/v1/public/contact/{workspace_slug}.
void register_contact_form_routes(http::Router& router, ApiContext& api,
                                  domain::servicedesk::ContactFormService& forms);
// /api/v1/service-desk/assignment/{team_id} (managers and above).
void register_assignment_routes(http::Router& router, ApiContext& api,
                                domain::servicedesk::AssignmentService& assignment);

}  // namespace rapport::api
