#pragma once
// The task list: "my tasks", a team's tasks, open, done or overdue, due before or after a time,
// in due order, each with the customer it belongs to; and marking a task done or open again.
// A reader sees a task when they may read every record it is about (as on the timeline).
// A team's tasks are the tasks assigned to the team's members: a team works through its people.
#include <optional>

#include "core/clock.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/tasks/task_repository.hpp"
#include "domain/timeline/timeline_service.hpp"

namespace rapport::domain::tasks {

struct TaskListRequest {
    bool assignee_me = false;  // ?assignee=me
    std::optional<Id> assignee_user_id;
    std::optional<Id> team_id;
    TaskStatus status = TaskStatus::Any;
    std::optional<UnixMillis> due_before;
    std::optional<UnixMillis> due_after;
    std::optional<TaskCursor> after;
    int limit = 50;
};

class TaskService {
public:
    TaskService(TaskRepository& repo, timeline::TimelineService& timeline, ActorDirectory& actors, const Clock& clock)
        : repo_(repo), timeline_(timeline), actors_(actors), clock_(clock) {}

    Result<TaskPage> list(const Principal& actor, const TaskListRequest& request);
    // The actor's own open tasks: how many, how many overdue, and the first `limit` by due date.
    struct Mine {
        TaskCounts counts;
        std::vector<TaskRow> first;
    };
    Result<Mine> mine(const Principal& actor, int limit);
    // Open tasks assigned to the actor by someone else after `since`, newest assignment last.
    Result<std::vector<TaskRow>> assigned_since(const Principal& actor, UnixMillis since, int limit);
    // Marks a task done (or open again); the timeline's rules decide who may (its author, its
    // assignee, or whoever may change its records). NotFound for an entry that is not a task.
    Result<TaskRow> set_done(const Principal& actor, Id task_id, bool done, const std::string& ip);

    // What the actor may read, as a list filter.
    Result<AccessFilter> access(const Principal& actor);

private:
    Result<TaskRow> find(const Principal& actor, Id task_id);

    TaskRepository& repo_;
    timeline::TimelineService& timeline_;
    ActorDirectory& actors_;
    const Clock& clock_;
};

}  // namespace rapport::domain::tasks
