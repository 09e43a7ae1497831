#pragma once
// Strict reading of JSON request bodies: malformed JSON is a 400; a body that parses is
// checked field by field and every problem is reported at once (missing fields, wrong
// types, unknown fields), each with its JSON pointer.
#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "http/message.hpp"

namespace rapport::api {

using nlohmann::json;

class JsonBody {
public:
    // Parses the request body; BadRequest when it is not a JSON object.
    static Result<JsonBody> parse(const http::RequestContext& ctx);
    explicit JsonBody(json doc) : doc_(std::move(doc)) {}

    // Each getter records an error when the field is present with the wrong type, or
    // absent while required; it returns nullopt in both cases.
    std::optional<std::string> string(const std::string& key, bool required = false);
    std::optional<bool> boolean(const std::string& key, bool required = false);
    std::optional<std::int64_t> integer(const std::string& key, bool required = false);
    // A nested array of objects; returns nullopt when absent or not an array.
    std::optional<std::vector<json>> objects(const std::string& key, bool required = false);
    // A list of strings; records an error when present with another shape.
    std::optional<std::vector<std::string>> string_list(const std::string& key, bool required = false);
    bool has(const std::string& key) const { return doc_.contains(key); }
    const json& document() const { return doc_; }
    // For members read directly from document(): not reported as unknown by finish().
    void mark_known(const std::string& key) { known_.insert(key); }

    void error(std::string pointer, std::string message) {
        errors_.push_back({std::move(pointer), std::move(message)});
    }
    void error(FieldError error) { errors_.push_back(std::move(error)); }
    // An error whose message is the catalogue's `key` (core/messages.hpp).
    void localized_error(std::string pointer, std::string key, MessageArgs args = {}) {
        errors_.push_back(FieldError::localized(std::move(pointer), std::move(key), std::move(args)));
    }

    // Flags unknown fields and hands over every collected error without failing, for
    // callers that report them together with later checks.
    std::vector<FieldError> take_errors();

    // Flags fields that no getter asked for, then fails with every collected error. `what` is
    // the catalogue key of a plural message taking {count} ("teams.create_invalid": "the team
    // cannot be created: {count} fields need attention"); an English phrase still works and
    // makes an English detail.
    Status finish(const std::string& what);

private:
    const json* field(const std::string& key, bool required);
    json doc_;
    std::set<std::string> known_;
    std::vector<FieldError> errors_;
};

}  // namespace rapport::api
