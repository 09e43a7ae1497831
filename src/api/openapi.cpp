#include "api/openapi.hpp"

namespace rapport::generated {
const char* openapi_json();
}

namespace rapport::api {

nlohmann::json openapi_document(const std::string& version) {
    auto doc = nlohmann::json::parse(generated::openapi_json());
    doc["info"]["version"] = version;
    return doc;
}

}  // namespace rapport::api
