#pragma once
// The satisfaction area's routes: CSAT and NPS results, NPS surveys, the feedback list, the
// service report, and the public survey page and answers (the signed token is the credential).
// The satisfaction module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "core/clock.hpp"
#include "domain/satisfaction/satisfaction_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct SatisfactionApi : ApiContext {
    domain::satisfaction::SatisfactionService& satisfaction;
    const Clock& clock;
};

void register_satisfaction_routes(http::Router& router, SatisfactionApi& api);
// GET and POST /survey/{csat|nps}/{token}: the page a survey link opens.
void register_survey_page_routes(http::Router& router, SatisfactionApi& api);

// The HTML of the public page in `language`, for a survey, after an answer, or for an error.
std::string survey_page_html(const domain::satisfaction::PublicSurvey& survey, std::string_view token,
                             std::string_view language);
std::string survey_message_html(std::string_view text, std::string_view language);

}  // namespace rapport::api
