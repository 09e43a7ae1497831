// The SQL repositories on every engine, including workspace isolation and the
// record-level access filter.
#include "domain/audit/audit_of.hpp"
#include "domain/teams/team_service.hpp"
#include "storage/access_filter_sql.hpp"
#include "storage/audit/sql_audit_repository.hpp"
#include "storage/backend.hpp"
#include "storage/identity/sql_identity_repository.hpp"
#include "storage/identity_parts.hpp"
#include "storage/teams/sql_team_repository.hpp"
#include "storage/transaction.hpp"

#include "core/crypto.hpp"

namespace rapport::storage::testing {

using namespace rapport::domain;

class RepositoryTest : public BackendTest {
protected:
    void SetUp() override {
        crypto::initialize();
        BackendTest::SetUp();
        team_repo_ = std::make_unique<SqlTeamRepository>(db());
        audit_repo_ = std::make_unique<SqlAuditRepository>(db());
        identity_ = std::make_unique<IdentityParts>(db(), clock_);
        teams_ = std::make_unique<TeamService>(*team_repo_, identity_->actors, clock_);
    }
    BootstrapResult boot(const std::string& name) {
        auto r = identity_->workspaces.bootstrap(name, "owner@" + name + ".test", "long enough password", "Owner");
        EXPECT_TRUE(r) << (r ? "" : r.error().detail);
        return *r;
    }
    Principal owner_principal(const BootstrapResult& b) {
        Principal p;
        p.workspace_id = b.workspace.workspace_id;
        p.user_id = b.owner.user_id;
        p.role = Role::Owner;
        p.label = b.owner.email;
        return p;
    }

    ManualClock clock_{1'700'000'000'000};
    std::unique_ptr<SqlTeamRepository> team_repo_;
    std::unique_ptr<SqlAuditRepository> audit_repo_;
    std::unique_ptr<IdentityParts> identity_;
    std::unique_ptr<TeamService> teams_;
};

TEST_P(RepositoryTest, BootstrapLoginAuthenticateLogout) {
    auto b = boot("acme");
    EXPECT_EQ(b.workspace.slug, "acme");
    auto login =
        identity_->authentication.login({"OWNER@acme.test", "long enough password", std::nullopt, "127.0.0.1"});
    ASSERT_TRUE(login) << login.error().detail;
    auto p = identity_->authentication.authenticate(login->token);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->role, Role::Owner);
    EXPECT_EQ(p->workspace_id, b.workspace.workspace_id);
    ASSERT_TRUE(identity_->authentication.logout(*p, "127.0.0.1"));
    auto after = identity_->authentication.authenticate(login->token);
    ASSERT_FALSE(after);
    EXPECT_EQ(after.error().code, ErrorCode::Unauthenticated);
}

TEST_P(RepositoryTest, SessionsExpire) {
    boot("acme");
    auto login = identity_->authentication.login({"owner@acme.test", "long enough password", std::nullopt, "1.2.3.4"});
    ASSERT_TRUE(login);
    clock_.advance_ms(8LL * 24 * 3600 * 1000);
    auto expired = identity_->authentication.authenticate(login->token);
    ASSERT_FALSE(expired);
    EXPECT_NE(expired.error().detail.find("expired"), std::string::npos);
}

TEST_P(RepositoryTest, OneAccountInTwoWorkspacesChoosesAtLogin) {
    auto a = boot("alpha");
    auto b = boot("beta");
    UserInput in;
    in.email = "owner@alpha.test";
    in.display_name = "Shared";
    in.role = Role::Viewer;
    ASSERT_TRUE(identity_->users.create_user(owner_principal(b), in, ""));
    auto into_beta =
        identity_->authentication.login({"owner@alpha.test", "long enough password", std::string("beta"), ""});
    ASSERT_TRUE(into_beta) << into_beta.error().detail;
    EXPECT_EQ(into_beta->workspace.workspace_id, b.workspace.workspace_id);
    EXPECT_EQ(into_beta->user.role, Role::Viewer);
    auto nowhere =
        identity_->authentication.login({"owner@alpha.test", "long enough password", std::string("gamma"), ""});
    ASSERT_FALSE(nowhere);
    EXPECT_EQ(nowhere.error().fields.at(0).pointer, "/workspace");
    (void)a;
}

TEST_P(RepositoryTest, ChangingAPasswordEndsTheAccountsOtherSessionsInEveryWorkspace) {
    auto a = boot("alpha");
    auto b = boot("beta");
    UserInput member;
    member.email = "owner@alpha.test";
    member.display_name = "Shared";
    member.role = Role::Viewer;
    ASSERT_TRUE(identity_->users.create_user(owner_principal(b), member, ""));
    auto here = identity_->authentication.login({"owner@alpha.test", "long enough password", std::string("alpha"), ""});
    auto there =
        identity_->authentication.login({"owner@alpha.test", "long enough password", std::string("alpha"), ""});
    auto in_beta =
        identity_->authentication.login({"owner@alpha.test", "long enough password", std::string("beta"), ""});
    auto beta_owner = identity_->authentication.login({"owner@beta.test", "long enough password", std::nullopt, ""});
    auto key = identity_->api_keys.create_api_key(owner_principal(a), "ci", Role::Member, "");
    ASSERT_TRUE(here && there && in_beta && beta_owner && key);
    auto actor = identity_->authentication.authenticate(here->token);
    ASSERT_TRUE(actor);

    UserInput change;
    change.password = "a new long password";
    ASSERT_TRUE(identity_->users.update_user(*actor, a.owner.user_id, change, ""));
    EXPECT_TRUE(identity_->authentication.authenticate(here->token));
    EXPECT_FALSE(identity_->authentication.authenticate(there->token));
    EXPECT_FALSE(identity_->authentication.authenticate(in_beta->token));
    EXPECT_TRUE(identity_->authentication.authenticate(beta_owner->token));
    EXPECT_TRUE(identity_->authentication.authenticate(key->token));
}

TEST_P(RepositoryTest, AnOwnersPasswordResetEndsAllTheUsersSessions) {
    auto a = boot("alpha");
    UserInput in;
    in.email = "member@alpha.test";
    in.display_name = "Member";
    in.role = Role::Member;
    in.password = "the first password";
    auto user = identity_->users.create_user(owner_principal(a), in, "");
    ASSERT_TRUE(user);
    auto session = identity_->authentication.login({"member@alpha.test", "the first password", std::nullopt, ""});
    auto owner = identity_->authentication.login({"owner@alpha.test", "long enough password", std::nullopt, ""});
    ASSERT_TRUE(session && owner);
    auto actor = identity_->authentication.authenticate(owner->token);
    ASSERT_TRUE(actor);
    UserInput reset;
    reset.password = "the owner's choice";
    ASSERT_TRUE(identity_->users.update_user(*actor, user->user_id, reset, ""));
    EXPECT_FALSE(identity_->authentication.authenticate(session->token));
    EXPECT_TRUE(identity_->authentication.authenticate(owner->token));
}

// The auth cache keeps what it resolved for its ttl: a change made behind the identity
// services' backs shows only once the ttl has passed. The next test relies on this to show
// that the services' own changes invalidate it.
TEST_P(RepositoryTest, TheAuthCacheHoldsUntilItsTtl) {
    auto a = boot("alpha");
    auto login = identity_->authentication.login({"owner@alpha.test", "long enough password", std::nullopt, ""});
    ASSERT_TRUE(login);
    ASSERT_TRUE(identity_->authentication.authenticate(login->token));
    const Principal owner = owner_principal(a);
    ASSERT_EQ(identity_->actors.role_grants(owner)->for_role(Role::Viewer).read, Scope::Team);

    ASSERT_TRUE(identity_->repo.delete_sessions_of(a.workspace.workspace_id, a.owner.user_id));
    const RoleGrant narrow{Role::Viewer, Scope::Own, Scope::None};
    ASSERT_TRUE(identity_->repo.set_role_grant(
        a.workspace.workspace_id, narrow, audit_of(owner, clock_.now_ms(), "test", std::nullopt, std::nullopt, "")));
    EXPECT_TRUE(identity_->authentication.authenticate(login->token));
    EXPECT_EQ(identity_->actors.role_grants(owner)->for_role(Role::Viewer).read, Scope::Team);

    clock_.advance_ms(5001);
    EXPECT_FALSE(identity_->authentication.authenticate(login->token));
    EXPECT_EQ(identity_->actors.role_grants(owner)->for_role(Role::Viewer).read, Scope::Own);
}

// Every change that may revoke access bites at once: it invalidates the cache that the
// authentication and the actor directory read (no clock advance in this test).
TEST_P(RepositoryTest, RevocationsInvalidateTheAuthCacheAtOnce) {
    auto a = boot("alpha");
    const Principal owner = owner_principal(a);
    UserInput in;
    in.email = "member@alpha.test";
    in.display_name = "Member";
    in.role = Role::Member;
    in.password = "the first password";
    auto member = identity_->users.create_user(owner, in, "");
    ASSERT_TRUE(member);
    auto session = identity_->authentication.login({"member@alpha.test", "the first password", std::nullopt, ""});
    ASSERT_TRUE(session);
    auto key = identity_->api_keys.create_api_key(owner, "ci", Role::Member, "");
    ASSERT_TRUE(key);
    ASSERT_EQ(identity_->authentication.authenticate(session->token)->role, Role::Member);
    ASSERT_TRUE(identity_->authentication.authenticate(key->token));
    ASSERT_EQ(identity_->actors.role_grants(owner)->for_role(Role::Member).write, Scope::Own);

    // A role grant change: the directory's cached grants go.
    ASSERT_TRUE(identity_->role_grants.set_role_grant(owner, {Role::Member, Scope::All, Scope::Team}, ""));
    EXPECT_EQ(identity_->actors.role_grants(owner)->for_role(Role::Member).write, Scope::Team);

    // A role change: the member's cached principal goes.
    ASSERT_TRUE(identity_->authentication.authenticate(session->token));
    UserInput promote;
    promote.role = Role::Manager;
    ASSERT_TRUE(identity_->users.update_user(owner, member->user_id, promote, ""));
    EXPECT_EQ(identity_->authentication.authenticate(session->token)->role, Role::Manager);

    // A deactivation: the member's session stops working.
    UserInput deactivate;
    deactivate.active = false;
    ASSERT_TRUE(identity_->users.update_user(owner, member->user_id, deactivate, ""));
    auto refused = identity_->authentication.authenticate(session->token);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Unauthenticated);

    // A revoked API key.
    ASSERT_TRUE(identity_->api_keys.revoke_api_key(owner, key->key.key_id, ""));
    auto revoked = identity_->authentication.authenticate(key->token);
    ASSERT_FALSE(revoked);
    EXPECT_EQ(revoked.error().detail, "the API key was revoked; create a new one");
}

TEST_P(RepositoryTest, UsersAndTeamsStayInTheirWorkspace) {
    auto a = boot("alpha");
    auto b = boot("beta");
    TeamInput t;
    t.name = "Sales";
    t.kind = TeamKind::Sales;
    t.members = std::vector<TeamMember>{{a.owner.user_id, SalesRole::Hunter}};
    auto team = teams_->create(owner_principal(a), t, "");
    ASSERT_TRUE(team) << team.error().detail;
    // Same name in the other workspace is fine; the other workspace's user is not.
    TeamInput cross = t;
    auto refused = teams_->create(owner_principal(b), cross, "");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).pointer, "/members/0/user_id");
    cross.members = std::vector<TeamMember>{{b.owner.user_id, SalesRole::Farmer}};
    ASSERT_TRUE(teams_->create(owner_principal(b), cross, ""));
    auto from_b = teams_->get(owner_principal(b), team->team_id);
    ASSERT_FALSE(from_b);
    EXPECT_EQ(from_b.error().code, ErrorCode::NotFound);
    auto list_b = teams_->list(owner_principal(b), {});
    ASSERT_TRUE(list_b);
    ASSERT_EQ(list_b->items.size(), 1u);
    EXPECT_EQ(list_b->items[0].members.at(0).user_id, b.owner.user_id);
    auto ids = identity_->repo.team_ids_of(a.workspace.workspace_id, a.owner.user_id);
    ASSERT_TRUE(ids);
    EXPECT_EQ(*ids, std::vector<Id>{team->team_id});
}

TEST_P(RepositoryTest, AuditEntriesAreWrittenWithTheirChangeAndPaged) {
    auto a = boot("alpha");
    for (int i = 0; i < 4; ++i) {
        ASSERT_TRUE(identity_->api_keys.create_api_key(owner_principal(a), "key " + std::to_string(i), Role::Viewer,
                                                       "10.0.0.1"));
    }
    PageRequest page;
    page.limit = 3;
    auto first = audit_repo_->list(a.workspace.workspace_id, {}, page);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->items.size(), 3u);
    ASSERT_TRUE(first->next_cursor);
    EXPECT_EQ(first->items[0].action, "api_key.created");
    page.after = parse_id(*first->next_cursor);
    auto second = audit_repo_->list(a.workspace.workspace_id, {}, page);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->items.size(), 2u);  // one more key, then the bootstrap
    EXPECT_EQ(second->items.back().action, "workspace.bootstrapped");
    EXPECT_FALSE(second->next_cursor);
}

// The access filter, applied to the companies table, returns exactly what can_read allows.
TEST_P(RepositoryTest, AccessConditionMatchesCanRead) {
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

INSTANTIATE_TEST_SUITE_P(Engines, RepositoryTest, ::testing::ValuesIn(backends()));

}  // namespace rapport::storage::testing
