// The contact form: its settings (GET/PUT /api/v1/contact-form, admins) and the public side,
// which needs no sign-in: GET /api/v1/public/contact/{slug} (a form token and the fields),
// POST (JSON or an HTML form's application/x-www-form-urlencoded) and an embeddable HTML form
// at .../embed.html. Browsers on the origins the admin allowed get CORS headers.
#include <string_view>

#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/localize.hpp"
#include "api/request_auth.hpp"
#include "api/servicedesk/servicedesk_extras_api.hpp"
#include "core/messages.hpp"
#include "http/query_string.hpp"

namespace rapport::api {

using namespace rapport::domain::servicedesk;
using nlohmann::json;

namespace {

constexpr std::string_view kFields[] = {"name", "email", "phone", "subject", "message", "website"};

json settings_json(const ContactFormSettings& s) {
    json origins = json::array();
    for (const auto& o : s.allowed_origins) origins.push_back(o);
    return {{"enabled", s.enabled},
            {"team_id", s.team_id ? json(id_to_string(*s.team_id)) : json(nullptr)},
            {"allowed_origins", origins},
            {"success_message", s.success_message},
            {"updated_at", s.updated_at}};
}

ContactFormInput read_settings(JsonBody& body) {
    ContactFormInput in;
    in.enabled = body.boolean("enabled");
    in.success_message = body.string("success_message");
    if (body.has("team_id")) {
        body.mark_known("team_id");
        const json& v = body.document()["team_id"];
        if (v.is_null()) {
            in.team_id = std::optional<Id>{};
        } else if (auto id = v.is_string() ? parse_id(v.get<std::string>()) : std::nullopt) {
            in.team_id = std::optional<Id>{*id};
        } else {
            body.localized_error("/team_id", "common.record_id_invalid");
        }
    }
    if (body.has("allowed_origins")) {
        body.mark_known("allowed_origins");
        const json& v = body.document()["allowed_origins"];
        std::vector<std::string> origins;
        bool ok = v.is_array();
        if (ok) {
            for (const auto& o : v) {
                if (!o.is_string()) ok = false;
                if (o.is_string()) origins.push_back(o.get<std::string>());
            }
        }
        if (ok) {
            in.allowed_origins = std::move(origins);
        } else {
            body.localized_error("/allowed_origins", "common.must_be_list_of_strings");
        }
    }
    body.mark_known("updated_at");
    return in;
}

std::string slug_of(const http::RequestContext& ctx) {
    return std::string(ctx.param("slug"));
}

// CORS for a browser on an allowed origin; nothing for any other (the browser then refuses).
void allow_origin(http::Response& res, const http::RequestContext& ctx, const ContactFormSettings& settings) {
    auto origin = ctx.header("Origin");
    if (origin.empty() || !origin_allowed(settings, origin)) return;
    res.set("Access-Control-Allow-Origin", std::string(origin));
    res.set("Vary", "Origin");
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

bool is_form_post(const http::RequestContext& ctx) {
    return ctx.header("Content-Type").starts_with("application/x-www-form-urlencoded");
}

bool wants_html(const http::RequestContext& ctx) {
    return is_form_post(ctx) && ctx.header("Accept").find("text/html") != std::string_view::npos;
}

Result<ContactSubmission> read_submission(const http::RequestContext& ctx) {
    ContactSubmission s;
    auto take = [&s](std::string_view key, std::string value) {
        if (key == "name") s.name = std::move(value);
        if (key == "email") s.email = std::move(value);
        if (key == "phone") s.phone = std::move(value);
        if (key == "subject") s.subject = std::move(value);
        if (key == "message") s.message = std::move(value);
        if (key == "website") s.website = std::move(value);
        if (key == "token") s.token = std::move(value);
    };
    if (is_form_post(ctx)) {
        auto params = http::QueryParams::parse(ctx.request.body());
        if (!params) return fail(Error::localized(ErrorCode::BadRequest, "servicedesk.contact_form_body_invalid"));
        for (const auto& [k, v] : params->items()) take(k, v);
        return s;
    }
    auto body = RAPPORT_TRY(JsonBody::parse(ctx));
    for (auto key : kFields) take(key, body.string(std::string(key)).value_or(""));
    take("token", body.string("token").value_or(""));
    body.mark_known("lang");
    RAPPORT_CHECK(body.finish("servicedesk.contact_form_invalid"));
    return s;
}

std::string language_of(const http::RequestContext& ctx, std::string_view given) {
    auto served = messages::served_language(given);
    if (!served.empty()) return std::string(served);
    return std::string(request_language(ctx));
}

std::string label(std::string_view key, const std::string& lang) {
    return html_escape(messages::render("servicedesk.contact_form_" + std::string(key), lang));
}

std::string page(const std::string& lang, const std::string& body) {
    return "<!doctype html>\n<html lang=\"" + lang +
           "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<style>body{font:15px/1.4 system-ui,sans-serif;margin:0;padding:12px;color:#222}"
           "label{display:block;margin:8px 0 2px}input,textarea{width:100%;box-sizing:border-box;padding:6px;"
           "font:inherit}textarea{min-height:8em}.hp{position:absolute;left:-10000px}button{margin-top:12px;"
           "padding:8px 16px;font:inherit}</style></head><body>" +
           body + "</body></html>\n";
}

// The CSP of the served pages: nothing runs; only this server may receive the form; only the
// allowed origins may frame it.
std::string page_policy(const ContactFormSettings& settings) {
    std::string ancestors;
    for (const auto& o : settings.allowed_origins) ancestors += " " + o;
    if (ancestors.empty()) ancestors = " 'none'";
    return "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors" +
           ancestors;
}

http::Response html_response(http::HttpStatus status, std::string body, const ContactFormSettings& settings) {
    auto res = http::make_response(status, std::move(body), "text/html; charset=utf-8");
    res.set("Content-Security-Policy", page_policy(settings));
    res.set("Cache-Control", "no-store");
    return res;
}

std::string embed_form(const std::string& slug, const std::string& lang, const std::string& token) {
    std::string action = "/api/v1/public/contact/" + html_escape(slug);
    std::string f = "<form method=\"post\" action=\"" + action + "\" accept-charset=\"utf-8\">";
    f += "<input type=\"hidden\" name=\"token\" value=\"" + html_escape(token) + "\">";
    f += "<input type=\"hidden\" name=\"lang\" value=\"" + lang + "\">";
    const auto field = [&](const char* name, const char* type, bool required) {
        f += "<label for=\"rf-" + std::string(name) + "\">" + label(std::string("label_") + name, lang) + "</label>";
        if (std::string_view(type) == "textarea") {
            f += "<textarea id=\"rf-" + std::string(name) + "\" name=\"" + name + "\"" + (required ? " required" : "") +
                 "></textarea>";
        } else {
            f += "<input id=\"rf-" + std::string(name) + "\" name=\"" + name + "\" type=\"" + type + "\"" +
                 (required ? " required" : "") + ">";
        }
    };
    field("name", "text", true);
    field("email", "email", true);
    field("phone", "tel", false);
    field("subject", "text", false);
    field("message", "textarea", true);
    // The honeypot: out of sight and out of the tab order; people leave it empty.
    f += "<div class=\"hp\" aria-hidden=\"true\"><label for=\"rf-website\">Website</label>"
         "<input id=\"rf-website\" name=\"website\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\"></div>";
    f += "<button type=\"submit\">" + label("label_send", lang) + "</button></form>";
    return f;
}

std::string error_page_body(const Error& e, const std::string& lang) {
    std::string out =
        "<p role=\"alert\">" + html_escape(e.key.empty() ? e.detail : messages::render(e.key, lang, e.args)) + "</p>";
    if (!e.fields.empty()) {
        out += "<ul>";
        for (const auto& f : e.fields) {
            out += "<li>" + html_escape(f.pointer.substr(f.pointer.find_last_of('/') + 1)) + ": " +
                   html_escape(f.key.empty() ? f.message : messages::render(f.key, lang, f.args)) + "</li>";
        }
        out += "</ul>";
    }
    return out;
}

}  // namespace

void register_contact_form_routes(http::Router& router, ApiContext& api, ContactFormService& forms) {
    router.add(http::Verb::get, "/api/v1/contact-form",
               [&api, &forms](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   return ok_json(settings_json(RAPPORT_TRY(forms.settings(principal))));
               });
    router.add(http::Verb::put, "/api/v1/contact-form",
               [&api, &forms](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   auto input = read_settings(body);
                   RAPPORT_CHECK(body.finish("servicedesk.contact_form_settings_invalid"));
                   return ok_json(settings_json(RAPPORT_TRY(forms.save(principal, input))));
               });

    // --- public: no authentication
    router.add(http::Verb::get, "/api/v1/public/contact/{slug}",
               [&forms](http::RequestContext& ctx) -> Result<http::Response> {
                   auto form = RAPPORT_TRY(forms.form(slug_of(ctx)));
                   json fields = json::array();
                   for (auto name : kFields) {
                       const bool required = name == "name" || name == "email" || name == "message";
                       fields.push_back({{"name", name},
                                         {"required", required},
                                         {"honeypot", name == "website"},
                                         {"type", name == "email"     ? "email"
                                                  : name == "phone"   ? "tel"
                                                  : name == "message" ? "textarea"
                                                                      : "text"}});
                   }
                   auto res = ok_json({{"token", form.token},
                                       {"fields", fields},
                                       {"workspace", form.workspace.name},
                                       {"min_fill_seconds", kMinFillMs / 1000}});
                   res.set("Cache-Control", "no-store");
                   allow_origin(res, ctx, form.settings);
                   return res;
               });
    router.add(http::Verb::options, "/api/v1/public/contact/{slug}",
               [&forms](http::RequestContext& ctx) -> Result<http::Response> {
                   auto settings = RAPPORT_TRY(forms.public_settings(slug_of(ctx)));
                   auto res = http::make_response(http::HttpStatus::no_content, "", "text/plain");
                   allow_origin(res, ctx, settings);
                   res.set("Access-Control-Allow-Methods", "GET, POST");
                   res.set("Access-Control-Allow-Headers", "Content-Type, Accept, Accept-Language");
                   res.set("Access-Control-Max-Age", "600");
                   return res;
               });
    router.add(
        http::Verb::post, "/api/v1/public/contact/{slug}",
        [&forms](http::RequestContext& ctx) -> Result<http::Response> {
            const std::string slug = slug_of(ctx);
            auto settings = RAPPORT_TRY(forms.public_settings(slug));
            std::string lang = std::string(request_language(ctx));
            if (is_form_post(ctx)) {
                if (auto params = http::QueryParams::parse(ctx.request.body())) {
                    lang = language_of(ctx, params->get("lang").value_or(""));
                }
            }
            auto submitted = read_submission(ctx).and_then(
                [&](const ContactSubmission& s) { return forms.submit(slug, s, ctx.peer.address); });
            if (wants_html(ctx)) {  // a plain HTML form (embed.html): answer with a page
                if (!submitted) {
                    auto status = submitted.error().code == ErrorCode::RateLimited
                                      ? http::HttpStatus::too_many_requests
                                      : http::HttpStatus::unprocessable_entity;
                    auto res = html_response(status, page(lang, error_page_body(submitted.error(), lang)), settings);
                    if (submitted.error().retry_after_seconds) {
                        res.set("Retry-After", std::to_string(*submitted.error().retry_after_seconds));
                    }
                    return res;
                }
                std::string text = submitted->success_message.empty() ? label("success", lang)
                                                                      : html_escape(submitted->success_message);
                return html_response(http::HttpStatus::ok, page(lang, "<p role=\"status\">" + text + "</p>"), settings);
            }
            if (!submitted) return fail(std::move(submitted.error()));
            auto res = ok_json({{"message", submitted->success_message.empty()
                                                ? messages::render("servicedesk.contact_form_success", lang)
                                                : submitted->success_message}},
                               http::HttpStatus::created);
            allow_origin(res, ctx, settings);
            return res;
        });
    router.add(http::Verb::get, "/api/v1/public/contact/{slug}/embed.html",
               [&forms](http::RequestContext& ctx) -> Result<http::Response> {
                   const std::string slug = slug_of(ctx);
                   auto form = RAPPORT_TRY(forms.form(slug));
                   const std::string lang = language_of(ctx, ctx.query.get("lang").value_or(""));
                   return html_response(http::HttpStatus::ok, page(lang, embed_form(slug, lang, form.token)),
                                        form.settings);
               });
}

}  // namespace rapport::api
