#pragma once
// The OpenAPI 3.1 document the server serves at /api/v1/openapi.json: the API reference.
// It is assembled when the server starts from the base in src/api/openapi.json (info,
// security, the components every area shares) and one fragment per area,
// src/api/<area>/openapi.json (its paths and its own components), each embedded at build
// time. A test fails when the document and the router disagree about which routes exist.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace rapport::api {

struct OpenApiFragment {
    std::string_view area;
    std::string_view json;  // {"paths": {...}, "components": {...}}
};

// The assembled document. A path, operation or component that two fragments (or a fragment
// and the base) both define is a mistake in the source tree: it throws std::logic_error
// naming the area and the name, and the tests meet it first.
nlohmann::json openapi_document(const std::string& version, const std::vector<OpenApiFragment>& fragments);

}  // namespace rapport::api
