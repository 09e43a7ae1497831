#pragma once
// Authenticating a request: `Authorization: Bearer <token>` (API keys, or a session token
// for non-browser clients) or the `rapport_session` cookie. Cookie-authenticated writes
// must carry the matching `X-CSRF-Token` header (SameSite=Lax alone leaves top-level
// POST forms from other sites exposed on older browsers).
#include "api/api_context.hpp"
#include "domain/identity/entities.hpp"
#include "http/message.hpp"

namespace rapport::api {

constexpr const char* kSessionCookie = "rapport_session";

Result<domain::Principal> authenticate(const http::RequestContext& ctx, ApiContext& api);

// The session token from the cookie header, if any.
std::string session_cookie(const http::RequestContext& ctx);

}  // namespace rapport::api
