#pragma once
// The imports area's routes: CSV imports: upload, mapping, dry run, run, rejected rows.
// What they use beyond the shared ApiContext; the imports module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/imports/import_parts.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct ImportApi : ApiContext {
    domain::imports::ImportParts imports;
};

void register_import_routes(http::Router& router, ImportApi& api);

}  // namespace rapport::api
