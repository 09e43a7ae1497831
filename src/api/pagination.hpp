#pragma once
// `?limit=` (1..500, default 50) and `?cursor=` (opaque; today the last id seen).
#include "core/error.hpp"
#include "domain/page.hpp"
#include "http/message.hpp"

namespace rapport::api {

// `?limit=` alone: the default when absent, else a whole number from 1 to max_limit.
tl::expected<int, FieldError> limit_param(const http::RequestContext& ctx, int default_limit, int max_limit);

Result<domain::PageRequest> page_request(const http::RequestContext& ctx, int default_limit = 50, int max_limit = 500);

// Parses a path parameter that must be a record id.
Result<Id> path_id(const http::RequestContext& ctx, std::string_view name, std::string_view what);

}  // namespace rapport::api
