#include "storage/portfolios/sql_portfolio_repository.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "storage/access_filter_sql.hpp"
#include "storage/audit_sql.hpp"
#include "storage/batch_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain::portfolios;
using domain::AccessFilter;
using domain::customers::EntityType;

namespace {

// A call, a meeting or an email is contact; a note or a task is not (as the desk counts it).
constexpr const char* kContactKinds = "('call', 'meeting', 'email')";

constexpr const char* kUser =
    "SELECT u.display_name, u.active, EXISTS (SELECT 1 FROM partner_users p WHERE p.workspace_id = u.workspace_id"
    " AND p.user_id = u.user_id) FROM users u WHERE u.workspace_id = $1 AND u.user_id = $2";
constexpr const char* kInsertLog =
    "INSERT INTO portfolio_reassignments (workspace_id, reassignment_id, from_user_id, to_user_id, actor_user_id,"
    " actor_label, companies, people, selected, reassigned_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr const char* kLog =
    "SELECT reassignment_id, from_user_id, to_user_id, actor_user_id, actor_label, companies, people, selected,"
    " reassigned_at FROM portfolio_reassignments WHERE workspace_id = $1"
    " AND (CAST($2 AS BIGINT) IS NULL OR reassignment_id < $2) ORDER BY reassignment_id DESC LIMIT $3";

std::string placeholder(Params& p, Value v) {
    p.push_back(std::move(v));
    return "$" + std::to_string(p.size());
}

// The table, columns and partition expressions of one customer type, aliased `r`.
struct TypeSql {
    EntityType type;
    const char* table;
    const char* id;
    const char* name_columns;  // two columns
    int rank;                  // the type's place in the portfolio's order: companies first
    PartitionColumns partition;
};
TypeSql person_sql() {
    PartitionColumns part;
    part.consumer_of = "r.buyer_company_id";
    return {EntityType::Person, "people", "person_id", "r.first_name, r.last_name", 1, part};
}
TypeSql company_sql() {
    PartitionColumns part;
    part.company_id = "r.company_id";
    return {EntityType::Company, "companies", "company_id", "r.legal_name, r.trade_name", 0, part};
}

std::string name_of(EntityType type, const Row& r, std::size_t at) {
    const std::string a = as_opt_text(r[at]).value_or("");
    const std::string b = as_opt_text(r[at + 1]).value_or("");
    if (type == EntityType::Person) return a.empty() ? b : (b.empty() ? a : a + " " + b);
    if (!a.empty() && !b.empty() && a != b) return b + " (" + a + ")";
    return a.empty() ? b : a;
}

// The last contact with `r`: its own calls, meetings and emails, and for a company its
// contacts' too; NULL when never contacted. (SQLite's two-argument MAX is NULL when either
// is, PostgreSQL's GREATEST ignores NULLs: the CASE means the same on both.)
std::string last_contact_sql(const TypeSql& t) {
    const std::string own = std::string(
                                "(SELECT MAX(i.occurred_at) FROM interactions i WHERE i.workspace_id = r.workspace_id"
                                " AND i.") +
                            t.id + " = r." + t.id + " AND i.kind IN " + kContactKinds + ")";
    if (t.type == EntityType::Person) return own;
    const std::string via =
        std::string(
            "(SELECT MAX(i.occurred_at) FROM affiliations a JOIN interactions i ON i.workspace_id = a.workspace_id"
            " AND i.person_id = a.person_id WHERE a.workspace_id = r.workspace_id AND a.company_id = r.company_id"
            " AND i.kind IN ") +
        kContactKinds + ")";
    return "(SELECT CASE WHEN v.b IS NULL OR v.a >= v.b THEN COALESCE(v.a, v.b) ELSE v.b END FROM (SELECT " + own +
           " AS a, " + via + " AS b) v)";
}

// Whether `r` had contact at or after `since` (a bound parameter).
std::string contacted_since_sql(const TypeSql& t, const std::string& since) {
    std::string sql = std::string(
                          "(EXISTS (SELECT 1 FROM interactions i WHERE i.workspace_id = r.workspace_id"
                          " AND i.") +
                      t.id + " = r." + t.id + " AND i.kind IN " + kContactKinds + " AND i.occurred_at >= " + since +
                      ")";
    if (t.type == EntityType::Company) {
        sql +=
            " OR EXISTS (SELECT 1 FROM affiliations a JOIN interactions i ON i.workspace_id = a.workspace_id"
            " AND i.person_id = a.person_id WHERE a.workspace_id = r.workspace_id AND a.company_id = r.company_id"
            " AND i.kind IN " +
            std::string(kContactKinds) + " AND i.occurred_at >= " + since + ")";
    }
    return sql + ")";
}

// The keyset condition "after the cursor" for rows of type `t` on (contact key, rank, id),
// the contact key being the last contact or -1 when never; `op` is ">" ascending, "<"
// descending on the contact key (rank and id always ascend).
std::string after_sql(const TypeSql& t, const PortfolioCursor& c, const char* op, Params& p) {
    const std::string key = "COALESCE(x.last_contact_at, -1)";
    const std::string at = placeholder(p, c.last_contact_at.value_or(-1));
    const int cursor_rank = c.type == EntityType::Company ? 0 : 1;
    if (t.rank > cursor_rank) return " AND " + key + " " + op + "= " + at;
    if (t.rank < cursor_rank) return " AND " + key + " " + op + " " + at;
    return " AND (" + key + " " + op + " " + at + " OR (" + key + " = " + at + " AND x.id > " + placeholder(p, c.id) +
           "))";
}

struct Extras {
    std::int64_t open_tasks = 0;
    std::optional<NextAction> next;
    std::int64_t open_conversations = 0;
};

std::string in_list(Params& p, const std::vector<Id>& ids) {
    std::string list = "(";
    for (std::size_t k = 0; k < ids.size(); ++k) list += (k ? ", " : "") + placeholder(p, ids[k]);
    return list + ")";
}

// Open tasks (their count and the one due first) and open conversations of `ids`, one
// statement each.
Status load_extras(Connection& c, Id ws, const TypeSql& t, const std::vector<Id>& ids, UnixMillis now,
                   std::map<Id, Extras>& out) {
    if (ids.empty()) return {};
    {
        Params p{ws};
        const std::string sql =
            std::string("SELECT owner_id, n, interaction_id, subject, due_at FROM (SELECT ") + t.id +
            " AS owner_id, interaction_id, subject, due_at, COUNT(*) OVER (PARTITION BY " + t.id +
            ") AS n, ROW_NUMBER() OVER (PARTITION BY " + t.id +
            " ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, interaction_id) AS rn"
            " FROM interactions WHERE workspace_id = $1 AND kind = 'task' AND completed_at IS NULL AND " +
            t.id + " IN " + in_list(p, ids) + ") open_tasks WHERE rn = 1";
        auto rs = RAPPORT_TRY(c.query(sql, p));
        for (const auto& r : rs.rows) {
            auto& e = out[as_int(r[0])];
            e.open_tasks = as_int(r[1]);
            NextAction next;
            next.task_id = as_int(r[2]);
            next.subject = as_opt_text(r[3]).value_or("");
            next.due_at = as_opt_int(r[4]);
            next.overdue = next.due_at && *next.due_at < now;
            e.next = std::move(next);
        }
    }
    {
        Params p{ws};
        const std::string sql = std::string("SELECT ") + t.id +
                                ", COUNT(*) FROM conversations WHERE workspace_id = $1 AND active = TRUE AND " + t.id +
                                " IN " + in_list(p, ids) + " GROUP BY " + t.id;
        auto rs = RAPPORT_TRY(c.query(sql, p));
        for (const auto& r : rs.rows) out[as_int(r[0])].open_conversations = as_int(r[1]);
    }
    return {};
}

struct Ranked {
    PortfolioItem item;
    int rank = 0;
};

}  // namespace

Result<PortfolioPage> SqlPortfolioRepository::portfolio(Id ws, const AccessFilter& access, const PortfolioQuery& q) {
    return read(db_, [&](Connection& c) -> Result<PortfolioPage> {
        const char* op = q.most_neglected_first ? ">" : "<";
        const char* dir = q.most_neglected_first ? "ASC" : "DESC";
        std::vector<Ranked> rows;
        for (const TypeSql& t : {company_sql(), person_sql()}) {
            if (q.type && *q.type != t.type) continue;
            Params p;
            std::string inner = std::string("SELECT r.") + t.id + " AS id, " + t.name_columns + ", " +
                                last_contact_sql(t) + " AS last_contact_at FROM " + t.table +
                                " r WHERE r.workspace_id = " + placeholder(p, ws) +
                                " AND r.owner_user_id = " + placeholder(p, q.owner_user_id) + " AND " +
                                access_condition(access, p, "r.owner_user_id", "r.team_id", t.partition);
            std::string sql = "SELECT * FROM (" + inner + ") x WHERE 1 = 1";
            if (q.no_contact_days) {
                const UnixMillis cutoff = q.now - static_cast<UnixMillis>(*q.no_contact_days) * kDay;
                sql += " AND (x.last_contact_at IS NULL OR x.last_contact_at < " + placeholder(p, cutoff) + ")";
            }
            if (q.after) sql += after_sql(t, *q.after, op, p);
            sql += std::string(" ORDER BY COALESCE(x.last_contact_at, -1) ") + dir + ", x.id LIMIT " +
                   placeholder(p, std::int64_t{q.limit + 1});
            auto rs = RAPPORT_TRY(c.query(sql, p));
            for (const auto& r : rs.rows) {
                Ranked row;
                row.rank = t.rank;
                row.item.record = {t.type, as_int(r[0]), name_of(t.type, r, 1)};
                row.item.last_contact_at = as_opt_int(r[3]);
                row.item.days_since_contact = days_since(row.item.last_contact_at, q.now);
                rows.push_back(std::move(row));
            }
        }
        const bool asc = q.most_neglected_first;
        std::sort(rows.begin(), rows.end(), [asc](const Ranked& a, const Ranked& b) {
            const auto ka = a.item.last_contact_at.value_or(-1), kb = b.item.last_contact_at.value_or(-1);
            if (ka != kb) return asc ? ka < kb : ka > kb;
            if (a.rank != b.rank) return a.rank < b.rank;
            return a.item.record.id < b.item.record.id;
        });
        PortfolioPage page;
        const bool more = rows.size() > static_cast<std::size_t>(q.limit);
        if (more) rows.resize(static_cast<std::size_t>(q.limit));
        std::vector<Id> companies, people;
        for (const auto& r : rows)
            (r.item.record.type == EntityType::Company ? companies : people).push_back(r.item.record.id);
        std::map<Id, Extras> company_extras, person_extras;
        RAPPORT_CHECK(load_extras(c, ws, company_sql(), companies, q.now, company_extras));
        RAPPORT_CHECK(load_extras(c, ws, person_sql(), people, q.now, person_extras));
        for (auto& r : rows) {
            auto& extras = r.item.record.type == EntityType::Company ? company_extras : person_extras;
            if (auto e = extras.find(r.item.record.id); e != extras.end()) {
                r.item.open_tasks = e->second.open_tasks;
                r.item.next_action = e->second.next;
                r.item.open_conversations = e->second.open_conversations;
            }
            page.items.push_back(std::move(r.item));
        }
        if (more && !page.items.empty()) {
            const auto& last = page.items.back();
            page.next_cursor = format_cursor({last.last_contact_at, last.record.type, last.record.id});
        }
        return page;
    });
}

Result<WorkspaceCounts> SqlPortfolioRepository::counts(Id ws, const AccessFilter& access, UnixMillis since) {
    return read(db_, [&](Connection& c) -> Result<WorkspaceCounts> {
        WorkspaceCounts out;
        std::map<Id, OwnerCounts> owners;
        for (const TypeSql& t : {company_sql(), person_sql()}) {
            Params p;
            const std::string ws_p = placeholder(p, ws);
            const std::string since_p = placeholder(p, since);
            const std::string sql = "SELECT r.owner_user_id, COUNT(*), SUM(CASE WHEN r.owner_user_id IS NOT NULL AND " +
                                    contacted_since_sql(t, since_p) + " THEN 1 ELSE 0 END) FROM " + t.table +
                                    " r WHERE r.workspace_id = " + ws_p + " AND " +
                                    access_condition(access, p, "r.owner_user_id", "r.team_id", t.partition) +
                                    " GROUP BY r.owner_user_id";
            auto rs = RAPPORT_TRY(c.query(sql, p));
            for (const auto& r : rs.rows) {
                const auto owner = as_opt_int(r[0]);
                const std::int64_t n = as_int(r[1]);
                if (!owner) {
                    (t.type == EntityType::Company ? out.unowned_companies : out.unowned_people) = n;
                    continue;
                }
                auto& o = owners[*owner];
                o.user_id = *owner;
                (t.type == EntityType::Company ? o.companies : o.people) = n;
                o.contacted += as_opt_int(r[2]).value_or(0);
            }
        }
        for (auto& [id, o] : owners) out.owners.push_back(o);
        return out;
    });
}

Result<std::optional<UserFacts>> SqlPortfolioRepository::user(Id ws, Id user_id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<UserFacts>> {
        auto rs = RAPPORT_TRY(c.query(kUser, {ws, user_id}));
        if (rs.empty()) return std::optional<UserFacts>{};
        const auto& r = rs.rows[0];
        return std::optional<UserFacts>{UserFacts{as_text(r[0]), as_bool(r[1]), as_bool(r[2])}};
    });
}

Result<std::vector<std::pair<Id, UserFacts>>> SqlPortfolioRepository::users(Id ws, const std::vector<Id>& ids) {
    return read(db_, [&](Connection& c) -> Result<std::vector<std::pair<Id, UserFacts>>> {
        std::vector<std::pair<Id, UserFacts>> out;
        RAPPORT_CHECK(for_in_chunks(ids, Params{ws}, [&](const std::string& list, const Params& p) -> Status {
            auto rs =
                RAPPORT_TRY(c.query("SELECT u.user_id, u.display_name, u.active, EXISTS (SELECT 1 FROM partner_users pu"
                                    " WHERE pu.workspace_id = u.workspace_id AND pu.user_id = u.user_id) FROM users u"
                                    " WHERE u.workspace_id = $1 AND u.user_id IN " +
                                        list,
                                    p));
            for (const auto& r : rs.rows) {
                const Id id = as_int(r[0]);
                if (std::any_of(out.begin(), out.end(), [id](const auto& u) { return u.first == id; })) continue;
                out.push_back({id, UserFacts{as_text(r[1]), as_bool(r[2]), as_bool(r[3])}});
            }
            return {};
        }));
        return out;
    });
}

Result<Reassignment> SqlPortfolioRepository::reassign(const ReassignWrite& w) {
    return write_transaction(db_, [&](Connection& c) -> Result<Reassignment> {
        Reassignment log = w.log;
        const Id ws = log.workspace_id;
        const std::string from_text = id_to_string(log.from_user_id);
        const std::string to_text = id_to_string(log.to_user_id);
        std::vector<Params> history, provenance;
        for (const TypeSql& t : {company_sql(), person_sql()}) {
            // UPDATE has no alias: the same conditions on the bare columns.
            PartitionColumns part;
            if (t.type == EntityType::Person) part.consumer_of = "buyer_company_id";
            if (t.type == EntityType::Company) part.company_id = "company_id";
            std::vector<Id> moved;
            const auto update = [&](const std::string& chosen, Params p) -> Status {
                std::string sql =
                    std::string("UPDATE ") + t.table + " SET owner_user_id = " + placeholder(p, log.to_user_id) +
                    ", updated_at = " + placeholder(p, log.reassigned_at) +
                    " WHERE workspace_id = " + placeholder(p, ws) +
                    " AND owner_user_id = " + placeholder(p, log.from_user_id) + " AND " +
                    access_condition(w.writable, p, "owner_user_id", "team_id", part) + chosen + " RETURNING " + t.id;
                auto rs = RAPPORT_TRY(c.query(sql, p));
                for (const auto& r : rs.rows) moved.push_back(as_int(r[0]));
                return {};
            };
            if (!w.records) {
                RAPPORT_CHECK(update("", {}));
            } else {
                std::vector<Id> chosen;
                for (const auto& k : *w.records) {
                    if (k.type == t.type) chosen.push_back(k.id);
                }
                // The chosen ids come first in the parameters, so the list is numbered from $1.
                RAPPORT_CHECK(for_in_chunks(chosen, Params{}, [&](const std::string& list, const Params& p) -> Status {
                    return update(std::string(" AND ") + t.id + " IN " + list, p);
                }));
            }
            std::sort(moved.begin(), moved.end());
            moved.erase(std::unique(moved.begin(), moved.end()), moved.end());
            const std::string type(to_string(t.type));
            for (const Id id : moved) {
                history.push_back({ws, new_id(), type, id, std::string("owner_user_id"), from_text, to_text,
                                   log.reassigned_at, opt(log.actor_user_id), log.actor_label, w.source_kind,
                                   w.source_ref});
                provenance.push_back({ws, type, id, std::string("owner_user_id"), w.source_kind, w.source_ref,
                                      std::string("first_party"), log.reassigned_at});
            }
            (t.type == EntityType::Company ? log.companies : log.people) = static_cast<std::int64_t>(moved.size());
        }
        RAPPORT_CHECK(insert_rows(c,
                                  "INSERT INTO field_history (workspace_id, history_id, entity_type, entity_id, field,"
                                  " old_value, new_value, changed_at, actor_user_id, actor_label, source_kind,"
                                  " source_ref)",
                                  12, "", std::move(history)));
        RAPPORT_CHECK(insert_rows(c,
                                  "INSERT INTO field_provenance (workspace_id, entity_type, entity_id, field,"
                                  " source_kind, source_ref, data_kind, recorded_at)",
                                  8,
                                  " ON CONFLICT (workspace_id, entity_type, entity_id, field) DO UPDATE SET"
                                  " source_kind = excluded.source_kind, source_ref = excluded.source_ref,"
                                  " data_kind = excluded.data_kind, recorded_at = excluded.recorded_at",
                                  std::move(provenance)));
        RAPPORT_CHECK(
            c.execute(kInsertLog, {ws, log.reassignment_id, log.from_user_id, log.to_user_id, opt(log.actor_user_id),
                                   log.actor_label, log.companies, log.people, log.selected, log.reassigned_at}));
        domain::AuditEntry audit;
        audit.workspace_id = ws;
        audit.audit_id = new_id();
        audit.occurred_at = log.reassigned_at;
        audit.actor_user_id = log.actor_user_id;
        audit.actor_api_key_id = w.actor_api_key_id;
        audit.actor_label = log.actor_label;
        audit.action = "portfolio.reassigned";
        audit.target_type = "user";
        audit.target_id = from_text;
        audit.detail = nlohmann::json{
            {"reassignment_id", id_to_string(log.reassignment_id)},
            {"from_user_id", from_text},
            {"to_user_id", to_text},
            {"companies", log.companies},
            {"people", log.people},
            {"selected",
             log.selected}}.dump();
        RAPPORT_CHECK(insert_audit(c, audit));
        return log;
    });
}

Result<ReassignmentPage> SqlPortfolioRepository::reassignments(Id ws, const domain::PageRequest& page) {
    return read(db_, [&](Connection& c) -> Result<ReassignmentPage> {
        auto rs = RAPPORT_TRY(c.query(kLog, {ws, opt(page.after), std::int64_t{page.limit + 1}}));
        ReassignmentPage out;
        for (const auto& r : rs.rows) {
            Reassignment a;
            a.workspace_id = ws;
            a.reassignment_id = as_int(r[0]);
            a.from_user_id = as_int(r[1]);
            a.to_user_id = as_int(r[2]);
            a.actor_user_id = as_opt_int(r[3]);
            a.actor_label = as_text(r[4]);
            a.companies = as_int(r[5]);
            a.people = as_int(r[6]);
            a.selected = as_bool(r[7]);
            a.reassigned_at = as_int(r[8]);
            out.items.push_back(std::move(a));
        }
        finish_page(out.items, page.limit, out.next_cursor, [](const Reassignment& a) { return a.reassignment_id; });
        return out;
    });
}

}  // namespace rapport::storage
