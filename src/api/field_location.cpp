#include "api/field_location.hpp"

#include "core/json_pointer.hpp"

namespace rapport::api {

void place_field_errors(const http::RequestContext& ctx, Error& error) {
    for (auto& field : error.fields) {
        const std::string& path = field.pointer;
        if (path.size() < 2 || path[0] != '/') continue;  // already placed, or the whole input
        const auto end = path.find('/', 1);
        const std::string token = unescape_json_pointer_token(path.substr(1, end == std::string::npos ? end : end - 1));
        if (ctx.query.has(token)) field.pointer = "?" + token + (end == std::string::npos ? "" : path.substr(end));
    }
}

}  // namespace rapport::api
