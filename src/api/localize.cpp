#include "api/localize.hpp"

#include "api/field_location.hpp"
#include "core/messages.hpp"

namespace rapport::api {

std::string_view request_language(const http::RequestContext& ctx) {
    if (auto lang = messages::served_language(ctx.user_language); !lang.empty()) return lang;
    if (auto lang = messages::from_accept_language(ctx.header("Accept-Language")); !lang.empty()) return lang;
    return "en";
}

void localize_error(const http::RequestContext& ctx, Error& error) {
    const std::string_view lang = request_language(ctx);
    // A detail outside the catalogue is English whatever was asked, and says so.
    error.language = error.key.empty() ? "en" : std::string(lang);
    if (lang == "en") return;
    if (!error.key.empty()) error.detail = messages::render(error.key, lang, error.args);
    for (auto& field : error.fields) {
        if (!field.key.empty()) field.message = messages::render(field.key, lang, field.args);
    }
}

void filter_error(const http::RequestContext& ctx, Error& error) {
    place_field_errors(ctx, error);
    localize_error(ctx, error);
}

}  // namespace rapport::api
