#pragma once
// The signed one-click links of satisfaction surveys. A token names the survey it answers and
// when it expires, and carries a crypto_auth tag over both made with the workspace's survey
// key, so a public page can trust it without a session and a changed byte is refused:
//   <kind>.<workspace id>.<survey id>.<expires at ms>.<tag>
// kind is "c" (CSAT, one conversation's resolution) or "n" (NPS, one person of a segment).
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/ids.hpp"

namespace rapport::domain::satisfaction {

enum class SurveyKind { Csat, Nps };

struct SurveyRef {
    SurveyKind kind = SurveyKind::Csat;
    Id workspace_id = 0;
    Id survey_id = 0;
    UnixMillis expires_at = 0;
};

// How long a link may be answered: 30 days.
inline constexpr UnixMillis kSurveyLifetimeMs = 30LL * 24 * 60 * 60 * 1000;

// The token of `ref` signed with `key` (crypto::new_auth_key).
std::string sign_survey_token(const SurveyRef& ref, std::string_view key);

// What a token says, before its tag is checked (to find the workspace's key); nullopt when it
// is not a token at all.
std::optional<SurveyRef> read_survey_token(std::string_view token);

enum class TokenCheck { Valid, Malformed, Tampered, Expired };
// Checks the tag with `key` and the expiry against `now`.
TokenCheck check_survey_token(std::string_view token, std::string_view key, UnixMillis now);

}  // namespace rapport::domain::satisfaction
