#include "storage/canvas/sql_canvas_repository.hpp"

#include <map>
#include <set>

#include "storage/customers/sql_customer_repository.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain::canvas;
using domain::customers::EntityType;

namespace {

// Appends a bound value and answers its placeholder.
std::string placeholder(Params& params, Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
}

// The column of interactions, conversations and field provenance naming a customer of `type`.
std::string customer_column(EntityType type) {
    return type == EntityType::Person ? "person_id" : "company_id";
}

// 1 for each key field (domain/canvas key_fields) the record fills.
std::string filled_expression(EntityType type) {
    std::string out;
    for (const auto& f : key_fields(type)) {
        out += (out.empty() ? "" : " + ") + std::string("(CASE WHEN r.") + f + " IS NOT NULL AND r." + f +
               " <> '' THEN 1 ELSE 0 END)";
    }
    return out;
}

// "WITH m AS (<the selection's members>) ": id, and when `full` also owner_id, created_at and
// filled. Params start with the workspace id as $1.
Result<std::string> members_cte(Connection& c, Id ws, const Selection& s, Params& params, bool full = false,
                                const std::string& more_ctes = "") {
    const std::string id = s.type == EntityType::Person ? "r.person_id" : "r.company_id";
    std::string columns = id + " AS id";
    if (full) {
        columns +=
            ", r.owner_user_id AS owner_id, r.created_at AS created_at, " + filled_expression(s.type) + " AS filled";
    }
    const std::string select = RAPPORT_TRY(select_records(c, ws, s.type, s.query, columns, params));
    return "WITH m AS (" + select + ")" + more_ctes + " ";
}

bool reads_everything(const domain::customers::ListQuery& q) {
    return q.access.scope == domain::Scope::All && q.access.all_partitions && !q.access.partner_company_id &&
           !q.filter && q.ids.empty() && !q.member_of && q.quick_words.empty();
}

std::vector<KeyCount> key_counts(const ResultSet& rs) {
    std::vector<KeyCount> out;
    for (const auto& r : rs.rows) out.push_back({as_opt_text(r[0]).value_or(""), as_int(r[1])});
    return out;
}

}  // namespace

std::string SqlCanvasRepository::engine() const {
    return db_.dialect() == Dialect::Postgres ? "postgres" : "sqlite";
}

Result<std::int64_t> SqlCanvasRepository::count(Id ws, const Selection& selection) {
    return read(db_, [&](Connection& c) -> Result<std::int64_t> {
        Params p;  // select_records binds the workspace itself
        const std::string select = RAPPORT_TRY(select_records(c, ws, selection.type, selection.query, "1", p));
        auto rs = RAPPORT_TRY(c.query("SELECT COUNT(*) FROM (" + select + ") m", p));
        return as_int(rs.rows.at(0).at(0));
    });
}

Result<SelectionFacts> SqlCanvasRepository::selection_facts(Id ws, const Selection& selection, Period period,
                                                            UnixMillis contact_since, UnixMillis contact_until) {
    return read(db_, [&](Connection& c) -> Result<SelectionFacts> {
        SelectionFacts out;
        const std::string col = customer_column(selection.type);

        {  // Members: size, owners, new, not contacted, key fields filled.
            Params p{ws};
            const std::string with = RAPPORT_TRY(members_cte(c, ws, selection, p, true));
            const std::string from = placeholder(p, period.from);
            const std::string to = placeholder(p, period.to);
            const std::string since = placeholder(p, contact_since);
            const std::string until = placeholder(p, contact_until);
            const std::string sql =
                with +
                "SELECT COUNT(*),"
                " COALESCE(SUM(CASE WHEN m.owner_id IS NOT NULL THEN 1 ELSE 0 END), 0),"
                " COALESCE(SUM(CASE WHEN m.created_at >= " +
                from + " AND m.created_at < " + to +
                " THEN 1 ELSE 0 END), 0),"
                " COALESCE(SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM interactions i WHERE i.workspace_id = $1 AND i." +
                col + " = m.id AND i.occurred_at >= " + since + " AND i.occurred_at < " + until +
                " AND i.kind <> 'task')"
                " AND NOT EXISTS (SELECT 1 FROM conversations cv WHERE cv.workspace_id = $1 AND cv." +
                col + " = m.id AND cv.merged_into_id IS NULL AND cv.last_message_at >= " + since +
                " AND cv.created_at < " + until +
                ") THEN 1 ELSE 0 END), 0),"
                " COALESCE(SUM(m.filled), 0)"
                " FROM m";
            auto rs = RAPPORT_TRY(c.query(sql, p));
            const auto& r = rs.rows.at(0);
            out.members = {as_int(r[0]), as_int(r[1]), as_int(r[2]), as_int(r[3]), as_int(r[4])};
        }
        {  // Portfolios: customers per owner.
            Params p{ws};
            const std::string with = RAPPORT_TRY(members_cte(c, ws, selection, p, true));
            auto rs = RAPPORT_TRY(
                c.query(with + "SELECT m.owner_id, MAX(u.display_name), COUNT(*) FROM m"
                               " LEFT JOIN users u ON u.workspace_id = $1 AND u.user_id = m.owner_id"
                               " WHERE m.owner_id IS NOT NULL GROUP BY m.owner_id ORDER BY COUNT(*) DESC, m.owner_id",
                        p));
            for (const auto& r : rs.rows)
                out.owners.push_back({as_int(r[0]), as_opt_text(r[1]).value_or(""), as_int(r[2])});
        }
        {  // Timeline activity by relationship type, and in all: one pass over the period's
           // entries, grouped by type and customer, then summed both ways.
            Params p{ws};
            // The selection's own parameters come first: number the period after them.
            Params probe{ws};
            RAPPORT_CHECK(members_cte(c, ws, selection, probe));
            const std::string from = "$" + std::to_string(probe.size() + 1);
            const std::string to = "$" + std::to_string(probe.size() + 2);
            const std::string activity =
                ", a AS MATERIALIZED (SELECT COALESCE(i.relationship_type, '') AS t, i." + col +
                " AS customer, COUNT(*) AS n, COALESCE(SUM(i.minutes_spent), 0) AS minutes"
                " FROM interactions i JOIN m ON m.id = i." +
                col + " WHERE i.workspace_id = $1 AND i.kind <> 'task' AND i.occurred_at >= " + from +
                " AND i.occurred_at < " + to + " GROUP BY COALESCE(i.relationship_type, ''), i." + col + ")";
            const std::string with = RAPPORT_TRY(members_cte(c, ws, selection, p, false, activity));
            p.push_back(period.from);
            p.push_back(period.to);
            auto rs =
                RAPPORT_TRY(c.query(with + "SELECT a.t, SUM(a.n), COUNT(*), SUM(a.minutes) FROM a GROUP BY a.t"
                                           " UNION ALL SELECT '*', COALESCE(SUM(a.n), 0), COUNT(DISTINCT a.customer),"
                                           " COALESCE(SUM(a.minutes), 0) FROM a",
                                    p));
            for (const auto& r : rs.rows) {
                const auto type = as_text(r[0]);
                if (type == "*") {
                    out.interactions = as_int(r[1]);
                    out.customers_touched = as_int(r[2]);
                } else {
                    out.activity.push_back({type, as_int(r[1]), as_int(r[2]), as_int(r[3])});
                }
            }
        }
        {  // Conversations created in the period.
            Params p{ws};
            const std::string with = RAPPORT_TRY(members_cte(c, ws, selection, p));
            const std::string from = placeholder(p, period.from);
            const std::string to = placeholder(p, period.to);
            RAPPORT_CHECK(c.query_each(
                with +
                    "SELECT cv.created_at, cv.first_response_at, cv.resolved_at, cv.first_response_due_at, "
                    "cv.sla_policy_id"
                    " FROM conversations cv JOIN m ON m.id = cv." +
                    col + " WHERE cv.workspace_id = $1 AND cv.merged_into_id IS NULL AND cv.created_at >= " + from +
                    " AND cv.created_at < " + to,
                p, [&](const Row& r) {
                    out.conversations.push_back(
                        {as_int(r[0]), as_opt_int(r[1]), as_opt_int(r[2]), as_opt_int(r[3]), as_opt_int(r[4])});
                    return true;
                }));
        }
        {  // CSAT answers given in the period about the members' conversations.
            Params p{ws};
            const std::string with = RAPPORT_TRY(members_cte(c, ws, selection, p));
            const std::string from = placeholder(p, period.from);
            const std::string to = placeholder(p, period.to);
            auto rs = RAPPORT_TRY(
                c.query(with +
                            "SELECT COUNT(*), COALESCE(SUM(q.rating), 0) FROM csat_requests q"
                            " JOIN conversations cv ON cv.workspace_id = $1 AND cv.conversation_id = q.conversation_id"
                            " JOIN m ON m.id = cv." +
                            col + " WHERE q.workspace_id = $1 AND q.rating IS NOT NULL AND q.answered_at >= " + from +
                            " AND q.answered_at < " + to,
                        p));
            out.csat = {as_int(rs.rows.at(0).at(0)), as_int(rs.rows.at(0).at(1))};
        }
        return out;
    });
}

Result<std::vector<SnapshotFact>> SqlCanvasRepository::snapshots(Id ws, Id segment_id, const std::string& last_day) {
    return read(db_, [&](Connection& c) -> Result<std::vector<SnapshotFact>> {
        auto rs =
            RAPPORT_TRY(c.query("SELECT day, member_count, taken_at FROM segment_snapshots"
                                " WHERE workspace_id = $1 AND segment_id = $2 AND day <= $3 ORDER BY day",
                                {ws, segment_id, last_day}));
        std::vector<SnapshotFact> out;
        for (const auto& r : rs.rows) out.push_back({as_text(r[0]), as_int(r[1]), as_int(r[2])});
        return out;
    });
}

Result<WorkspaceFacts> SqlCanvasRepository::workspace_facts(Id ws, const Selection& people, const Selection& companies,
                                                            Period period, bool wide) {
    return read(db_, [&](Connection& c) -> Result<WorkspaceFacts> {
        WorkspaceFacts out;
        {
            Params p;
            const auto select =
                RAPPORT_TRY(select_records(c, ws, companies.type, companies.query, "r.market AS market", p));
            out.companies_by_market = key_counts(
                RAPPORT_TRY(c.query("SELECT m.market, COUNT(*) FROM (" + select + ") m GROUP BY m.market", p)));
        }
        {
            Params p;
            const auto select = RAPPORT_TRY(
                select_records(c, ws, people.type, people.query,
                               "CASE WHEN r.buyer_company_id IS NOT NULL THEN 'b2b2c' ELSE r.kind END AS kind", p));
            auto kinds =
                key_counts(RAPPORT_TRY(c.query("SELECT m.kind, COUNT(*) FROM (" + select + ") m GROUP BY m.kind", p)));
            for (auto& k : kinds) {
                if (k.key == "b2b2c") {
                    out.consumers_of_buyers = k.count;
                } else {
                    out.people_by_kind.push_back(std::move(k));
                }
            }
        }
        const bool everything = reads_everything(people.query) && reads_everything(companies.query);
        {  // CSAT in the period (of the reader's people, unless they read everyone).
            Params p{ws};
            std::string sql =
                "SELECT COUNT(*), COALESCE(SUM(q.rating), 0) FROM csat_requests q WHERE q.workspace_id = $1"
                " AND q.rating IS NOT NULL";
            const std::string from = placeholder(p, period.from);
            const std::string to = placeholder(p, period.to);
            sql += " AND q.answered_at >= " + from + " AND q.answered_at < " + to;
            if (!everything) {
                sql += " AND q.person_id IN (" +
                       RAPPORT_TRY(select_records(c, ws, people.type, people.query, "r.person_id", p)) + ")";
            }
            auto rs = RAPPORT_TRY(c.query(sql, p));
            out.csat = {as_int(rs.rows.at(0).at(0)), as_int(rs.rows.at(0).at(1))};
        }
        {  // Field values by data kind and by source.
            Params p{ws};
            std::string where = " WHERE fp.workspace_id = $1 AND fp.entity_type IN ('person', 'company')";
            if (!everything) {
                const auto ps = RAPPORT_TRY(select_records(c, ws, people.type, people.query, "r.person_id", p));
                const auto cs = RAPPORT_TRY(select_records(c, ws, companies.type, companies.query, "r.company_id", p));
                where += " AND ((fp.entity_type = 'person' AND fp.entity_id IN (" + ps +
                         ")) OR (fp.entity_type = 'company' AND fp.entity_id IN (" + cs + ")))";
            }
            out.values_by_data_kind = key_counts(RAPPORT_TRY(c.query(
                "SELECT fp.data_kind, COUNT(*) FROM field_provenance fp" + where + " GROUP BY fp.data_kind", p)));
            // Record ids are unique across entity types, so the id alone counts records.
            auto rs =
                RAPPORT_TRY(c.query("SELECT fp.source_kind, COUNT(*), COUNT(DISTINCT fp.entity_id)"
                                    " FROM field_provenance fp" +
                                        where + " GROUP BY fp.source_kind ORDER BY fp.source_kind",
                                    p));
            for (const auto& r : rs.rows) {
                out.values_by_source.push_back({as_text(r[0]), as_int(r[1])});
                out.records_by_source.push_back({as_text(r[0]), as_int(r[2])});
            }
        }
        if (!wide) return out;
        {  // The last completed import of each entity type.
            auto rs = RAPPORT_TRY(
                c.query("SELECT entity_type, import_id, filename, status, finished_at, created_count, updated_count"
                        " FROM imports WHERE workspace_id = $1 AND status = 'completed'"
                        " ORDER BY finished_at DESC, import_id DESC",
                        {ws}));
            std::set<std::string> seen;
            for (const auto& r : rs.rows) {
                const auto type = as_text(r[0]);
                if (!seen.insert(type).second) continue;
                out.last_imports.push_back(
                    {type, as_int(r[1]), as_text(r[2]), as_text(r[3]), as_opt_int(r[4]), as_int(r[5]), as_int(r[6])});
            }
        }
        {
            auto rs = RAPPORT_TRY(
                c.query("SELECT t.team_id, t.name, t.kind, COUNT(tm.user_id),"
                        " COALESCE(SUM(CASE WHEN tm.sales_role = 'hunter' THEN 1 ELSE 0 END), 0),"
                        " COALESCE(SUM(CASE WHEN tm.sales_role = 'farmer' THEN 1 ELSE 0 END), 0)"
                        " FROM teams t LEFT JOIN team_members tm ON tm.workspace_id = $1 AND tm.team_id = t.team_id"
                        " WHERE t.workspace_id = $1 GROUP BY t.team_id, t.name, t.kind ORDER BY t.name, t.team_id",
                        {ws}));
            for (const auto& r : rs.rows) {
                out.teams.push_back(
                    {as_int(r[0]), as_text(r[1]), as_text(r[2]), as_int(r[3]), as_int(r[4]), as_int(r[5])});
            }
        }
        {  // Workload of the active users (partner users work outside the company).
            auto users = RAPPORT_TRY(
                c.query("SELECT u.user_id, u.display_name FROM users u WHERE u.workspace_id = $1 AND u.active = TRUE"
                        " AND NOT EXISTS (SELECT 1 FROM partner_users pu WHERE pu.workspace_id = $1"
                        " AND pu.user_id = u.user_id) ORDER BY u.display_name, u.user_id",
                        {ws}));
            std::map<Id, std::size_t> index;
            for (const auto& r : users.rows) {
                index[as_int(r[0])] = out.workload.size();
                out.workload.push_back({as_int(r[0]), as_text(r[1]), 0, 0, 0});
            }
            const auto add = [&](const char* sql, std::int64_t WorkloadFact::*member) -> Status {
                auto rs = RAPPORT_TRY(c.query(sql, {ws}));
                for (const auto& r : rs.rows) {
                    auto it = index.find(as_int(r[0]));
                    if (it != index.end()) out.workload[it->second].*member += as_int(r[1]);
                }
                return {};
            };
            RAPPORT_CHECK(
                add("SELECT assignee_user_id, COUNT(*) FROM conversations WHERE workspace_id = $1"
                    " AND active = TRUE AND assignee_user_id IS NOT NULL GROUP BY assignee_user_id",
                    &WorkloadFact::open_conversations));
            RAPPORT_CHECK(
                add("SELECT assignee_user_id, COUNT(*) FROM interactions WHERE workspace_id = $1"
                    " AND kind = 'task' AND completed_at IS NULL AND assignee_user_id IS NOT NULL"
                    " GROUP BY assignee_user_id",
                    &WorkloadFact::open_tasks));
            RAPPORT_CHECK(
                add("SELECT owner_user_id, COUNT(*) FROM people WHERE workspace_id = $1"
                    " AND owner_user_id IS NOT NULL GROUP BY owner_user_id",
                    &WorkloadFact::owned_customers));
            RAPPORT_CHECK(
                add("SELECT owner_user_id, COUNT(*) FROM companies WHERE workspace_id = $1"
                    " AND owner_user_id IS NOT NULL GROUP BY owner_user_id",
                    &WorkloadFact::owned_customers));
        }
        {
            auto rs =
                RAPPORT_TRY(c.query("SELECT COUNT(*), COALESCE(SUM(CASE WHEN enabled THEN 1 ELSE 0 END), 0)"
                                    " FROM mailboxes WHERE workspace_id = $1",
                                    {ws}));
            out.mailboxes = as_int(rs.rows.at(0).at(0));
            out.mailboxes_enabled = as_int(rs.rows.at(0).at(1));
            out.conversation_channels = key_counts(RAPPORT_TRY(
                c.query("SELECT channel, COUNT(*) FROM conversations WHERE workspace_id = $1 AND merged_into_id IS NULL"
                        " GROUP BY channel ORDER BY channel",
                        {ws})));
            auto keys = RAPPORT_TRY(
                c.query("SELECT COUNT(*) FROM api_keys WHERE workspace_id = $1 AND revoked_at IS NULL", {ws}));
            out.api_keys_active = as_int(keys.rows.at(0).at(0));
            auto forms = RAPPORT_TRY(
                c.query("SELECT COUNT(*) FROM contact_forms WHERE workspace_id = $1 AND enabled = TRUE", {ws}));
            out.contact_forms = as_int(forms.rows.at(0).at(0));
        }
        return out;
    });
}

}  // namespace rapport::storage
