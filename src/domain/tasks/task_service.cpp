#include "domain/tasks/task_service.hpp"

#include <algorithm>

namespace rapport::domain::tasks {

Result<AccessFilter> TaskService::access(const Principal& actor) {
    const Actor who = RAPPORT_TRY(actors_.actor_for(actor));
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    return read_filter(who, grants);
}

Result<TaskPage> TaskService::list(const Principal& actor, const TaskListRequest& request) {
    TaskQuery q;
    q.workspace_id = actor.workspace_id;
    q.access = RAPPORT_TRY(access(actor));
    if (request.assignee_me) {
        if (!actor.user_id) return fail(Error::localized_field("?assignee", "tasks.no_user_of_key"));
        q.assignee_user_id = actor.user_id;
    } else {
        q.assignee_user_id = request.assignee_user_id;
    }
    if (request.team_id) {
        auto members = RAPPORT_TRY(repo_.team_members(actor.workspace_id, *request.team_id));
        const Actor who = RAPPORT_TRY(actors_.actor_for(actor));
        // A partner user knows only the teams they belong to (as the teams area answers them).
        const bool known = who.partner_company_id ? std::find(who.team_ids.begin(), who.team_ids.end(),
                                                              *request.team_id) != who.team_ids.end()
                                                  : true;
        if (!members || !known) {
            return fail(Error::localized(ErrorCode::NotFound, "tasks.team_not_found",
                                         {{"id", id_to_string(*request.team_id)}}));
        }
        q.assignees = std::move(*members);
    }
    q.status = request.status;
    q.due_before = request.due_before;
    q.due_after = request.due_after;
    q.now = clock_.now_ms();
    q.after = request.after;
    q.limit = request.limit;
    return repo_.list(q);
}

Result<TaskService::Mine> TaskService::mine(const Principal& actor, int limit) {
    Mine out;
    if (!actor.user_id) return out;  // an API key has no tasks of its own
    TaskQuery q;
    q.workspace_id = actor.workspace_id;
    q.access = RAPPORT_TRY(access(actor));
    q.assignee_user_id = actor.user_id;
    q.status = TaskStatus::Open;
    q.now = clock_.now_ms();
    q.limit = limit;
    out.counts = RAPPORT_TRY(repo_.counts(q));
    out.first = RAPPORT_TRY(repo_.list(q)).items;
    return out;
}

Result<std::vector<TaskRow>> TaskService::assigned_since(const Principal& actor, UnixMillis since, int limit) {
    if (!actor.user_id) return std::vector<TaskRow>{};
    TaskQuery q;
    q.workspace_id = actor.workspace_id;
    q.access = RAPPORT_TRY(access(actor));
    q.assignee_user_id = actor.user_id;
    q.status = TaskStatus::Open;
    q.assigned_after = since;
    q.assigned_by_other_than = actor.user_id;
    q.now = clock_.now_ms();
    q.limit = limit;
    return RAPPORT_TRY(repo_.list(q)).items;
}

Result<TaskRow> TaskService::find(const Principal& actor, Id task_id) {
    const AccessFilter filter = RAPPORT_TRY(access(actor));
    auto row = RAPPORT_TRY(repo_.find(actor.workspace_id, filter, task_id));
    if (!row) {
        return fail(Error::localized(ErrorCode::NotFound, "tasks.task_not_found", {{"id", id_to_string(task_id)}}));
    }
    return std::move(*row);
}

Result<TaskRow> TaskService::set_done(const Principal& actor, Id task_id, bool done, const std::string& ip) {
    RAPPORT_CHECK(find(actor, task_id));
    timeline::InteractionInput in;
    in.completed = done;
    RAPPORT_CHECK(timeline_.update(actor, task_id, in, ip));
    return find(actor, task_id);
}

}  // namespace rapport::domain::tasks
