#pragma once
// What the satisfaction area stores: a CSAT request per resolution of a conversation, NPS
// surveys sent to a segment with one response row per person, and the invitations (the mail
// that carries a survey's signed link) waiting to be sent.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/satisfaction/survey_token.hpp"

namespace rapport::domain::satisfaction {

// One resolution of a conversation asked for a rating of 1 to 5.
struct CsatRequest {
    Id workspace_id = 0;
    Id survey_id = 0;
    Id conversation_id = 0;
    UnixMillis resolved_at = 0;  // the resolution asked about: one request per resolution
    std::optional<Id> person_id;
    std::optional<std::string> email;  // where the invitation goes; none: nothing is sent
    std::string person_name;
    std::optional<Id> agent_user_id;
    std::optional<Id> team_id;
    std::optional<Id> mailbox_id;
    std::optional<std::string> topic;
    std::int64_t conversation_number = 0;
    std::string subject;
    std::optional<int> rating;
    std::string comment;
    std::optional<UnixMillis> answered_at;
    UnixMillis expires_at = 0;
    UnixMillis created_at = 0;
};

struct NpsSurvey {
    Id workspace_id = 0;
    Id nps_survey_id = 0;
    Id segment_id = 0;
    std::string segment_name;
    std::string question;
    std::optional<Id> created_by_user_id;
    std::int64_t recipients = 0;
    std::int64_t answers = 0;
    UnixMillis created_at = 0;
};

// One person asked an NPS question (0 to 10).
struct NpsResponse {
    Id workspace_id = 0;
    Id response_id = 0;
    Id nps_survey_id = 0;
    Id segment_id = 0;
    Id person_id = 0;
    std::string email;
    std::string person_name;
    std::string question;
    std::optional<int> score;
    std::string comment;
    std::optional<UnixMillis> answered_at;
    UnixMillis expires_at = 0;
    UnixMillis created_at = 0;
};

// A survey mail to send: its recipient and what the text needs.
struct Invitation {
    SurveyKind kind = SurveyKind::Csat;
    Id workspace_id = 0;
    Id survey_id = 0;  // CSAT survey id or NPS response id
    std::string email;
    std::string person_name;
    std::optional<Id> mailbox_id;
    std::string subject;  // CSAT: the conversation's subject; NPS: the question
    std::int64_t conversation_number = 0;
    UnixMillis expires_at = 0;
    std::int64_t send_attempts = 0;
    std::string language = "en";  // the workspace's default language
};

}  // namespace rapport::domain::satisfaction
