#pragma once
// Reading tasks across records. Thread-safe; each method one read.
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "domain/tasks/task.hpp"

namespace rapport::domain::tasks {

class TaskRepository {
public:
    virtual ~TaskRepository() = default;
    // A page of the tasks `query` selects, in the list's order, whose records the reader may read.
    virtual Result<TaskPage> list(const TaskQuery& query) = 0;
    // Open tasks among those `query` selects (its status, cursor and limit ignored), and how many
    // of them are overdue at query.now.
    virtual Result<TaskCounts> counts(const TaskQuery& query) = 0;
    // One task as the list shows it, if it exists and the reader may read its records.
    virtual Result<std::optional<TaskRow>> find(Id workspace_id, const AccessFilter& access, Id task_id) = 0;
    // The members of a team of the workspace; nullopt when there is no such team.
    virtual Result<std::optional<std::vector<Id>>> team_members(Id workspace_id, Id team_id) = 0;
};

}  // namespace rapport::domain::tasks
