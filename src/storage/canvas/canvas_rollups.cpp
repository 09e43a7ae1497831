#include "storage/canvas/canvas_rollups.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <variant>

#include "domain/permissions/unrestricted.hpp"

namespace rapport::storage::canvas_rollups {

using namespace rapport::domain::canvas;
using domain::customers::EntityType;

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

const char* entity_name(EntityType type) {
    return type == EntityType::Person ? "person" : "company";
}
std::string table_of(EntityType type) {
    return type == EntityType::Person ? "people" : "companies";
}
std::string id_of(EntityType type) {
    return type == EntityType::Person ? "person_id" : "company_id";
}

// A period cut into whole hours (read from the hour rollups) and the partial edges (read from
// the rows). Rollup hours start at 1: integer division truncates, so hour 0 also holds the
// instants just before the epoch.
struct Split {
    std::int64_t first_hour = 0;  // [first_hour, end_hour) whole hours, empty when equal
    std::int64_t end_hour = 0;
    std::vector<std::pair<UnixMillis, UnixMillis>> edges;  // half-open ranges read row by row
};

Split split(UnixMillis from, UnixMillis to) {
    Split s;
    if (to <= from) return s;
    if (from >= 0) {
        const std::int64_t first = std::max<std::int64_t>(1, (from + kHourMs - 1) / kHourMs);
        const std::int64_t end = to / kHourMs;
        if (first < end) {
            s.first_hour = first;
            s.end_hour = end;
            if (from < first * kHourMs) s.edges.emplace_back(from, first * kHourMs);
            if (end * kHourMs < to) s.edges.emplace_back(end * kHourMs, to);
            return s;
        }
    }
    s.edges.emplace_back(from, to);
    return s;
}

// "EXISTS (the record of column `column` exists)".
std::string record_exists(EntityType type, const std::string& column) {
    return "EXISTS (SELECT 1 FROM " + table_of(type) + " r WHERE r.workspace_id = $1 AND r." + id_of(type) + " = " +
           column + ")";
}

// Customers of `type` with a timeline entry (tasks excluded) in [from, to), for each of the
// relationship types `types` ('' none, '*' any): those whose latest entry of that type falls in
// the period (hour histogram plus edges), and those whose latest entry is later but who also
// have one in it. One statement per part for every type at once (an IN list over the index).
Result<std::map<std::string, std::int64_t>> active_customers(Connection& c, Id ws, EntityType type,
                                                             const std::vector<std::string>& types, UnixMillis from,
                                                             UnixMillis to) {
    std::map<std::string, std::int64_t> n;
    for (const auto& t : types) n[t] = 0;
    if (to <= from || types.empty()) return n;
    Params base{ws, std::string(entity_name(type))};
    std::string in;
    for (const auto& t : types) {
        base.push_back(t);
        in += (in.empty() ? "$" : ", $") + std::to_string(base.size());
    }
    const auto add = [&](const ResultSet& rs) {
        for (const auto& r : rs.rows) n[as_text(r[0])] += as_int(r[1]);
    };
    const auto with = [&](std::initializer_list<Value> more) {
        Params p = base;
        p.insert(p.end(), more);
        return p;
    };
    const std::string next = "$" + std::to_string(base.size() + 1);
    const std::string after = "$" + std::to_string(base.size() + 2);
    const Split s = split(from, to);
    if (s.first_hour < s.end_hour) {
        add(RAPPORT_TRY(
            c.query("SELECT relationship_type, SUM(customers) FROM canvas_activity_hours"
                    " WHERE workspace_id = $1 AND entity_type = $2 AND relationship_type IN (" +
                        in + ") AND hour >= " + next + " AND hour < " + after + " GROUP BY relationship_type",
                    with({s.first_hour, s.end_hour}))));
    }
    for (const auto& [a, b] : s.edges) {
        add(RAPPORT_TRY(
            c.query("SELECT relationship_type, COUNT(*) FROM canvas_customer_activity"
                    " WHERE workspace_id = $1 AND entity_type = $2 AND relationship_type IN (" +
                        in + ") AND last_at >= " + next + " AND last_at < " + after + " GROUP BY relationship_type",
                    with({a, b}))));
    }
    add(RAPPORT_TRY(c.query(
        "SELECT a.relationship_type, COUNT(*) FROM canvas_customer_activity a WHERE a.workspace_id = $1"
        " AND a.entity_type = $2 AND a.relationship_type IN (" +
            in + ") AND a.last_at >= " + after + " AND EXISTS (SELECT 1 FROM interactions i" +
            " WHERE i.workspace_id = $1 AND i." + id_of(type) +
            " = a.customer_id AND i.kind <> 'task' AND i.occurred_at >= " + next + " AND i.occurred_at < " + after +
            " AND (a.relationship_type = '*' OR COALESCE(i.relationship_type, '') = a.relationship_type))"
            " GROUP BY a.relationship_type",
        with({from, to}))));
    return n;
}

struct TypeSums {
    std::int64_t interactions = 0;
    std::int64_t minutes = 0;
};

// Timeline entries (tasks excluded) of existing customers of `type` in the period, by type.
Result<std::map<std::string, TypeSums>> interactions_by_type(Connection& c, Id ws, EntityType type, Period period) {
    std::map<std::string, TypeSums> out;
    const Split s = split(period.from, period.to);
    if (s.first_hour < s.end_hour) {
        auto rs = RAPPORT_TRY(c.query(
            "SELECT relationship_type, COALESCE(SUM(interactions), 0), COALESCE(SUM(minutes), 0)"
            " FROM canvas_interaction_hours WHERE workspace_id = $1 AND entity_type = $2 AND hour >= $3 AND hour < $4"
            " GROUP BY relationship_type",
            {ws, std::string(entity_name(type)), s.first_hour, s.end_hour}));
        for (const auto& r : rs.rows) {
            auto& t = out[as_text(r[0])];
            t.interactions += as_int(r[1]);
            t.minutes += as_int(r[2]);
        }
    }
    const std::string col = "i." + id_of(type);
    // The edges read the covering index alone (SQLite's planner, on sampled statistics, would
    // take interactions_by_time and look every entry up).
    const std::string from_entries = c.dialect() == Dialect::Sqlite
                                         ? " FROM interactions i INDEXED BY canvas_interactions_by_time"
                                         : " FROM interactions i";
    for (const auto& [a, b] : s.edges) {
        auto rs = RAPPORT_TRY(c.query(
            "SELECT COALESCE(i.relationship_type, ''), COUNT(*), COALESCE(SUM(i.minutes_spent), 0)" + from_entries +
                " WHERE i.workspace_id = $1 AND i.occurred_at >= $2 AND i.occurred_at < $3 AND i.kind <> 'task' AND " +
                col + " IS NOT NULL AND " + record_exists(type, col) + " GROUP BY COALESCE(i.relationship_type, '')",
            {ws, a, b}));
        for (const auto& r : rs.rows) {
            auto& t = out[as_text(r[0])];
            t.interactions += as_int(r[1]);
            t.minutes += as_int(r[2]);
        }
    }
    return out;
}

// Records of `type` created in the period.
Result<std::int64_t> created_in(Connection& c, Id ws, EntityType type, Period period) {
    std::int64_t n = 0;
    const Split s = split(period.from, period.to);
    if (s.first_hour < s.end_hour) {
        auto rs =
            RAPPORT_TRY(c.query("SELECT COALESCE(SUM(customers), 0) FROM canvas_created_hours WHERE workspace_id = $1"
                                " AND entity_type = $2 AND hour >= $3 AND hour < $4",
                                {ws, std::string(entity_name(type)), s.first_hour, s.end_hour}));
        n += as_int(rs.rows.at(0).at(0));
    }
    for (const auto& [a, b] : s.edges) {
        auto rs = RAPPORT_TRY(c.query("SELECT COUNT(*) FROM " + table_of(type) +
                                          " WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3",
                                      {ws, a, b}));
        n += as_int(rs.rows.at(0).at(0));
    }
    return n;
}

bool matches_everything(const domain::filters::FilterNode& f) {
    const auto* all = std::get_if<domain::filters::And>(&f.node);
    return all != nullptr && all->children.empty();
}

}  // namespace

bool selects_everything(const domain::customers::ListQuery& q) {
    return domain::restricts_nothing(q.access) && (!q.filter || matches_everything(*q.filter)) && q.ids.empty() &&
           !q.member_of && q.quick_words.empty();
}

Result<Counts> counts(Connection& c, Id ws, EntityType type) {
    Counts out;
    const std::string et = entity_name(type);
    auto kinds = RAPPORT_TRY(
        c.query("SELECT kind, COALESCE(SUM(customers), 0), COALESCE(SUM(filled), 0),"
                " COALESCE(SUM(CASE WHEN owner_user_id <> 0 THEN customers ELSE 0 END), 0)"
                " FROM canvas_customer_counts WHERE workspace_id = $1 AND entity_type = $2 GROUP BY kind ORDER BY kind",
                {ws, et}));
    for (const auto& r : kinds.rows) {
        const std::int64_t n = as_int(r[1]);
        out.members += n;
        out.filled += as_int(r[2]);
        out.with_owner += as_int(r[3]);
        if (n > 0) out.by_kind.push_back({as_text(r[0]), n});
    }
    auto owners = RAPPORT_TRY(
        c.query("SELECT o.owner_user_id, u.display_name, o.n FROM (SELECT owner_user_id, SUM(customers) AS n"
                " FROM canvas_customer_counts WHERE workspace_id = $1 AND entity_type = $2 AND owner_user_id <> 0"
                " GROUP BY owner_user_id) o LEFT JOIN users u ON u.workspace_id = $1 AND u.user_id = o.owner_user_id"
                " WHERE o.n > 0 ORDER BY o.n DESC, o.owner_user_id",
                {ws, et}));
    for (const auto& r : owners.rows) {
        out.owners.push_back({as_int(r[0]), as_opt_text(r[1]).value_or(""), as_int(r[2])});
    }
    return out;
}

Result<SelectionFacts> selection_facts(Connection& c, Id ws, EntityType type, Period period, UnixMillis contact_since,
                                       UnixMillis contact_until) {
    SelectionFacts out;
    const std::string col = id_of(type);
    {  // Members.
        auto n = RAPPORT_TRY(counts(c, ws, type));
        out.members.members = n.members;
        out.members.with_owner = n.with_owner;
        out.members.key_fields_filled = n.filled;
        out.owners = std::move(n.owners);
        out.members.created_in_period = RAPPORT_TRY(created_in(c, ws, type, period));
        // Contacted: a timeline entry in the window, or else a conversation alive in it.
        std::int64_t contacted =
            RAPPORT_TRY(active_customers(c, ws, type, {"*"}, contact_since, contact_until)).at("*");
        auto by_conversation = RAPPORT_TRY(c.query(
            "SELECT COUNT(DISTINCT cv." + col + ") FROM conversations cv WHERE cv.workspace_id = $1 AND cv." + col +
                " IS NOT NULL AND cv.merged_into_id IS NULL AND cv.last_message_at >= $2 AND cv.created_at < $3 AND " +
                record_exists(type, "cv." + col) + " AND NOT EXISTS (SELECT 1 FROM interactions i" +
                " WHERE i.workspace_id = $1 AND i." + col + " = cv." + col +
                " AND i.kind <> 'task' AND i.occurred_at >= $2 AND i.occurred_at < $3)",
            {ws, contact_since, contact_until}));
        contacted += as_int(by_conversation.rows.at(0).at(0));
        out.members.not_contacted = out.members.members - contacted;
    }
    {  // Timeline activity by relationship type, and in all.
        const auto sums = RAPPORT_TRY(interactions_by_type(c, ws, type, period));
        std::vector<std::string> types = {"*"};
        for (const auto& [rt, t] : sums) {
            if (t.interactions > 0) types.push_back(rt);
        }
        const auto touched = RAPPORT_TRY(active_customers(c, ws, type, types, period.from, period.to));
        for (const auto& [rt, t] : sums) {
            if (t.interactions <= 0) continue;
            out.interactions += t.interactions;
            out.activity.push_back({rt, t.interactions, touched.at(rt), t.minutes});
        }
        out.customers_touched = touched.at("*");
    }
    return out;
}

Result<Values> values(Connection& c, Id ws) {
    Values out;
    auto kinds =
        RAPPORT_TRY(c.query("SELECT data_kind, SUM(field_values) FROM canvas_value_counts WHERE workspace_id = $1"
                            " GROUP BY data_kind HAVING SUM(field_values) > 0 ORDER BY data_kind",
                            {ws}));
    for (const auto& r : kinds.rows) out.by_data_kind.push_back({as_text(r[0]), as_int(r[1])});
    auto sources = RAPPORT_TRY(
        c.query("SELECT v.source_kind, v.n, COALESCE(s.records, 0) FROM (SELECT source_kind, SUM(field_values) AS n"
                " FROM canvas_value_counts WHERE workspace_id = $1 GROUP BY source_kind) v"
                " LEFT JOIN canvas_source_records s ON s.workspace_id = $1 AND s.source_kind = v.source_kind"
                " WHERE v.n > 0 ORDER BY v.source_kind",
                {ws}));
    for (const auto& r : sources.rows) {
        out.by_source.push_back({as_text(r[0]), as_int(r[1])});
        out.records_by_source.push_back({as_text(r[0]), as_int(r[2])});
    }
    return out;
}

}  // namespace rapport::storage::canvas_rollups
