// The record-level access filter (storage/access_filter_sql) on every engine.
#include "storage/access_filter_sql.hpp"
#include "domain/permissions/record_access.hpp"
#include "storage/identity/identity_parts.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage::testing {

using namespace rapport::domain;

class AccessFilterSqlTest : public IdentityBackendTest {};

// The access filter, applied to the companies table, returns exactly what can_read allows.
TEST_P(AccessFilterSqlTest, AccessConditionMatchesCanRead) {
    auto a = boot("alpha");
    const Id ws = a.workspace.workspace_id;
    struct Rec {
        Id id;
        std::optional<Id> owner;
        std::optional<Id> team;
    };
    const std::vector<Rec> records = {{1, 100, 10}, {2, 100, std::nullopt}, {3, 200, 10},
                                      {4, 200, 11}, {5, std::nullopt, 12},  {6, 300, std::nullopt}};
    ASSERT_TRUE(write_transaction(db(), [&](Connection& c) -> Status {
        for (const auto& r : records) {
            RAPPORT_CHECK(
                c.execute("INSERT INTO companies (workspace_id, company_id, legal_name, country, owner_user_id,"
                          " team_id, created_at, updated_at) VALUES ($1, $2, 'Co', 'IT', $3, $4, 0, 0)",
                          {ws, r.id, opt(r.owner), opt(r.team)}));
        }
        return {};
    }));
    const RoleGrants grants = RoleGrants::defaults();
    const std::vector<Actor> actors = {{100, Role::Member, {10}}, {200, Role::Member, {}},
                                       {100, Role::Viewer, {12}}, {std::nullopt, Role::Member, {11}},
                                       {1, Role::Admin, {}},      {300, Role::Manager, {}}};
    for (const auto& actor : actors) {
        Params params{ws};
        const auto cond = access_condition(read_filter(actor, grants), params, "owner_user_id", "team_id");
        auto rs = read(db(), [&](Connection& c) {
            return c.query(
                "SELECT company_id FROM companies WHERE workspace_id = $1 AND " + cond + " ORDER BY company_id",
                params);
        });
        ASSERT_TRUE(rs) << rs.error().detail;
        std::vector<Id> got, expected;
        for (const auto& r : rs->rows) got.push_back(as_int(r[0]));
        for (const auto& r : records) {
            if (can_read(actor, grants, {r.owner, r.team})) expected.push_back(r.id);
        }
        EXPECT_EQ(got, expected) << "role " << to_string(actor.role) << " condition " << cond;
    }
}

INSTANTIATE_TEST_SUITE_P(Engines, AccessFilterSqlTest, ::testing::ValuesIn(backends()));

}  // namespace rapport::storage::testing
