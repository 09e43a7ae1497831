#include "storage/desk/sql_desk_repository.hpp"

#include <algorithm>
#include <map>

#include "storage/access_filter_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain::desk;
using domain::AccessFilter;
using domain::customers::EntityType;

namespace {

// How many of the newest rows of each source the recent card reads to find `limit` records.
constexpr std::int64_t kRecentHistoryRows = 200;
constexpr std::int64_t kRecentInteractionRows = 50;

constexpr const char* kRecentHistory =
    "SELECT entity_type, entity_id, changed_at, history_id FROM field_history"
    " WHERE workspace_id = $1 AND actor_user_id = $2 AND source_kind <> 'import'"
    " ORDER BY history_id DESC LIMIT $3";
constexpr const char* kRecentInteractions =
    "SELECT person_id, company_id, created_at, interaction_id FROM interactions"
    " WHERE workspace_id = $1 AND created_by_user_id = $2 ORDER BY interaction_id DESC LIMIT $3";
constexpr const char* kVisit =
    "SELECT since_at, last_visit_at FROM desk_visits WHERE workspace_id = $1 AND user_id = $2";
constexpr const char* kSaveVisit =
    "INSERT INTO desk_visits (workspace_id, user_id, since_at, last_visit_at) VALUES ($1, $2, $3, $4)"
    " ON CONFLICT (workspace_id, user_id) DO UPDATE SET since_at = excluded.since_at,"
    " last_visit_at = excluded.last_visit_at";

// A call, a meeting or an email is contact; a note or a task is not.
constexpr const char* kContactKinds = "('call', 'meeting', 'email')";

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
    PartitionColumns partition;
};
TypeSql person_sql() {
    PartitionColumns part;
    part.consumer_of = "r.buyer_company_id";
    return {EntityType::Person, "people", "person_id", "r.first_name, r.last_name", part};
}
TypeSql company_sql() {
    PartitionColumns part;
    part.company_id = "r.company_id";
    return {EntityType::Company, "companies", "company_id", "r.legal_name, r.trade_name", part};
}

std::string name_of(EntityType type, const Row& r, std::size_t at) {
    const std::string a = as_opt_text(r[at]).value_or("");
    const std::string b = as_opt_text(r[at + 1]).value_or("");
    if (type == EntityType::Person) return a.empty() ? b : (b.empty() ? a : a + " " + b);
    if (!a.empty() && !b.empty() && a != b) return b + " (" + a + ")";
    return a.empty() ? b : a;
}

std::string access_of(const TypeSql& t, const AccessFilter& access, Params& p) {
    return access_condition(access, p, "r.owner_user_id", "r.team_id", t.partition);
}

// The names of `ids` of one type that `access` may read.
Result<std::map<Id, std::string>> names(Connection& c, Id ws, const TypeSql& t, const AccessFilter& access,
                                        const std::vector<Id>& ids) {
    std::map<Id, std::string> out;
    if (ids.empty()) return out;
    Params p;
    std::string sql = std::string("SELECT r.") + t.id + ", " + t.name_columns + " FROM " + t.table +
                      " r WHERE r.workspace_id = " + placeholder(p, ws) + " AND r." + t.id + " IN (";
    for (std::size_t k = 0; k < ids.size(); ++k) sql += (k ? ", " : "") + placeholder(p, ids[k]);
    sql += ") AND " + access_of(t, access, p);
    auto rs = RAPPORT_TRY(c.query(sql, p));
    for (const auto& r : rs.rows) out[as_int(r[0])] = name_of(t.type, r, 1);
    return out;
}

// The last contact with a record: its own interactions, and for a company its contacts' too.
std::string last_contact_sql(const TypeSql& t) {
    const std::string own = std::string(
                                "(SELECT MAX(i.occurred_at) FROM interactions i WHERE i.workspace_id = "
                                "r.workspace_id AND i.") +
                            t.id + " = r." + t.id + " AND i.kind IN " + kContactKinds + ")";
    if (t.type == EntityType::Person) return own + ", NULL";
    return own +
           ", (SELECT MAX(i.occurred_at) FROM affiliations a JOIN interactions i ON i.workspace_id = a.workspace_id"
           " AND i.person_id = a.person_id WHERE a.workspace_id = r.workspace_id AND a.company_id = r.company_id"
           " AND i.kind IN " +
           kContactKinds + ")";
}

std::string no_contact_since_sql(const TypeSql& t, const std::string& cutoff) {
    std::string sql = std::string(
                          " AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.workspace_id = r.workspace_id"
                          " AND i.") +
                      t.id + " = r." + t.id + " AND i.kind IN " + kContactKinds + " AND i.occurred_at >= " + cutoff +
                      ")";
    if (t.type == EntityType::Company) {
        sql +=
            " AND NOT EXISTS (SELECT 1 FROM affiliations a JOIN interactions i ON i.workspace_id = a.workspace_id"
            " AND i.person_id = a.person_id WHERE a.workspace_id = r.workspace_id AND a.company_id = r.company_id"
            " AND i.kind IN " +
            std::string(kContactKinds) + " AND i.occurred_at >= " + cutoff + ")";
    }
    return sql;
}

}  // namespace

Result<std::vector<RecentRecord>> SqlDeskRepository::recent(Id ws, Id user_id, const AccessFilter& access, int limit) {
    return read(db_, [&](Connection& c) -> Result<std::vector<RecentRecord>> {
        // The newest touch of each record, from its history and from the interactions logged on
        // it: the touching row's id (ids grow with time, finer than milliseconds) and its time.
        std::map<std::pair<EntityType, Id>, std::pair<Id, UnixMillis>> touched;
        auto touch = [&touched](EntityType type, Id id, UnixMillis at, Id row_id) {
            auto& t = touched[{type, id}];
            t = std::max(t, std::pair<Id, UnixMillis>{row_id, at});
        };
        auto history = RAPPORT_TRY(c.query(kRecentHistory, {ws, user_id, kRecentHistoryRows}));
        for (const auto& r : history.rows) {
            if (auto type = domain::customers::parse_entity_type(as_text(r[0])))
                touch(*type, as_int(r[1]), as_int(r[2]), as_int(r[3]));
        }
        auto logged = RAPPORT_TRY(c.query(kRecentInteractions, {ws, user_id, kRecentInteractionRows}));
        for (const auto& r : logged.rows) {
            if (auto person = as_opt_int(r[0])) touch(EntityType::Person, *person, as_int(r[2]), as_int(r[3]));
            if (auto company = as_opt_int(r[1])) touch(EntityType::Company, *company, as_int(r[2]), as_int(r[3]));
        }
        std::vector<Id> people, companies;
        for (const auto& [key, at] : touched)
            (key.first == EntityType::Person ? people : companies).push_back(key.second);
        const auto person_names = RAPPORT_TRY(names(c, ws, person_sql(), access, people));
        const auto company_names = RAPPORT_TRY(names(c, ws, company_sql(), access, companies));
        std::vector<std::pair<Id, RecentRecord>> found;
        for (const auto& [key, last] : touched) {
            const auto& known = key.first == EntityType::Person ? person_names : company_names;
            auto name = known.find(key.second);
            if (name == known.end()) continue;  // gone, or no longer readable
            found.push_back({last.first, {{key.first, key.second, name->second}, last.second}});
        }
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<RecentRecord> out;
        for (auto& f : found) out.push_back(std::move(f.second));
        if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
        return out;
    });
}

Result<QuietCard> SqlDeskRepository::quiet(Id ws, Id user_id, const AccessFilter& access, UnixMillis cutoff,
                                           int limit) {
    return read(db_, [&](Connection& c) -> Result<QuietCard> {
        QuietCard card;
        for (const TypeSql& t : {person_sql(), company_sql()}) {
            // The portfolio in the order of its index (least recently changed first), as far as
            // `limit` quiet records, and a count that stops at the cap.
            Params p;
            const std::string where = std::string(" FROM ") + t.table +
                                      " r WHERE r.workspace_id = " + placeholder(p, ws) +
                                      " AND r.owner_user_id = " + placeholder(p, user_id) + " AND " +
                                      access_of(t, access, p) + no_contact_since_sql(t, placeholder(p, cutoff));
            Params count_params = p;
            const std::string count_sql = "SELECT COUNT(*) FROM (SELECT 1" + where + " LIMIT " +
                                          placeholder(count_params, kQuietCountCap) + ") capped";
            auto counted = RAPPORT_TRY(c.query(count_sql, count_params));
            card.count += as_int(counted.rows.at(0)[0]);
            std::string sql = std::string("SELECT r.") + t.id + ", " + t.name_columns + ", " + last_contact_sql(t) +
                              where + " ORDER BY r.updated_at, r." + t.id + " LIMIT " +
                              placeholder(p, std::int64_t{limit});
            auto rs = RAPPORT_TRY(c.query(sql, p));
            for (const auto& r : rs.rows) {
                QuietCustomer q{{t.type, as_int(r[0]), name_of(t.type, r, 1)}, as_opt_int(r[3])};
                if (auto via_contacts = as_opt_int(r[4])) {
                    q.last_contact_at = std::max(q.last_contact_at.value_or(*via_contacts), *via_contacts);
                }
                card.items.push_back(std::move(q));
            }
        }
        if (card.count >= kQuietCountCap) {
            card.count = kQuietCountCap;
            card.count_capped = true;
        }
        // Never contacted first, then the longest silence.
        std::stable_sort(card.items.begin(), card.items.end(), [](const QuietCustomer& a, const QuietCustomer& b) {
            if (a.last_contact_at.has_value() != b.last_contact_at.has_value()) return !a.last_contact_at.has_value();
            return a.last_contact_at.value_or(0) < b.last_contact_at.value_or(0);
        });
        if (card.items.size() > static_cast<std::size_t>(limit)) card.items.resize(static_cast<std::size_t>(limit));
        return card;
    });
}

Result<std::vector<NewRecord>> SqlDeskRepository::handed_over(Id ws, Id user_id, const AccessFilter& access,
                                                              UnixMillis since, int limit) {
    return read(db_, [&](Connection& c) -> Result<std::vector<NewRecord>> {
        std::vector<NewRecord> out;
        for (const TypeSql& t : {person_sql(), company_sql()}) {
            // Candidates: the portfolio's records changed since (index on owner, updated_at); each
            // is new when its history holds, since then, its owner set to the user by someone else.
            Params p;
            const std::string ws_p = placeholder(p, ws);
            const std::string me = placeholder(p, user_id);
            const std::string since_p = placeholder(p, since);
            const std::string me_text = placeholder(p, id_to_string(user_id));
            const std::string type_p = placeholder(p, std::string(to_string(t.type)));
            std::string inner = std::string("SELECT r.") + t.id + " AS id, " + t.name_columns +
                                ", (SELECT MAX(h.changed_at) FROM field_history h WHERE h.workspace_id = "
                                "r.workspace_id AND h.entity_type = " +
                                type_p + " AND h.entity_id = r." + t.id +
                                " AND h.field = 'owner_user_id' AND h.new_value = " + me_text +
                                " AND h.changed_at >= " + since_p +
                                " AND (h.actor_user_id IS NULL OR h.actor_user_id <> " + me + ")) AS handed_at FROM " +
                                t.table + " r WHERE r.workspace_id = " + ws_p + " AND r.owner_user_id = " + me +
                                " AND r.updated_at >= " + since_p + " AND " + access_of(t, access, p);
            const std::string sql = "SELECT * FROM (" + inner +
                                    ") candidates WHERE handed_at IS NOT NULL ORDER BY handed_at DESC, id DESC LIMIT " +
                                    placeholder(p, std::int64_t{limit + 1});
            auto rs = RAPPORT_TRY(c.query(sql, p));
            for (const auto& r : rs.rows) out.push_back({{t.type, as_int(r[0]), name_of(t.type, r, 1)}, as_int(r[3])});
        }
        std::sort(out.begin(), out.end(), [](const NewRecord& a, const NewRecord& b) {
            return a.at != b.at ? a.at > b.at : a.record.id > b.record.id;
        });
        if (out.size() > static_cast<std::size_t>(limit + 1)) out.resize(static_cast<std::size_t>(limit + 1));
        return out;
    });
}

Result<std::optional<DeskVisit>> SqlDeskRepository::visit(Id ws, Id user_id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<DeskVisit>> {
        auto rs = RAPPORT_TRY(c.query(kVisit, {ws, user_id}));
        if (rs.empty()) return std::optional<DeskVisit>{};
        return std::optional<DeskVisit>{DeskVisit{ws, user_id, as_int(rs.rows[0][0]), as_int(rs.rows[0][1])}};
    });
}

Status SqlDeskRepository::save_visit(const DeskVisit& v) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(c.execute(kSaveVisit, {v.workspace_id, v.user_id, v.since_at, v.last_visit_at}));
        return {};
    });
}

}  // namespace rapport::storage
