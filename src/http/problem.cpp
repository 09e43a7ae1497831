#include "http/problem.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/messages.hpp"

namespace rapport::http {

ProblemType problem_type(ErrorCode code) {
    switch (code) {
        case ErrorCode::BadRequest:
            return {HttpStatus::bad_request, "/problems/bad-request", "The request is malformed"};
        case ErrorCode::Validation:
            return {HttpStatus::unprocessable_entity, "/problems/validation", "The request is not valid"};
        case ErrorCode::NotFound: return {HttpStatus::not_found, "/problems/not-found", "Not found"};
        case ErrorCode::Conflict: return {HttpStatus::conflict, "/problems/conflict", "Conflict"};
        case ErrorCode::PreconditionFailed:
            return {HttpStatus::precondition_failed, "/problems/precondition-failed", "Precondition failed"};
        case ErrorCode::Unauthenticated:
            return {HttpStatus::unauthorized, "/problems/unauthenticated", "Authentication required"};
        case ErrorCode::Forbidden: return {HttpStatus::forbidden, "/problems/forbidden", "Not allowed"};
        case ErrorCode::PayloadTooLarge:
            return {HttpStatus::payload_too_large, "/problems/payload-too-large", "Request body too large"};
        case ErrorCode::RateLimited:
            return {HttpStatus::too_many_requests, "/problems/rate-limited", "Too many requests"};
        case ErrorCode::Unavailable:
            return {HttpStatus::service_unavailable, "/problems/unavailable", "Service temporarily unavailable"};
        case ErrorCode::Internal: return {HttpStatus::internal_server_error, "/problems/internal", "Internal error"};
    }
    return {HttpStatus::internal_server_error, "/problems/internal", "Internal error"};
}

namespace {
Response render(nlohmann::json body, HttpStatus status) {
    return make_response(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                         "application/problem+json");
}
}  // namespace

Response problem_response(const Error& error, std::string_view instance, std::string_view request_id) {
    const ProblemType pt = problem_type(error.code);
    // A body with many bad fields must not buy a much larger answer (error amplification):
    // list the first kMaxProblemErrors and count the rest.
    const std::size_t listed = std::min(error.fields.size(), kMaxProblemErrors);
    const std::size_t omitted = error.fields.size() - listed;
    std::string detail = error.detail;
    if (omitted > 0) {
        if (!detail.empty() && detail.back() != '.') detail += '.';
        detail +=
            fmt::format(" The first {} errors are listed; {} more were omitted (errors_omitted).", listed, omitted);
    }
    nlohmann::json body = {
        {"type", pt.type},  {"title", pt.title},    {"status", static_cast<unsigned>(pt.status)},
        {"detail", detail}, {"instance", instance}, {"request_id", request_id},
    };
    if (listed > 0) {
        auto& errors = body["errors"] = nlohmann::json::array();
        for (std::size_t i = 0; i < listed; ++i) {
            errors.push_back({{"pointer", error.fields[i].pointer}, {"detail", error.fields[i].message}});
        }
    }
    if (omitted > 0) body["errors_omitted"] = omitted;
    auto res = render(std::move(body), pt.status);
    if (error.code == ErrorCode::Unauthenticated) res.set(beast_http::field::www_authenticate, "Bearer");
    // The language detail and messages were rendered in (api/localize.hpp); pt is Brazilian.
    if (!error.language.empty()) {
        res.set(beast_http::field::content_language, error.language == "pt" ? "pt-BR" : error.language);
    }
    if (error.retry_after_seconds) res.set(beast_http::field::retry_after, std::to_string(*error.retry_after_seconds));
    return res;
}

Response problem_response(HttpStatus status, std::string_view type, std::string_view title, std::string_view detail,
                          std::string_view instance, std::string_view request_id) {
    nlohmann::json body = {
        {"type", type},     {"title", title},       {"status", static_cast<unsigned>(status)},
        {"detail", detail}, {"instance", instance}, {"request_id", request_id},
    };
    return render(std::move(body), status);
}

Response problem_response(HttpStatus status, std::string_view type, std::string_view title, const Request& request,
                          std::string_view key, const MessageArgs& args, std::string_view instance,
                          std::string_view request_id) {
    const auto header = request[beast_http::field::accept_language];
    std::string_view language = messages::from_accept_language(std::string_view(header.data(), header.size()));
    if (language.empty()) language = "en";
    auto res = problem_response(status, type, title, messages::render(key, language, args), instance, request_id);
    res.set(beast_http::field::content_language, language == "pt" ? std::string("pt-BR") : std::string(language));
    return res;
}

}  // namespace rapport::http
