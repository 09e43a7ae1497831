#pragma once
// The demo's timelines: a year of calls, meetings, emails, notes and tasks on many of the
// generated customers (demo_generator.hpp), written by the staff who own them, with channel,
// direction, relationship type and minutes filled in as people would; and open tasks with due
// dates, some overdue, some due today, some next week, assigned to the records' owners and to
// the demo's owner. No I/O; deterministic for a seed, the customers and the staff (ids come
// from new_id(), times are relative to `now_ms`).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/demo/demo_generator.hpp"
#include "core/ids.hpp"
#include "domain/timeline/interaction.hpp"

namespace rapport::app::demo {

struct InteractionRow {
    Id interaction_id = 0;
    domain::timeline::InteractionKind kind = domain::timeline::InteractionKind::Note;
    std::optional<Id> person_id;
    std::optional<Id> company_id;
    std::string subject;
    std::string body;
    std::optional<domain::timeline::Channel> channel;
    std::optional<domain::timeline::Direction> direction;
    std::optional<domain::timeline::RelationshipType> relationship_type;
    std::int64_t minutes_spent = 0;
    std::int64_t occurred_at = 0;
    std::optional<std::int64_t> due_at;
    std::optional<Id> assignee_user_id;
    std::optional<std::int64_t> completed_at;
    std::optional<Id> created_by_user_id;
    std::int64_t created_at = 0;
};

// Who writes the timelines beside the records' owners.
struct TimelineStaff {
    Id demo_owner = 0;          // the workspace's owner: gets a desk of open tasks
    std::vector<Id> service;    // Customer Service agents: consumers' questions
    std::vector<Id> marketing;  // who sends the newsletters
};

// Roughly: 70% of companies have a timeline over the past year (every buyer), a fifth of
// consumers an exchange with Customer Service or a newsletter; about 12 open tasks for the demo
// owner and one open task on a quarter of the companies.
std::vector<InteractionRow> generate_timelines(std::uint32_t seed, const DemoCustomers& customers,
                                               const TimelineStaff& staff, std::int64_t now_ms);

}  // namespace rapport::app::demo
