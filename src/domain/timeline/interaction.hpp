#pragma once
// The timeline: notes, calls, meetings, emails and tasks about a person or a company.
// Each interaction records its channel, direction, the relationship type it served and the
// minutes a person spent on it; the relationship canvas computes costs from these.
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/ids.hpp"

namespace rapport::domain::timeline {

enum class InteractionKind { Note, Call, Meeting, Email, Task };
enum class Channel { Email, Phone, Chat, InPerson, Web, Social, Letter };
enum class Direction { Inbound, Outbound };
enum class RelationshipType { PersonalAssistance, DedicatedAssistance, SelfService, Automated, Community, CoCreation };

std::string_view to_string(InteractionKind v);
std::string_view to_string(Channel v);
std::string_view to_string(Direction v);
std::string_view to_string(RelationshipType v);
std::optional<InteractionKind> parse_interaction_kind(std::string_view s);
std::optional<Channel> parse_channel(std::string_view s);
std::optional<Direction> parse_direction(std::string_view s);
std::optional<RelationshipType> parse_relationship_type(std::string_view s);

struct Interaction {
    Id workspace_id = 0;
    Id interaction_id = 0;
    InteractionKind kind = InteractionKind::Note;
    std::optional<Id> person_id;
    std::optional<Id> company_id;
    std::string subject;
    std::string body;
    std::optional<Channel> channel;
    std::optional<Direction> direction;
    std::optional<RelationshipType> relationship_type;
    std::int64_t minutes_spent = 0;
    UnixMillis occurred_at = 0;
    std::optional<UnixMillis> due_at;  // tasks
    std::optional<Id> assignee_user_id;
    std::optional<UnixMillis> assigned_at;  // when the current assignee was set, and by whom
    std::optional<Id> assigned_by_user_id;
    std::optional<UnixMillis> completed_at;
    std::optional<Id> created_by_user_id;
    UnixMillis created_at = 0;
};

// A position in a timeline (newest first): items strictly older than (occurred_at, id).
struct TimelineCursor {
    UnixMillis occurred_at = 0;
    Id interaction_id = 0;
};
std::string format_cursor(const TimelineCursor& c);
std::optional<TimelineCursor> parse_cursor(std::string_view text);

}  // namespace rapport::domain::timeline
