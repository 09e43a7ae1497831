#include "api/openapi.hpp"

#include <stdexcept>

namespace rapport::generated {
const char* openapi_json();
}

namespace rapport::api {

namespace {

void merge_unique(nlohmann::json& into, const nlohmann::json& from, std::string_view area, const std::string& what) {
    for (const auto& [key, value] : from.items()) {
        if (into.contains(key)) {
            throw std::logic_error("OpenAPI fragment of area '" + std::string(area) + "' defines " + what + " '" + key +
                                   "' again");
        }
        into[key] = value;
    }
}

}  // namespace

nlohmann::json openapi_document(const std::string& version, const std::vector<OpenApiFragment>& fragments) {
    auto doc = nlohmann::json::parse(generated::openapi_json());
    doc["info"]["version"] = version;
    if (!doc.contains("paths")) doc["paths"] = nlohmann::json::object();
    for (const auto& fragment : fragments) {
        if (fragment.json.empty()) continue;
        const auto part = nlohmann::json::parse(fragment.json);
        for (const auto& [key, value] : part.items()) {
            if (key == "paths") {
                // Two areas may share a path (each its own verbs), never an operation.
                for (const auto& [path, operations] : value.items()) {
                    merge_unique(doc["paths"][path], operations, fragment.area, "an operation of " + path + ":");
                }
            } else if (key == "components") {
                for (const auto& [kind, entries] : value.items()) {
                    merge_unique(doc["components"][kind], entries, fragment.area, "the component " + kind + "/");
                }
            } else if (key == "tags") {
                for (const auto& tag : value) doc["tags"].push_back(tag);
            } else {
                throw std::logic_error("OpenAPI fragment of area '" + std::string(fragment.area) +
                                       "' has a member the base owns: '" + key + "'");
            }
        }
    }
    return doc;
}

}  // namespace rapport::api
