// The identity area over the SQL repository on every engine: sign-in, sessions, password
// changes, and the auth cache with what invalidates it.
#include "domain/audit/audit_of.hpp"
#include "storage/identity/identity_parts.hpp"

namespace rapport::storage::testing {

using namespace rapport::domain;

class IdentityStorageTest : public IdentityBackendTest {};

TEST_P(IdentityStorageTest, BootstrapLoginAuthenticateLogout) {
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

TEST_P(IdentityStorageTest, SessionsExpire) {
    boot("acme");
    auto login = identity_->authentication.login({"owner@acme.test", "long enough password", std::nullopt, "1.2.3.4"});
    ASSERT_TRUE(login);
    clock_.advance_ms(8LL * 24 * 3600 * 1000);
    auto expired = identity_->authentication.authenticate(login->token);
    ASSERT_FALSE(expired);
    EXPECT_NE(expired.error().detail.find("expired"), std::string::npos);
}

TEST_P(IdentityStorageTest, OneAccountInTwoWorkspacesChoosesAtLogin) {
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

TEST_P(IdentityStorageTest, ChangingAPasswordEndsTheAccountsOtherSessionsInEveryWorkspace) {
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

TEST_P(IdentityStorageTest, AnOwnersPasswordResetEndsAllTheUsersSessions) {
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
TEST_P(IdentityStorageTest, TheAuthCacheHoldsUntilItsTtl) {
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
TEST_P(IdentityStorageTest, RevocationsInvalidateTheAuthCacheAtOnce) {
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

INSTANTIATE_TEST_SUITE_P(Engines, IdentityStorageTest, ::testing::ValuesIn(backends()));

}  // namespace rapport::storage::testing
