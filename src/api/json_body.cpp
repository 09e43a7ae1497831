#include "api/json_body.hpp"

#include <cstdint>

#include "api/json_syntax_error.hpp"

namespace rapport::api {

Result<JsonBody> JsonBody::parse(const http::RequestContext& ctx) {
    const auto type = ctx.header("Content-Type");
    if (!type.empty() && type.find("json") == std::string_view::npos) {
        return fail(
            Error::localized(ErrorCode::BadRequest, "common.body_not_json_type", {{"type", std::string(type)}}));
    }
    json doc = json::parse(ctx.request.body(), nullptr, false);
    if (doc.is_discarded()) {
        // Parsed again only on failure, to say where the JSON breaks; a number out of range
        // lands here too rather than escaping as an exception (a 500).
        const auto error = find_json_error(ctx.request.body());
        if (error && !error->key.empty()) {
            return fail(Error::localized(ErrorCode::BadRequest, error->key, error->args));
        }
        return fail(Error::localized(ErrorCode::BadRequest, "common.body_not_json"));
    }
    if (!doc.is_object()) return fail(Error::localized(ErrorCode::BadRequest, "common.body_not_object"));
    return JsonBody(std::move(doc));
}

const json* JsonBody::field(const std::string& key, bool required) {
    known_.insert(key);
    auto it = doc_.find(key);
    if (it == doc_.end() || it->is_null()) {
        if (required) errors_.push_back(FieldError::localized("/" + key, "common.required"));
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> JsonBody::string(const std::string& key, bool required) {
    const json* v = field(key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        errors_.push_back(FieldError::localized("/" + key, "common.must_be_string"));
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::optional<bool> JsonBody::boolean(const std::string& key, bool required) {
    const json* v = field(key, required);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        errors_.push_back(FieldError::localized("/" + key, "common.must_be_bool"));
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<std::int64_t> JsonBody::integer(const std::string& key, bool required) {
    const json* v = field(key, required);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
        errors_.push_back(FieldError::localized("/" + key, "common.must_be_integer"));
        return std::nullopt;
    }
    // Above INT64_MAX nlohmann keeps an unsigned value that get<int64_t> would wrap.
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
        errors_.push_back(FieldError::localized("/" + key, "common.integer_too_large"));
        return std::nullopt;
    }
    return v->get<std::int64_t>();
}

std::optional<std::vector<json>> JsonBody::objects(const std::string& key, bool required) {
    const json* v = field(key, required);
    if (!v) return std::nullopt;
    if (!v->is_array()) {
        errors_.push_back(FieldError::localized("/" + key, "common.must_be_array"));
        return std::nullopt;
    }
    std::vector<json> out;
    for (std::size_t i = 0; i < v->size(); ++i) {
        if (!(*v)[i].is_object()) {
            errors_.push_back(FieldError::localized("/" + key + "/" + std::to_string(i), "common.must_be_object"));
            continue;
        }
        out.push_back((*v)[i]);
    }
    return out;
}

std::optional<std::vector<std::string>> JsonBody::string_list(const std::string& key, bool required) {
    const json* v = field(key, required);
    if (!v) return std::nullopt;
    if (!v->is_array()) {
        errors_.push_back(FieldError::localized("/" + key, "common.must_be_list_of_strings"));
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v->size(); ++i) {
        if (!(*v)[i].is_string()) {
            errors_.push_back(FieldError::localized("/" + key + "/" + std::to_string(i), "common.must_be_string"));
            continue;
        }
        out.push_back((*v)[i].get<std::string>());
    }
    return out;
}

std::vector<FieldError> JsonBody::take_errors() {
    for (const auto& [key, value] : doc_.items()) {
        if (!known_.count(key)) errors_.push_back(FieldError::localized("/" + key, "common.unknown_field"));
    }
    return std::move(errors_);
}

Status JsonBody::finish(const std::string& what) {
    for (const auto& [key, value] : doc_.items()) {
        if (!known_.count(key)) errors_.push_back(FieldError::localized("/" + key, "common.unknown_field"));
    }
    if (errors_.empty()) return {};
    if (messages::has(what)) {
        const std::string count = std::to_string(errors_.size());
        return fail(Error::localized(ErrorCode::Validation, what, {{"count", count}}, std::move(errors_)));
    }
    const std::string detail = what + ": " + std::to_string(errors_.size()) + " field(s) need attention";
    return fail(Error::validation(detail, std::move(errors_)));
}

}  // namespace rapport::api
