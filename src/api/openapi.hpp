#pragma once
// The OpenAPI 3.1 document the server serves at /api/v1/openapi.json. It is written by
// hand in src/api/openapi.json (the API reference) and embedded at build time; a test
// fails when it and the router disagree about which routes exist.
#include <nlohmann/json.hpp>

#include <string>

namespace rapport::api {

nlohmann::json openapi_document(const std::string& version);

}  // namespace rapport::api
