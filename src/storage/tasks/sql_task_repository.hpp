#pragma once
#include "domain/tasks/task_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// The task list's SQL: one statement per page, through the partial indexes of migration 0020
// (interactions_tasks_by_assignee, interactions_tasks_by_due), with the reader's access to the
// person and the company a task is about checked on the joined rows.
class SqlTaskRepository final : public domain::tasks::TaskRepository {
public:
    explicit SqlTaskRepository(Database& db) : db_(db) {}
    Result<domain::tasks::TaskPage> list(const domain::tasks::TaskQuery& query) override;
    Result<domain::tasks::TaskCounts> counts(const domain::tasks::TaskQuery& query) override;
    Result<std::optional<domain::tasks::TaskRow>> find(Id workspace_id, const domain::AccessFilter& access,
                                                       Id task_id) override;
    Result<std::optional<std::vector<Id>>> team_members(Id workspace_id, Id team_id) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
