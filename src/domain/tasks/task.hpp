#pragma once
// Tasks as a list: the timeline's entries of kind task, across customers, with the customer
// each belongs to. A task is an interaction (domain/timeline); this area only reads them
// across records (by assignee, team, status and due date) and marks them done or open again
// through the timeline, which keeps the rules of who may change an entry.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/customers/fields.hpp"
#include "domain/permissions/record_access.hpp"
#include "domain/timeline/interaction.hpp"

namespace rapport::domain::tasks {

enum class TaskStatus { Any, Open, Done, Overdue };
std::optional<TaskStatus> parse_task_status(std::string_view text);

// The record a task is about, named so a list can link to it.
struct CustomerRef {
    customers::EntityType type = customers::EntityType::Person;
    Id id = 0;
    std::string name;
};

struct TaskRow {
    timeline::Interaction task;
    CustomerRef customer;                // the person when the task names one, else the company
    std::optional<CustomerRef> company;  // the company too, when the task names both
    std::string assignee_name;           // empty when unassigned or the user is gone
};

// The list's order: due date ascending, then id; tasks without a due date come after all
// others, by id. A cursor is a position in that order.
struct TaskCursor {
    std::optional<UnixMillis> due_at;  // absent: among the tasks without a due date
    Id interaction_id = 0;
};
std::string format_cursor(const TaskCursor& cursor);
std::optional<TaskCursor> parse_task_cursor(std::string_view text);

struct TaskQuery {
    Id workspace_id = 0;
    AccessFilter access;                       // only tasks whose records the reader may read
    std::optional<Id> assignee_user_id;        // one assignee
    std::optional<std::vector<Id>> assignees;  // a team's members (empty: nobody)
    TaskStatus status = TaskStatus::Any;
    std::optional<UnixMillis> due_before;      // due_at < due_before
    std::optional<UnixMillis> due_after;       // due_at >= due_after
    std::optional<UnixMillis> assigned_after;  // assigned_at >= assigned_after
    std::optional<Id> assigned_by_other_than;  // assigned by someone else than this user
    UnixMillis now = 0;                        // what "overdue" is measured against
    std::optional<TaskCursor> after;
    int limit = 50;
};

struct TaskPage {
    std::vector<TaskRow> items;
    std::optional<TaskCursor> next;
};

struct TaskCounts {
    std::int64_t open = 0;
    std::int64_t overdue = 0;
};

}  // namespace rapport::domain::tasks
