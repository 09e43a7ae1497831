#pragma once
// Where a field the domain found wrong sits in the request. The domain names a field by its
// path in the input it was given, as an RFC 6901 pointer ("/email", "/filter/all/0/field"),
// and knows nothing of HTTP. A path whose first token is a parameter of the request's query
// string points there instead: "?filter/all/0/field", "?cursor". Everything else points into
// the JSON body. Installed on the router (Router::set_error_filter) for every route.
#include "core/error.hpp"
#include "http/message.hpp"

namespace rapport::api {

void place_field_errors(const http::RequestContext& ctx, Error& error);

}  // namespace rapport::api
