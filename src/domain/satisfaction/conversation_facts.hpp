#pragma once
// A conversation as the satisfaction and service reports read it from the service desk's
// tables: its times, its people, and the static segments of its person and company.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"

namespace rapport::domain::satisfaction {

struct SegmentRef {
    Id segment_id = 0;
    std::string name;
};

struct ConversationFacts {
    Id conversation_id = 0;
    std::int64_t number = 0;
    std::string subject;
    std::string channel;
    std::string status;
    std::optional<std::string> topic;
    std::optional<Id> team_id;
    std::string team_name;
    std::optional<Id> assignee_user_id;
    std::string assignee_name;
    std::optional<Id> person_id;
    std::optional<std::string> person_email;
    std::string person_name;
    std::optional<Id> mailbox_id;
    UnixMillis created_at = 0;
    UnixMillis updated_at = 0;
    std::optional<UnixMillis> first_response_at;
    std::optional<UnixMillis> resolved_at;
    std::optional<UnixMillis> sla_due_at;
    bool merged = false;
    std::vector<SegmentRef> segments;
};

}  // namespace rapport::domain::satisfaction
