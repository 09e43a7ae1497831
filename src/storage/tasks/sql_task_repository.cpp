#include "storage/tasks/sql_task_repository.hpp"

#include "storage/access_filter_sql.hpp"
#include "storage/timeline/interaction_row.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain::tasks;
using domain::AccessFilter;
using domain::customers::EntityType;

namespace {

constexpr const char* kTeamExists = "SELECT 1 FROM teams WHERE workspace_id = $1 AND team_id = $2";
constexpr const char* kTeamMembers =
    "SELECT user_id FROM team_members WHERE workspace_id = $1 AND team_id = $2 ORDER BY user_id";

std::string placeholder(Params& p, Value v) {
    p.push_back(std::move(v));
    return "$" + std::to_string(p.size());
}

// FROM and the conditions every task query shares: the workspace, kind task, and the reader's
// access to the person and the company the task is about (both, when it names both).
std::string from_where(Params& p, Id ws, const AccessFilter& access) {
    std::string sql =
        " FROM interactions i"
        " LEFT JOIN people p ON p.workspace_id = i.workspace_id AND p.person_id = i.person_id"
        " LEFT JOIN companies c ON c.workspace_id = i.workspace_id AND c.company_id = i.company_id"
        " LEFT JOIN users u ON u.workspace_id = i.workspace_id AND u.user_id = i.assignee_user_id"
        " WHERE i.workspace_id = " +
        placeholder(p, ws) + " AND i.kind = 'task'";
    PartitionColumns person_partition;
    person_partition.consumer_of = "p.buyer_company_id";
    PartitionColumns company_partition;
    company_partition.company_id = "c.company_id";
    sql += " AND (i.person_id IS NULL OR (p.person_id IS NOT NULL AND " +
           access_condition(access, p, "p.owner_user_id", "p.team_id", person_partition) + "))";
    sql += " AND (i.company_id IS NULL OR (c.company_id IS NOT NULL AND " +
           access_condition(access, p, "c.owner_user_id", "c.team_id", company_partition) + "))";
    return sql;
}

// The query's own conditions (assignee, team, status, dates); `with_status` false for counts.
std::string conditions(Params& p, const TaskQuery& q, bool with_status) {
    std::string sql;
    if (q.assignee_user_id) sql += " AND i.assignee_user_id = " + placeholder(p, *q.assignee_user_id);
    if (q.assignees) {
        if (q.assignees->empty()) return sql + " AND 1=0";
        sql += " AND i.assignee_user_id IN (";
        for (std::size_t k = 0; k < q.assignees->size(); ++k) {
            sql += (k ? ", " : "") + placeholder(p, (*q.assignees)[k]);
        }
        sql += ")";
    }
    if (with_status) {
        switch (q.status) {
            case TaskStatus::Any: break;
            case TaskStatus::Open: sql += " AND i.completed_at IS NULL"; break;
            case TaskStatus::Done: sql += " AND i.completed_at IS NOT NULL"; break;
            case TaskStatus::Overdue:
                sql += " AND i.completed_at IS NULL AND i.due_at < " + placeholder(p, q.now);
                break;
        }
    } else {
        sql += " AND i.completed_at IS NULL";
    }
    if (q.due_before) sql += " AND i.due_at < " + placeholder(p, *q.due_before);
    if (q.due_after) sql += " AND i.due_at >= " + placeholder(p, *q.due_after);
    if (q.assigned_after) sql += " AND i.assigned_at >= " + placeholder(p, *q.assigned_after);
    if (q.assigned_by_other_than) {
        sql += " AND (i.assigned_by_user_id IS NULL OR i.assigned_by_user_id <> " +
               placeholder(p, *q.assigned_by_other_than) + ")";
    }
    return sql;
}

// Whether the query can select tasks without a due date at all.
bool undated_possible(const TaskQuery& q) {
    return !q.due_before && !q.due_after && q.status != TaskStatus::Overdue;
}

std::string select_columns() {
    return "SELECT " + interaction_columns("i") +
           ", p.first_name, p.last_name, c.legal_name, c.trade_name, u.display_name";
}

std::string company_name(const Row& r, std::size_t at) {
    const auto legal = as_opt_text(r[at]);
    const auto trade = as_opt_text(r[at + 1]);
    if (legal && trade && !trade->empty() && *trade != *legal) return *trade + " (" + *legal + ")";
    if (legal && !legal->empty()) return *legal;
    return trade.value_or("");
}

TaskRow row_of(const Row& r) {
    TaskRow row;
    row.task = interaction_from_row(r);
    const std::size_t at = kInteractionColumnCount;
    std::optional<CustomerRef> person;
    if (row.task.person_id) {
        std::string name = as_opt_text(r[at]).value_or("");
        const std::string last = as_opt_text(r[at + 1]).value_or("");
        if (!last.empty()) name += (name.empty() ? "" : " ") + last;
        person = CustomerRef{EntityType::Person, *row.task.person_id, name};
    }
    std::optional<CustomerRef> company;
    if (row.task.company_id) company = CustomerRef{EntityType::Company, *row.task.company_id, company_name(r, at + 2)};
    if (person) {
        row.customer = *person;
        row.company = company;
    } else if (company) {
        row.customer = *company;
    }
    row.assignee_name = as_opt_text(r[at + 4]).value_or("");
    return row;
}

}  // namespace

Result<TaskPage> SqlTaskRepository::list(const TaskQuery& q) {
    return read(db_, [&](Connection& c) -> Result<TaskPage> {
        TaskPage page;
        const std::int64_t want = q.limit + 1;
        // Two steps, each in one index order: the tasks with a due date by (due_at, id), then
        // those without one by id. (NULLs sort first in SQLite and last in PostgreSQL, so one
        // ORDER BY would not page alike on both.)
        const bool in_dated = !q.after || q.after->due_at;
        if (in_dated) {
            Params p;
            std::string sql = select_columns() + from_where(p, q.workspace_id, q.access) + conditions(p, q, true) +
                              " AND i.due_at IS NOT NULL";
            if (q.after) {
                const std::string due = placeholder(p, *q.after->due_at);
                sql += " AND (i.due_at > " + due + " OR (i.due_at = " + due + " AND i.interaction_id > " +
                       placeholder(p, q.after->interaction_id) + "))";
            }
            sql += " ORDER BY i.due_at, i.interaction_id LIMIT " + placeholder(p, want);
            auto rs = RAPPORT_TRY(c.query(sql, p));
            for (const auto& r : rs.rows) page.items.push_back(row_of(r));
        }
        if (static_cast<std::int64_t>(page.items.size()) < want && undated_possible(q)) {
            Params p;
            std::string sql = select_columns() + from_where(p, q.workspace_id, q.access) + conditions(p, q, true) +
                              " AND i.due_at IS NULL";
            if (q.after && !q.after->due_at) {
                sql += " AND i.interaction_id > " + placeholder(p, q.after->interaction_id);
            }
            sql += " ORDER BY i.interaction_id LIMIT " +
                   placeholder(p, want - static_cast<std::int64_t>(page.items.size()));
            auto rs = RAPPORT_TRY(c.query(sql, p));
            for (const auto& r : rs.rows) page.items.push_back(row_of(r));
        }
        if (static_cast<int>(page.items.size()) > q.limit) {
            page.items.resize(static_cast<std::size_t>(q.limit));
            const auto& last = page.items.back().task;
            page.next = TaskCursor{last.due_at, last.interaction_id};
        }
        return page;
    });
}

Result<TaskCounts> SqlTaskRepository::counts(const TaskQuery& q) {
    return read(db_, [&](Connection& c) -> Result<TaskCounts> {
        Params p;
        std::string sql = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN i.due_at < ";
        sql += placeholder(p, q.now) + " THEN 1 ELSE 0 END), 0)";
        sql += from_where(p, q.workspace_id, q.access) + conditions(p, q, false);
        auto rs = RAPPORT_TRY(c.query(sql, p));
        TaskCounts out;
        if (!rs.empty()) {
            out.open = as_int(rs.rows[0][0]);
            out.overdue = as_int(rs.rows[0][1]);
        }
        return out;
    });
}

Result<std::optional<TaskRow>> SqlTaskRepository::find(Id ws, const AccessFilter& access, Id task_id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<TaskRow>> {
        Params p;
        std::string sql = select_columns() + from_where(p, ws, access);
        sql += " AND i.interaction_id = " + placeholder(p, task_id);
        auto rs = RAPPORT_TRY(c.query(sql, p));
        if (rs.empty()) return std::optional<TaskRow>{};
        return std::optional<TaskRow>{row_of(rs.rows[0])};
    });
}

Result<std::optional<std::vector<Id>>> SqlTaskRepository::team_members(Id ws, Id team_id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<std::vector<Id>>> {
        auto exists = RAPPORT_TRY(c.query(kTeamExists, {ws, team_id}));
        if (exists.empty()) return std::optional<std::vector<Id>>{};
        auto rs = RAPPORT_TRY(c.query(kTeamMembers, {ws, team_id}));
        std::vector<Id> out;
        for (const auto& r : rs.rows) out.push_back(as_int(r[0]));
        return std::optional<std::vector<Id>>{std::move(out)};
    });
}

}  // namespace rapport::storage
