// The task list: GET /api/v1/tasks with assignee, team, status and due date filters in due
// order, and POST /api/v1/tasks/{id}/done and /reopen.
#include <charconv>

#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "api/tasks/tasks_api.hpp"

namespace rapport::api {

using namespace rapport::domain::tasks;
using nlohmann::json;

namespace {

json opt_id_json(const std::optional<Id>& v) {
    return v ? json(id_to_string(*v)) : json(nullptr);
}
json opt_ms_json(const std::optional<UnixMillis>& v) {
    return v ? json(*v) : json(nullptr);
}

std::optional<UnixMillis> millis_param(std::string_view text) {
    UnixMillis v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
    return v;
}

Result<TaskListRequest> read_request(const http::RequestContext& ctx) {
    TaskListRequest in;
    std::vector<FieldError> errors;
    if (auto limit = limit_param(ctx, 50, 500)) {
        in.limit = *limit;
    } else {
        errors.push_back(limit.error());
    }
    if (auto cursor = ctx.query.get("cursor"); cursor && !cursor->empty()) {
        in.after = parse_task_cursor(*cursor);
        if (!in.after) errors.push_back(FieldError::localized("?cursor", "common.cursor_invalid"));
    }
    if (auto assignee = ctx.query.get("assignee"); assignee && !assignee->empty()) {
        if (*assignee == "me") {
            in.assignee_me = true;
        } else if (auto id = parse_id(*assignee)) {
            in.assignee_user_id = *id;
        } else {
            errors.push_back(FieldError::localized("?assignee", "tasks.invalid_assignee"));
        }
    }
    if (auto team = ctx.query.get("team"); team && !team->empty()) {
        if (auto id = parse_id(*team)) {
            in.team_id = *id;
        } else {
            errors.push_back(FieldError::localized("?team", "common.record_id_invalid"));
        }
    }
    if (auto status = ctx.query.get("status"); status && !status->empty()) {
        if (auto s = parse_task_status(*status)) {
            in.status = *s;
        } else {
            errors.push_back(FieldError::localized("?status", "tasks.invalid_status"));
        }
    }
    for (const auto& [name, target] :
         {std::pair{"due_before", &in.due_before}, std::pair{"due_after", &in.due_after}}) {
        if (auto text = ctx.query.get(name); text && !text->empty()) {
            *target = millis_param(*text);
            if (!*target) errors.push_back(FieldError::localized(std::string("?") + name, "tasks.invalid_time"));
        }
    }
    if (!errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "tasks.invalid_parameters", {}, std::move(errors)));
    }
    return in;
}

Result<http::Response> set_done(http::RequestContext& ctx, TasksApi& api, bool done) {
    auto principal = RAPPORT_TRY(authenticate(ctx, api));
    auto id = RAPPORT_TRY(path_id(ctx, "id", "task"));
    auto row = RAPPORT_TRY(api.tasks.set_done(principal, id, done, ctx.peer.address));
    return ok_json(task_json(row, api.clock.now_ms()));
}

}  // namespace

json customer_ref_json(const CustomerRef& ref) {
    return {{"type", to_string(ref.type)}, {"id", id_to_string(ref.id)}, {"name", ref.name}};
}

json task_json(const TaskRow& row, UnixMillis now) {
    const auto& t = row.task;
    const bool overdue = !t.completed_at && t.due_at && *t.due_at < now;
    return {{"id", id_to_string(t.interaction_id)},
            {"subject", t.subject},
            {"body", t.body},
            {"due_at", opt_ms_json(t.due_at)},
            {"overdue", overdue},
            {"completed_at", opt_ms_json(t.completed_at)},
            {"assignee_user_id", opt_id_json(t.assignee_user_id)},
            {"assignee_name", t.assignee_user_id ? json(row.assignee_name) : json(nullptr)},
            {"assigned_at", opt_ms_json(t.assigned_at)},
            {"person_id", opt_id_json(t.person_id)},
            {"company_id", opt_id_json(t.company_id)},
            {"customer", customer_ref_json(row.customer)},
            {"company", row.company ? customer_ref_json(*row.company) : json(nullptr)},
            {"created_by_user_id", opt_id_json(t.created_by_user_id)},
            {"occurred_at", t.occurred_at},
            {"created_at", t.created_at}};
}

void register_tasks_routes(http::Router& router, TasksApi& api) {
    router.add(http::Verb::get, "/api/v1/tasks", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto request = RAPPORT_TRY(read_request(ctx));
        auto page = RAPPORT_TRY(api.tasks.list(principal, request));
        const UnixMillis now = api.clock.now_ms();
        json items = json::array();
        for (const auto& row : page.items) items.push_back(task_json(row, now));
        return ok_json(
            {{"items", items}, {"next_cursor", page.next ? json(format_cursor(*page.next)) : json(nullptr)}});
    });
    router.add(http::Verb::post, "/api/v1/tasks/{id}/done",
               [&api](http::RequestContext& ctx) { return set_done(ctx, api, true); });
    router.add(http::Verb::post, "/api/v1/tasks/{id}/reopen",
               [&api](http::RequestContext& ctx) { return set_done(ctx, api, false); });
}

}  // namespace rapport::api
