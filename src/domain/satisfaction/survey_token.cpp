#include "domain/satisfaction/survey_token.hpp"

#include <charconv>
#include <vector>

#include "core/message_auth.hpp"

namespace rapport::domain::satisfaction {

namespace {

std::string signed_part(const SurveyRef& ref) {
    return std::string(ref.kind == SurveyKind::Csat ? "c" : "n") + "." + std::to_string(ref.workspace_id) + "." +
           std::to_string(ref.survey_id) + "." + std::to_string(ref.expires_at);
}

std::optional<std::int64_t> number(std::string_view text) {
    std::int64_t v = 0;
    if (text.empty()) return std::nullopt;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size() || v <= 0) return std::nullopt;
    return v;
}

std::vector<std::string_view> split(std::string_view text) {
    std::vector<std::string_view> parts;
    for (;;) {
        const auto dot = text.find('.');
        parts.push_back(text.substr(0, dot));
        if (dot == std::string_view::npos) return parts;
        text.remove_prefix(dot + 1);
    }
}

}  // namespace

std::string sign_survey_token(const SurveyRef& ref, std::string_view key) {
    const std::string body = signed_part(ref);
    return body + "." + crypto::auth_tag(key, body);
}

std::optional<SurveyRef> read_survey_token(std::string_view token) {
    if (token.size() > 200) return std::nullopt;
    const auto parts = split(token);
    if (parts.size() != 5 || parts[4].empty()) return std::nullopt;
    SurveyRef ref;
    if (parts[0] == "c") {
        ref.kind = SurveyKind::Csat;
    } else if (parts[0] == "n") {
        ref.kind = SurveyKind::Nps;
    } else {
        return std::nullopt;
    }
    const auto ws = number(parts[1]), survey = number(parts[2]), expires = number(parts[3]);
    if (!ws || !survey || !expires) return std::nullopt;
    ref.workspace_id = *ws;
    ref.survey_id = *survey;
    ref.expires_at = *expires;
    // The text must be exactly what signing makes, so one survey has one token.
    if (signed_part(ref) != token.substr(0, token.size() - parts[4].size() - 1)) return std::nullopt;
    return ref;
}

TokenCheck check_survey_token(std::string_view token, std::string_view key, UnixMillis now) {
    const auto ref = read_survey_token(token);
    if (!ref) return TokenCheck::Malformed;
    const auto tag_at = token.rfind('.');
    if (!crypto::verify_auth_tag(key, token.substr(0, tag_at), token.substr(tag_at + 1))) return TokenCheck::Tampered;
    if (now >= ref->expires_at) return TokenCheck::Expired;
    return TokenCheck::Valid;
}

}  // namespace rapport::domain::satisfaction
