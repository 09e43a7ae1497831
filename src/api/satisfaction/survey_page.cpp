// The public page a survey link opens: GET /survey/{csat|nps}/{token} shows the question with
// one button per rating and a comment box; the buttons submit the form (POST to the same
// address, no script needed), which records the answer once and shows a thank-you page. The
// page is self-contained (inline style only, allowed by its own Content-Security-Policy) and in
// the reader's language (Accept-Language).
#include "api/localize.hpp"
#include "api/satisfaction/satisfaction_api.hpp"
#include "core/messages.hpp"
#include "http/query_string.hpp"

namespace rapport::api {

using namespace rapport::domain::satisfaction;

namespace {

std::string escape(std::string_view text) {
    std::string out;
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

constexpr const char* kStyle =
    "body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2933}"
    "h1{font-size:1.5rem}.scale{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}"
    ".scale button{min-width:3rem;padding:.75rem;font-size:1.1rem;border:1px solid #9aa5b1;border-radius:.5rem;"
    "background:#fff;cursor:pointer}.scale button:hover{background:#e4f0ff}"
    ".ends{display:flex;justify-content:space-between;color:#52606d;font-size:.9rem}"
    "textarea{width:100%;min-height:5rem;margin-top:.5rem}";

std::string page(std::string_view language, const std::string& body) {
    return "<!doctype html><html lang=\"" + std::string(language) +
           "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
           "<title>" +
           escape(messages::render("satisfaction.page_title", language)) + "</title><style>" + kStyle +
           "</style></head><body>" + body + "</body></html>";
}

http::Response html(http::HttpStatus status, std::string body) {
    http::Response res = http::make_response(status, std::move(body), "text/html; charset=utf-8");
    res.set("Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'");
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Referrer-Policy", "no-referrer");
    res.set(http::beast_http::field::cache_control, "no-store");
    return res;
}

http::HttpStatus status_of(ErrorCode code) {
    switch (code) {
        case ErrorCode::NotFound: return http::HttpStatus::not_found;
        case ErrorCode::Forbidden: return http::HttpStatus::forbidden;
        case ErrorCode::Conflict: return http::HttpStatus::conflict;
        case ErrorCode::Validation: return http::HttpStatus::unprocessable_entity;
        default: return http::HttpStatus::internal_server_error;
    }
}

http::Response error_page(const Error& error, std::string_view language) {
    const std::string text = error.key.empty() ? error.detail : messages::render(error.key, language, error.args);
    return html(status_of(error.code), survey_message_html(text, language));
}

void register_page(http::Router& router, SatisfactionApi& api, SurveyKind kind) {
    const std::string prefix = kind == SurveyKind::Csat ? "/survey/csat/" : "/survey/nps/";
    router.add(http::Verb::get, prefix + "{token}", [&api, kind](http::RequestContext& ctx) -> Result<http::Response> {
        const std::string_view language = request_language(ctx);
        const std::string token(ctx.param("token"));
        const auto ref = read_survey_token(token);
        if (!ref || ref->kind != kind) {
            return error_page(Error::localized(ErrorCode::NotFound, "satisfaction.survey_not_found"), language);
        }
        auto survey = api.satisfaction.open(token);
        if (!survey) return error_page(survey.error(), language);
        if (survey->answered) {
            return html(http::HttpStatus::ok,
                        survey_message_html(messages::render("satisfaction.page_thanks", language), language));
        }
        return html(http::HttpStatus::ok, survey_page_html(*survey, token, language));
    });
    router.add(http::Verb::post, prefix + "{token}", [&api, kind](http::RequestContext& ctx) -> Result<http::Response> {
        const std::string_view language = request_language(ctx);
        const std::string token(ctx.param("token"));
        const auto ref = read_survey_token(token);
        if (!ref || ref->kind != kind) {
            return error_page(Error::localized(ErrorCode::NotFound, "satisfaction.survey_not_found"), language);
        }
        const auto form = http::QueryParams::parse(ctx.request.body());
        const auto value = form ? form->get("rating") : std::nullopt;
        int rating = -1;
        if (value && value->size() <= 2) {
            rating = 0;
            for (char c : *value) rating = (c >= '0' && c <= '9') ? rating * 10 + (c - '0') : -100;
        }
        const std::string comment = form ? std::string(form->get("comment").value_or("")) : std::string();
        auto answered = api.satisfaction.answer(token, rating, comment);
        if (!answered) return error_page(answered.error(), language);
        return html(http::HttpStatus::ok,
                    survey_message_html(messages::render("satisfaction.page_thanks", language), language));
    });
}

}  // namespace

std::string survey_message_html(std::string_view text, std::string_view language) {
    return page(language, "<main><h1>" + escape(messages::render("satisfaction.page_title", language)) +
                              "</h1><p role=\"status\">" + escape(text) + "</p></main>");
}

std::string survey_page_html(const PublicSurvey& survey, std::string_view token, std::string_view language) {
    const bool csat = survey.kind == SurveyKind::Csat;
    const std::string question =
        csat ? messages::render("satisfaction.page_csat_question", language, {{"subject", survey.subject}})
             : survey.subject;
    std::string body = "<main><h1>" + escape(messages::render("satisfaction.page_title", language)) + "</h1>";
    body += "<form method=\"post\" action=\"/survey/" + std::string(csat ? "csat/" : "nps/") + escape(token) + "\">";
    body += "<p id=\"question\">" + escape(question) + "</p>";
    body += "<label for=\"comment\">" + escape(messages::render("satisfaction.page_comment", language)) +
            "</label><textarea id=\"comment\" name=\"comment\" maxlength=\"4000\"></textarea>";
    body += "<div class=\"scale\" role=\"group\" aria-labelledby=\"question\">";
    for (int v = csat ? 1 : 0; v <= (csat ? 5 : 10); ++v) {
        const std::string n = std::to_string(v);
        body +=
            "<button type=\"submit\" name=\"rating\" value=\"" + n + "\" data-rating=\"" + n + "\">" + n + "</button>";
    }
    body += "</div><div class=\"ends\"><span>" +
            escape(messages::render(csat ? "satisfaction.page_rating_1" : "satisfaction.page_nps_low", language)) +
            "</span><span>" +
            escape(messages::render(csat ? "satisfaction.page_rating_5" : "satisfaction.page_nps_high", language)) +
            "</span></div></form></main>";
    return page(language, body);
}

void register_survey_page_routes(http::Router& router, SatisfactionApi& api) {
    register_page(router, api, SurveyKind::Csat);
    register_page(router, api, SurveyKind::Nps);
}

}  // namespace rapport::api
