#pragma once
// The tasks area's routes: the task list across customers, and marking a task done or open.
// What they use beyond the shared ApiContext; the tasks module (src/app/modules) builds it.
#include <nlohmann/json.hpp>

#include "api/api_context.hpp"
#include "core/clock.hpp"
#include "domain/tasks/task_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct TasksApi : ApiContext {
    domain::tasks::TaskService& tasks;
    const Clock& clock;  // what "overdue" is measured against
};

void register_tasks_routes(http::Router& router, TasksApi& api);

// A task as the list shows it; the desk's cards show tasks alike.
nlohmann::json task_json(const domain::tasks::TaskRow& row, UnixMillis now);
nlohmann::json customer_ref_json(const domain::tasks::CustomerRef& ref);

}  // namespace rapport::api
