#pragma once
// The search area's routes: Global search.
// What they use beyond the shared ApiContext; the search module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/search/search_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct SearchApi : ApiContext {
    domain::search::SearchService& search;
};

void register_search_routes(http::Router& router, SearchApi& api);

}  // namespace rapport::api
