// The satisfaction reports: GET /api/v1/satisfaction/csat, /nps, /feedback, /service-report,
// POST /api/v1/satisfaction/nps-surveys, GET /api/v1/satisfaction/csat-requests; and the public
// answers: GET and POST /api/v1/public/{csat|nps}/{token}.
#include <charconv>
#include <set>

#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/localize.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "api/satisfaction/satisfaction_api.hpp"
#include "core/messages.hpp"

namespace rapport::api {

using namespace rapport::domain::satisfaction;
using nlohmann::json;

namespace {

constexpr UnixMillis kDefaultPeriodMs = 30LL * 24 * 60 * 60 * 1000;

json opt_id_json(const std::optional<Id>& v) {
    return v ? json(id_to_string(*v)) : json(nullptr);
}
template <class T>
json opt_json(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

std::optional<UnixMillis> millis_param(std::string_view text) {
    UnixMillis v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
    return v;
}

// ?from= and ?to= (milliseconds); the last 30 days by default, up to and including now.
Period read_period(const http::RequestContext& ctx, UnixMillis now, std::vector<FieldError>& errors) {
    Period period{now - kDefaultPeriodMs, now + 1};
    for (const auto& [name, target] : {std::pair{"from", &period.from}, std::pair{"to", &period.to}}) {
        if (auto text = ctx.query.get(name); text && !text->empty()) {
            if (auto v = millis_param(*text)) {
                *target = *v;
            } else {
                errors.push_back(FieldError::localized(std::string("?") + name, "satisfaction.invalid_time"));
            }
        }
    }
    if (errors.empty() && period.from >= period.to) {
        errors.push_back(FieldError::localized("?from", "satisfaction.period_reversed"));
    }
    return period;
}

std::optional<Id> id_param(const http::RequestContext& ctx, std::string_view name, std::vector<FieldError>& errors) {
    auto text = ctx.query.get(name);
    if (!text || text->empty()) return std::nullopt;
    if (auto id = parse_id(*text)) return id;
    errors.push_back(FieldError::localized(std::string("?") + std::string(name), "common.record_id_invalid"));
    return std::nullopt;
}

Status no_errors(std::vector<FieldError> errors) {
    if (errors.empty()) return {};
    return fail(Error::localized(ErrorCode::Validation, "satisfaction.invalid_parameters", {}, std::move(errors)));
}

json rating_json(const RatingSummary& s) {
    return {{"count", s.count}, {"average", opt_json(s.average)}, {"distribution", s.distribution}};
}
json duration_json(const DurationSummary& s) {
    return {{"count", s.count}, {"median_ms", opt_json(s.median)}, {"p90_ms", opt_json(s.p90)}};
}
json nps_json(const NpsSummary& s) {
    return {{"count", s.count},
            {"promoters", s.promoters},
            {"passives", s.passives},
            {"detractors", s.detractors},
            {"score", opt_json(s.score)}};
}
json counts_json(const std::vector<CountRow>& rows) {
    json out = json::array();
    for (const auto& r : rows) out.push_back({{"key", r.key}, {"label", r.label}, {"count", r.count}});
    return out;
}
json survey_json(const NpsSurvey& s) {
    return {{"id", id_to_string(s.nps_survey_id)}, {"segment_id", id_to_string(s.segment_id)},
            {"segment_name", s.segment_name},      {"question", s.question},
            {"recipients", s.recipients},          {"answers", s.answers},
            {"created_at", s.created_at}};
}

const char* kind_name(SurveyKind kind) {
    return kind == SurveyKind::Csat ? "csat" : "nps";
}

// The token of the path, if it is a token of `kind` (another kind is not found).
Result<std::string> token_of(const http::RequestContext& ctx, SurveyKind kind) {
    std::string token(ctx.param("token"));
    const auto ref = read_survey_token(token);
    if (!ref || ref->kind != kind) {
        return fail(Error::localized(ErrorCode::NotFound, "satisfaction.survey_not_found"));
    }
    return token;
}

json public_json(const PublicSurvey& s) {
    return {{"kind", kind_name(s.kind)}, {"subject", s.subject},       {"conversation_number", s.conversation_number},
            {"answered", s.answered},    {"value", opt_json(s.value)}, {"expires_at", s.expires_at}};
}

void register_public(http::Router& router, SatisfactionApi& api, SurveyKind kind) {
    const std::string path = std::string("/api/v1/public/") + kind_name(kind) + "/{token}";
    router.add(http::Verb::get, path, [&api, kind](http::RequestContext& ctx) -> Result<http::Response> {
        const auto token = RAPPORT_TRY(token_of(ctx, kind));
        return ok_json(public_json(RAPPORT_TRY(api.satisfaction.open(token))));
    });
    router.add(http::Verb::post, path, [&api, kind](http::RequestContext& ctx) -> Result<http::Response> {
        const auto token = RAPPORT_TRY(token_of(ctx, kind));
        auto body = RAPPORT_TRY(JsonBody::parse(ctx));
        const char* field = kind == SurveyKind::Csat ? "rating" : "score";
        const auto value = body.integer(field, true);
        const auto comment = body.string("comment");
        RAPPORT_CHECK(body.finish("satisfaction.answer_invalid"));
        if (*value < -1 || *value > 100) {
            return fail(Error::localized_field(std::string("/") + field, kind == SurveyKind::Csat
                                                                             ? "satisfaction.rating_range"
                                                                             : "satisfaction.score_range"));
        }
        auto answered =
            RAPPORT_TRY(api.satisfaction.answer(token, static_cast<int>(*value), comment.value_or(std::string())));
        return ok_json(public_json(answered));
    });
}

}  // namespace

void register_satisfaction_routes(http::Router& router, SatisfactionApi& api) {
    router.add(http::Verb::get, "/api/v1/satisfaction/csat",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   std::vector<FieldError> errors;
                   const Period period = read_period(ctx, api.clock.now_ms(), errors);
                   CsatGroup group = CsatGroup::Agent;
                   if (auto text = ctx.query.get("group_by"); text && !text->empty()) {
                       if (auto g = parse_csat_group(*text)) {
                           group = *g;
                       } else {
                           errors.push_back(FieldError::localized("?group_by", "satisfaction.invalid_group"));
                       }
                   }
                   RAPPORT_CHECK(no_errors(std::move(errors)));
                   const auto results = RAPPORT_TRY(api.satisfaction.csat_results(principal, group, period));
                   json groups = json::array();
                   for (const auto& g : results.groups) {
                       json row = rating_json(g.summary);
                       row["key"] = g.key;
                       row["label"] = g.label;
                       groups.push_back(std::move(row));
                   }
                   json comments = json::array();
                   for (const auto& c : results.comments) {
                       comments.push_back({{"survey_id", id_to_string(c.survey_id)},
                                           {"conversation_id", id_to_string(c.conversation_id)},
                                           {"conversation_number", c.conversation_number},
                                           {"subject", c.subject},
                                           {"rating", c.rating},
                                           {"comment", c.comment},
                                           {"topic", opt_json(c.topic)},
                                           {"answered_at", c.answered_at}});
                   }
                   return ok_json({{"from", period.from},
                                   {"to", period.to},
                                   {"overall", rating_json(results.overall)},
                                   {"groups", groups},
                                   {"comments", comments}});
               });

    router.add(http::Verb::get, "/api/v1/satisfaction/csat-requests",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   std::vector<FieldError> errors;
                   const auto conversation_id = id_param(ctx, "conversation_id", errors);
                   if (!conversation_id && errors.empty()) {
                       errors.push_back(FieldError::localized("?conversation_id", "common.record_id_invalid"));
                   }
                   RAPPORT_CHECK(no_errors(std::move(errors)));
                   const auto requests = RAPPORT_TRY(api.satisfaction.requests_of(principal, *conversation_id));
                   json items = json::array();
                   for (const auto& r : requests) {
                       items.push_back({{"id", id_to_string(r.request.survey_id)},
                                        {"conversation_id", id_to_string(r.request.conversation_id)},
                                        {"resolved_at", r.request.resolved_at},
                                        {"email", opt_json(r.request.email)},
                                        {"rating", opt_json(r.request.rating)},
                                        {"answered_at", opt_json(r.request.answered_at)},
                                        {"expires_at", r.request.expires_at},
                                        {"link", "/survey/csat/" + r.token}});
                   }
                   return ok_json({{"items", items}});
               });

    router.add(http::Verb::get, "/api/v1/satisfaction/nps",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   std::vector<FieldError> errors;
                   const auto segment_id = id_param(ctx, "segment_id", errors);
                   RAPPORT_CHECK(no_errors(std::move(errors)));
                   const auto series = RAPPORT_TRY(api.satisfaction.nps_results(principal, segment_id));
                   json out = json::array();
                   for (const auto& s : series) {
                       json points = json::array();
                       for (const auto& p : s.points) {
                           json point = survey_json(p.survey);
                           point["nps"] = nps_json(p.summary);
                           points.push_back(std::move(point));
                       }
                       out.push_back({{"segment_id", id_to_string(s.segment_id)},
                                      {"segment_name", s.segment_name},
                                      {"overall", nps_json(s.overall)},
                                      {"points", points}});
                   }
                   return ok_json({{"series", out}});
               });

    router.add(http::Verb::post, "/api/v1/satisfaction/nps-surveys",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   const auto segment = body.string("segment_id", true);
                   auto question = body.string("question");
                   std::optional<Id> segment_id;
                   if (segment) {
                       segment_id = parse_id(*segment);
                       if (!segment_id) body.localized_error("/segment_id", "satisfaction.segment_id_invalid");
                   }
                   RAPPORT_CHECK(body.finish("satisfaction.nps_invalid"));
                   if (!question || question->empty()) {
                       question = messages::render("satisfaction.nps_default_question", request_language(ctx));
                   }
                   const auto survey = RAPPORT_TRY(api.satisfaction.create_nps(principal, *segment_id, *question));
                   return ok_json(survey_json(survey), http::HttpStatus::created);
               });

    router.add(
        http::Verb::get, "/api/v1/satisfaction/feedback", [&api](http::RequestContext& ctx) -> Result<http::Response> {
            auto principal = RAPPORT_TRY(authenticate(ctx, api));
            std::vector<FieldError> errors;
            const Period period = read_period(ctx, api.clock.now_ms(), errors);
            std::optional<std::string> topic;
            if (auto text = ctx.query.get("topic"); text && !text->empty()) {
                static const std::set<std::string_view> kTopics{"product", "service", "process", "billing", "other"};
                if (kTopics.count(*text)) {
                    topic = std::string(*text);
                } else {
                    errors.push_back(FieldError::localized("?topic", "satisfaction.invalid_topic"));
                }
            }
            RAPPORT_CHECK(no_errors(std::move(errors)));
            const auto items = RAPPORT_TRY(api.satisfaction.feedback(principal, topic, period));
            json out = json::array();
            for (const auto& f : items) {
                out.push_back({{"source", f.source},
                               {"topic", opt_json(f.topic)},
                               {"text", f.text},
                               {"rating", opt_json(f.rating)},
                               {"conversation_id", opt_id_json(f.conversation_id)},
                               {"conversation_number", f.conversation_number},
                               {"segment_id", opt_id_json(f.segment_id)},
                               {"at", f.at}});
            }
            return ok_json({{"items", out}});
        });

    router.add(http::Verb::get, "/api/v1/satisfaction/service-report",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   std::vector<FieldError> errors;
                   const Period period = read_period(ctx, api.clock.now_ms(), errors);
                   const auto team_id = id_param(ctx, "team", errors);
                   RAPPORT_CHECK(no_errors(std::move(errors)));
                   const auto r = RAPPORT_TRY(api.satisfaction.service_report(principal, period, team_id));
                   json backlog = json::array();
                   for (const auto& b : r.backlog) backlog.push_back({{"day", b.day}, {"open", b.open}});
                   return ok_json({{"from", period.from},
                                   {"to", period.to},
                                   {"conversations", r.conversations},
                                   {"first_response", duration_json(r.first_response)},
                                   {"resolution", duration_json(r.resolution)},
                                   {"breached", r.breached},
                                   {"by_channel", counts_json(r.by_channel)},
                                   {"by_topic", counts_json(r.by_topic)},
                                   {"by_segment", counts_json(r.by_segment)},
                                   {"backlog", backlog}});
               });

    register_public(router, api, SurveyKind::Csat);
    register_public(router, api, SurveyKind::Nps);
}

}  // namespace rapport::api
