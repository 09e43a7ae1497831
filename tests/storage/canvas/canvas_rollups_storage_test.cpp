// The canvases' rollups (migration 0038) on every engine, against a from-scratch computation
// over the rows: first as the migration fills them from existing data (records, timeline and
// field provenance written under schema 37), then after each of several hundred random writes
// in the shapes the repositories use: records created, edited (owner, kind, buyer, key fields,
// creation time) and deleted, timeline entries created, edited (customer, type, kind, time,
// minutes) and deleted, merges (entries re-pointed, then the merged record deleted), provenance
// written, re-sourced and deleted; across two workspaces, with instants on hour boundaries and
// before the epoch.
#include <algorithm>
#include <random>

#include "core/ids.hpp"
#include "storage/backend.hpp"

namespace rapport::storage::testing {

using rapport::Id;

namespace {

// A column value as text; integers alike whichever way the engine answered them (a
// PostgreSQL SUM is numeric, read as text).
std::string text_of(const Value& v) {
    if (is_null(v)) return "NULL";
    if (const auto* s = std::get_if<std::string>(&v)) {
        const bool number = !s->empty() && s->find_first_not_of("-0123456789") == std::string::npos &&
                            s->find('-', 1) == std::string::npos;
        return number ? *s : "'" + *s + "'";
    }
    return std::to_string(as_int(v));
}

constexpr const char* kPeopleFilled =
    "(CASE WHEN email IS NOT NULL AND email <> '' THEN 1 ELSE 0 END) +"
    " (CASE WHEN phone IS NOT NULL AND phone <> '' THEN 1 ELSE 0 END) +"
    " (CASE WHEN city IS NOT NULL AND city <> '' THEN 1 ELSE 0 END) +"
    " (CASE WHEN country IS NOT NULL AND country <> '' THEN 1 ELSE 0 END) +"
    " (CASE WHEN language IS NOT NULL AND language <> '' THEN 1 ELSE 0 END)";
constexpr const char* kCompaniesFilled =
    "(CASE WHEN vat_id IS NOT NULL AND vat_id <> '' THEN 1 ELSE 0 END) +"
    " (CASE WHEN email IS NOT NULL AND email <> '' THEN 1 ELSE 0 END) +"
    " (CASE WHEN phone IS NOT NULL AND phone <> '' THEN 1 ELSE 0 END) +"
    " (CASE WHEN website IS NOT NULL AND website <> '' THEN 1 ELSE 0 END) +"
    " (CASE WHEN industry IS NOT NULL AND industry <> '' THEN 1 ELSE 0 END) +"
    " (CASE WHEN city IS NOT NULL AND city <> '' THEN 1 ELSE 0 END)";

// Each rollup's non-empty rows, and the same rows computed from the records.
struct Pair {
    const char* name;
    std::string rollup;
    std::string expected;
};

std::vector<Pair> pairs() {
    const std::string activity =
        "SELECT i.workspace_id AS w, 'person' AS e, i.person_id AS c, COALESCE(i.relationship_type, '') AS t,"
        " MAX(i.occurred_at) AS l FROM interactions i JOIN people p ON p.workspace_id = i.workspace_id"
        " AND p.person_id = i.person_id WHERE i.kind <> 'task' GROUP BY i.workspace_id, i.person_id,"
        " COALESCE(i.relationship_type, '')"
        " UNION ALL SELECT i.workspace_id, 'person', i.person_id, '*', MAX(i.occurred_at) FROM interactions i"
        " JOIN people p ON p.workspace_id = i.workspace_id AND p.person_id = i.person_id WHERE i.kind <> 'task'"
        " GROUP BY i.workspace_id, i.person_id"
        " UNION ALL SELECT i.workspace_id, 'company', i.company_id, COALESCE(i.relationship_type, ''),"
        " MAX(i.occurred_at) FROM interactions i JOIN companies c ON c.workspace_id = i.workspace_id"
        " AND c.company_id = i.company_id WHERE i.kind <> 'task' GROUP BY i.workspace_id, i.company_id,"
        " COALESCE(i.relationship_type, '')"
        " UNION ALL SELECT i.workspace_id, 'company', i.company_id, '*', MAX(i.occurred_at) FROM interactions i"
        " JOIN companies c ON c.workspace_id = i.workspace_id AND c.company_id = i.company_id"
        " WHERE i.kind <> 'task' GROUP BY i.workspace_id, i.company_id";
    return {
        {"canvas_customer_counts",
         "SELECT workspace_id, entity_type, kind, owner_user_id, customers, filled FROM canvas_customer_counts"
         " WHERE customers <> 0 OR filled <> 0 ORDER BY 1, 2, 3, 4",
         std::string("SELECT * FROM (SELECT workspace_id, 'person' AS e, CASE WHEN buyer_company_id IS NOT NULL"
                     " THEN 'b2b2c' ELSE kind END AS k, COALESCE(owner_user_id, 0) AS o, COUNT(*) AS n, SUM(") +
             kPeopleFilled +
             ") AS f FROM people GROUP BY workspace_id, CASE WHEN buyer_company_id IS NOT NULL THEN 'b2b2c'"
             " ELSE kind END, COALESCE(owner_user_id, 0) UNION ALL SELECT workspace_id, 'company', market,"
             " COALESCE(owner_user_id, 0), COUNT(*), SUM(" +
             kCompaniesFilled +
             ") FROM companies GROUP BY workspace_id, market, COALESCE(owner_user_id, 0)) x ORDER BY 1, 2, 3, 4"},
        {"canvas_created_hours",
         "SELECT workspace_id, entity_type, hour, customers FROM canvas_created_hours WHERE customers <> 0"
         " ORDER BY 1, 2, 3",
         "SELECT * FROM (SELECT workspace_id, 'person' AS e, created_at / 3600000 AS h, COUNT(*) AS n FROM people"
         " GROUP BY workspace_id, created_at / 3600000 UNION ALL SELECT workspace_id, 'company',"
         " created_at / 3600000, COUNT(*) FROM companies GROUP BY workspace_id, created_at / 3600000) x"
         " ORDER BY 1, 2, 3"},
        {"canvas_interaction_hours",
         "SELECT workspace_id, entity_type, hour, relationship_type, interactions, minutes FROM"
         " canvas_interaction_hours WHERE interactions <> 0 OR minutes <> 0 ORDER BY 1, 2, 3, 4",
         "SELECT * FROM (SELECT i.workspace_id, 'person' AS e, i.occurred_at / 3600000 AS h,"
         " COALESCE(i.relationship_type, '') AS t, COUNT(*) AS n, SUM(i.minutes_spent) AS m FROM interactions i"
         " JOIN people p ON p.workspace_id = i.workspace_id AND p.person_id = i.person_id WHERE i.kind <> 'task'"
         " GROUP BY i.workspace_id, i.occurred_at / 3600000, COALESCE(i.relationship_type, '')"
         " UNION ALL SELECT i.workspace_id, 'company', i.occurred_at / 3600000, COALESCE(i.relationship_type, ''),"
         " COUNT(*), SUM(i.minutes_spent) FROM interactions i JOIN companies c ON c.workspace_id = i.workspace_id"
         " AND c.company_id = i.company_id WHERE i.kind <> 'task'"
         " GROUP BY i.workspace_id, i.occurred_at / 3600000, COALESCE(i.relationship_type, '')) x"
         " ORDER BY 1, 2, 3, 4"},
        {"canvas_customer_activity",
         "SELECT workspace_id, entity_type, customer_id, relationship_type, last_at FROM canvas_customer_activity"
         " ORDER BY 1, 2, 3, 4",
         "SELECT * FROM (" + activity + ") x ORDER BY 1, 2, 3, 4"},
        {"canvas_activity_hours",
         "SELECT workspace_id, entity_type, relationship_type, hour, customers FROM canvas_activity_hours"
         " WHERE customers <> 0 ORDER BY 1, 2, 3, 4",
         "SELECT w, e, t, l / 3600000, COUNT(*) FROM (" + activity +
             ") x GROUP BY w, e, t, l / 3600000"
             " ORDER BY 1, 2, 3, 4"},
        {"canvas_value_counts",
         "SELECT workspace_id, data_kind, source_kind, field_values FROM canvas_value_counts"
         " WHERE field_values <> 0 ORDER BY 1, 2, 3",
         "SELECT workspace_id, data_kind, source_kind, COUNT(*) FROM field_provenance"
         " WHERE entity_type IN ('person', 'company') GROUP BY workspace_id, data_kind, source_kind"
         " ORDER BY 1, 2, 3"},
        {"canvas_record_sources",
         "SELECT workspace_id, source_kind, entity_id, field_values FROM canvas_record_sources ORDER BY 1, 2, 3",
         "SELECT workspace_id, source_kind, entity_id, COUNT(*) FROM field_provenance"
         " WHERE entity_type IN ('person', 'company') GROUP BY workspace_id, source_kind, entity_id"
         " ORDER BY 1, 2, 3"},
        {"canvas_source_records",
         "SELECT workspace_id, source_kind, records FROM canvas_source_records WHERE records <> 0 ORDER BY 1, 2",
         "SELECT workspace_id, source_kind, COUNT(DISTINCT entity_id) FROM field_provenance"
         " WHERE entity_type IN ('person', 'company') GROUP BY workspace_id, source_kind ORDER BY 1, 2"},
    };
}

}  // namespace

class CanvasRollupsStorageTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        fresh_ = std::make_unique<FreshDatabase>(GetParam());
        std::vector<Migration> before;
        for (auto& m : known_migrations(db().dialect())) {
            if (m.version < 38) before.push_back(std::move(m));
        }
        auto report = migrate(db(), before);
        ASSERT_TRUE(report) << report.error().detail;
        for (Id ws : {Id{1}, Id{2}}) {
            exec("INSERT INTO workspaces (workspace_id, slug, name, created_at) VALUES ($1, $2, $2, 0)",
                 {ws, "w" + std::to_string(ws)});
        }
    }
    Database& db() { return fresh_->db(); }

    void exec(const std::string& sql, const Params& params = {}) {
        auto lease = db().acquire(Access::Write);
        ASSERT_TRUE(lease) << lease.error().detail;
        auto done = (*lease)->execute(sql, params);
        ASSERT_TRUE(done) << done.error().detail << "\n" << sql;
    }
    std::vector<std::string> rows(const std::string& sql) {
        auto lease = db().acquire(Access::Read);
        EXPECT_TRUE(lease);
        auto rs = (*lease)->query(sql);
        EXPECT_TRUE(rs) << (rs ? "" : rs.error().detail) << "\n" << sql;
        std::vector<std::string> out;
        if (!rs) return out;
        for (const auto& r : rs->rows) {
            std::string line;
            for (const auto& v : r) line += text_of(v) + " ";
            out.push_back(line);
        }
        return out;
    }
    void expect_exact(const std::string& after) {
        for (const auto& p : pairs()) {
            EXPECT_EQ(rows(p.rollup), rows(p.expected)) << p.name << " after " << after;
        }
    }

    std::int64_t pick(std::int64_t n) { return static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(n)); }
    Value maybe(const std::string& s) { return pick(3) == 0 ? Value{} : Value{pick(4) == 0 ? std::string() : s}; }
    // An instant: often on or next to an hour boundary, sometimes before the epoch.
    std::int64_t instant() {
        const std::int64_t hour = 3'600'000;
        switch (pick(5)) {
            case 0: return (pick(40) - 2) * hour;
            case 1: return pick(40) * hour - 1;
            case 2: return -pick(3 * hour);
            default: return pick(40 * hour);
        }
    }
    std::vector<std::pair<Id, Id>> ids(const std::string& table, const std::string& column) {
        std::vector<std::pair<Id, Id>> out;
        auto lease = db().acquire(Access::Read);
        auto rs = (*lease)->query("SELECT workspace_id, " + column + " FROM " + table + " ORDER BY 1, 2");
        for (const auto& r : rs->rows) out.emplace_back(as_int(r[0]), as_int(r[1]));
        return out;
    }

    void add_company() {
        const Id id = next_id_++;
        exec(
            "INSERT INTO companies (workspace_id, company_id, legal_name, country, vat_id, email, website, market,"
            " owner_user_id, created_at, updated_at) VALUES ($1, $2, 'C', 'IT', $3, $4, $5, $6, $7, $8, $8)",
            {1 + pick(2), id, maybe("IT1"), maybe("c@x"), maybe("x.it"), std::string(pick(2) ? "b2b" : "b2c"),
             pick(3) == 0 ? Value{} : Value{100 + pick(3)}, instant()});
    }
    void add_person() {
        const Id ws = 1 + pick(2);
        Value buyer;
        for (const auto& [w, c] : ids("companies", "company_id")) {
            if (w == ws && pick(4) == 0) buyer = c;
        }
        exec(
            "INSERT INTO people (workspace_id, person_id, first_name, last_name, email, phone, city, country, language,"
            " kind, buyer_company_id, owner_user_id, created_at, updated_at)"
            " VALUES ($1, $2, 'F', 'L', $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
            {ws, next_id_++, maybe("p@x"), maybe("+39"), maybe("Roma"), maybe("IT"), maybe("it"),
             std::string(pick(2) ? "b2b_contact" : "b2c_consumer"), buyer,
             pick(3) == 0 ? Value{} : Value{100 + pick(3)}, instant()});
    }
    void add_interaction() {
        auto people = ids("people", "person_id");
        auto companies = ids("companies", "company_id");
        const Id ws = 1 + pick(2);
        Value person = pick(5) == 0 ? Value{-next_id_} : Value{};  // sometimes no such record
        Value company;
        for (const auto& [w, p] : people) {
            if (w == ws && pick(6) == 0) person = p;
        }
        for (const auto& [w, c] : companies) {
            if (w == ws && pick(8) == 0) company = c;
        }
        static const char* kinds[] = {"note", "call", "meeting", "email", "task"};
        static const char* types[] = {"personal_assistance", "dedicated_assistance", "self_service", "automated",
                                      "community",           "co_creation"};
        exec(
            "INSERT INTO interactions (workspace_id, interaction_id, kind, person_id, company_id, relationship_type,"
            " minutes_spent, occurred_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)",
            {ws, next_id_++, std::string(kinds[pick(5)]), person, company,
             pick(4) == 0 ? Value{} : Value{std::string(types[pick(6)])}, pick(60), instant()});
    }
    void add_provenance() {
        auto people = ids("people", "person_id");
        auto companies = ids("companies", "company_id");
        std::vector<std::pair<Id, Id>> all = people;
        all.insert(all.end(), companies.begin(), companies.end());
        if (all.empty()) return;
        const auto [ws, id] = all[static_cast<std::size_t>(pick(static_cast<std::int64_t>(all.size())))];
        static const char* sources[] = {"manual", "import", "api"};
        static const char* kinds[] = {"zero_party", "first_party", "third_party"};
        const bool person = std::find(people.begin(), people.end(), std::pair{ws, id}) != people.end();
        exec(
            "INSERT INTO field_provenance (workspace_id, entity_type, entity_id, field, source_kind, source_ref,"
            " data_kind, recorded_at) VALUES ($1, $2, $3, $4, $5, '', $6, 0) ON CONFLICT DO NOTHING",
            {ws, std::string(pick(10) == 0 ? "other" : (person ? "person" : "company")), id,
             "f" + std::to_string(pick(6)), std::string(sources[pick(3)]), std::string(kinds[pick(3)])});
    }

    std::unique_ptr<FreshDatabase> fresh_;
    std::mt19937_64 rng_{20261208};
    Id next_id_ = 1000;
};

TEST_P(CanvasRollupsStorageTest, TheMigrationFillsThemAndEveryWriteKeepsThemExact) {
    for (int i = 0; i < 12; ++i) add_company();
    for (int i = 0; i < 40; ++i) add_person();
    for (int i = 0; i < 200; ++i) add_interaction();
    for (int i = 0; i < 80; ++i) add_provenance();
    ASSERT_TRUE(migrate(db()));
    expect_exact("the migration");

    for (int step = 0; step < 300; ++step) {
        auto people = ids("people", "person_id");
        auto companies = ids("companies", "company_id");
        auto entries = ids("interactions", "interaction_id");
        auto any = [&](const std::vector<std::pair<Id, Id>>& v) {
            return v[static_cast<std::size_t>(pick(static_cast<std::int64_t>(v.size())))];
        };
        std::string what;
        switch (pick(12)) {
            case 0:
                what = "a new record";
                pick(3) == 0 ? add_company() : add_person();
                break;
            case 1:
                what = "a new entry";
                add_interaction();
                break;
            case 2: {
                if (entries.empty()) continue;
                what = "an entry deleted";
                const auto [ws, id] = any(entries);
                exec("DELETE FROM interactions WHERE workspace_id = $1 AND interaction_id = $2", {ws, id});
                break;
            }
            case 3: {
                if (entries.empty()) continue;
                what = "an entry edited";
                const auto [ws, id] = any(entries);
                Value person;
                for (const auto& [w, p] : people) {
                    if (w == ws && pick(5) == 0) person = p;
                }
                static const char* kinds[] = {"note", "call", "task"};
                exec(
                    "UPDATE interactions SET kind = $3, person_id = $4, relationship_type = $5, minutes_spent = $6,"
                    " occurred_at = $7 WHERE workspace_id = $1 AND interaction_id = $2",
                    {ws, id, std::string(kinds[pick(3)]), person,
                     pick(3) == 0 ? Value{} : Value{std::string("community")}, pick(60), instant()});
                break;
            }
            case 4: {
                if (people.empty()) continue;
                what = "a person edited";
                const auto [ws, id] = any(people);
                exec(
                    "UPDATE people SET owner_user_id = $3, email = $4, city = $5, kind = $6, created_at = $7,"
                    " updated_at = $7 WHERE workspace_id = $1 AND person_id = $2",
                    {ws, id, pick(3) == 0 ? Value{} : Value{100 + pick(3)}, maybe("e@x"), maybe("Milano"),
                     std::string(pick(2) ? "b2b_contact" : "b2c_consumer"), instant()});
                break;
            }
            case 5: {
                if (people.empty()) continue;
                what = "a person erased";
                const auto [ws, id] = any(people);
                exec(
                    "UPDATE people SET first_name = 'Erased', last_name = 'person', email = NULL, phone = NULL,"
                    " city = NULL, language = NULL, erased_at = 1 WHERE workspace_id = $1 AND person_id = $2",
                    {ws, id});
                exec("UPDATE interactions SET subject = '', body = '' WHERE workspace_id = $1 AND person_id = $2",
                     {ws, id});
                exec(
                    "DELETE FROM field_provenance WHERE workspace_id = $1 AND entity_id = $2 AND field IN ('f1', 'f2')",
                    {ws, id});
                break;
            }
            case 6: {
                if (people.size() < 2) continue;
                const auto [ws, loser] = any(people);
                Id survivor = 0;
                for (const auto& [w, p] : people) {
                    if (w == ws && p != loser) survivor = p;
                }
                if (survivor == 0) continue;
                what = "a merge";
                exec("UPDATE interactions SET person_id = $3 WHERE workspace_id = $1 AND person_id = $2",
                     {ws, loser, survivor});
                exec(
                    "DELETE FROM field_provenance WHERE workspace_id = $1 AND entity_type = 'person' AND entity_id = "
                    "$2",
                    {ws, loser});
                exec("DELETE FROM people WHERE workspace_id = $1 AND person_id = $2", {ws, loser});
                break;
            }
            case 7: {
                if (people.empty()) continue;
                what = "a person deleted";
                const auto [ws, id] = any(people);
                exec(
                    "DELETE FROM field_provenance WHERE workspace_id = $1 AND entity_type = 'person' AND entity_id = "
                    "$2",
                    {ws, id});
                exec("DELETE FROM people WHERE workspace_id = $1 AND person_id = $2", {ws, id});
                break;
            }
            case 8: {
                if (companies.empty()) continue;
                const auto [ws, id] = any(companies);
                if (pick(2) == 0) {
                    what = "a company deleted";
                    exec("UPDATE people SET buyer_company_id = NULL WHERE workspace_id = $1 AND buyer_company_id = $2",
                         {ws, id});
                    exec("DELETE FROM companies WHERE workspace_id = $1 AND company_id = $2", {ws, id});
                } else {
                    what = "a company edited";
                    exec(
                        "UPDATE companies SET market = $3, owner_user_id = $4, website = $5 WHERE workspace_id = $1"
                        " AND company_id = $2",
                        {ws, id, std::string(pick(2) ? "b2b" : "b2c"), pick(3) == 0 ? Value{} : Value{100 + pick(3)},
                         maybe("w.it")});
                }
                break;
            }
            case 9:
                what = "a provenance written";
                add_provenance();
                break;
            case 10:
                what = "provenance re-sourced";
                exec(
                    "UPDATE field_provenance SET source_kind = 'merge', data_kind = 'second_party'"
                    " WHERE workspace_id = $1 AND field = $2",
                    {1 + pick(2), "f" + std::to_string(pick(6))});
                break;
            default:
                what = "provenance deleted";
                exec("DELETE FROM field_provenance WHERE workspace_id = $1 AND field = $2",
                     {1 + pick(2), "f" + std::to_string(pick(6))});
                break;
        }
        expect_exact(what + " (step " + std::to_string(step) + ")");
        if (HasFailure()) return;
    }
}

INSTANTIATE_TEST_SUITE_P(Engines, CanvasRollupsStorageTest, ::testing::ValuesIn(backends()));

}  // namespace rapport::storage::testing
