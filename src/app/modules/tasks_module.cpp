// Tasks: the timeline's task entries as one list across customers (my tasks, a team's tasks).
#include <optional>

#include "api/tasks/tasks_api.hpp"
#include "app/area_module.hpp"
#include "domain/tasks/task_service.hpp"
#include "storage/tasks/sql_task_repository.hpp"

namespace rapport::generated {
const char* openapi_tasks();  // src/api/tasks/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class TasksModule final : public AreaModule {
public:
    std::string_view name() const override { return "tasks"; }

    std::string_view openapi_fragment() const override { return generated::openapi_tasks(); }

    void build(ModuleContext& ctx) override {
        clock_ = &ctx.clock;
        repo_.emplace(ctx.database);
        tasks_.emplace(*repo_, ctx.services.get<domain::timeline::TimelineService>(),
                       ctx.services.get<domain::ActorDirectory>(), ctx.clock);
        ctx.services.provide<domain::tasks::TaskService>(*tasks_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::TasksApi{shared, *tasks_, *clock_});
        api::register_tasks_routes(router, *api_);
    }

private:
    const Clock* clock_ = nullptr;
    std::optional<storage::SqlTaskRepository> repo_;
    std::optional<domain::tasks::TaskService> tasks_;
    std::optional<api::TasksApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_tasks_module() {
    return std::make_unique<TasksModule>();
}

}  // namespace rapport::app
