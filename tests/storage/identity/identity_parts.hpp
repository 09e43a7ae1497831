#pragma once
// The identity area's services wired over the real SQL repository, as the composition root
// wires them: one AuthCache shared by the parts that read it and the parts that invalidate it;
// and a fixture with them on every engine, for the storage tests of areas that need users.
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "domain/identity/api_key_service.hpp"
#include "domain/identity/auth_cache.hpp"
#include "domain/identity/authentication_service.hpp"
#include "domain/identity/cached_actor_directory.hpp"
#include "domain/identity/login_throttle.hpp"
#include "domain/identity/principals.hpp"
#include "domain/identity/role_grant_service.hpp"
#include "domain/identity/user_service.hpp"
#include "domain/identity/workspace_bootstrap.hpp"
#include "storage/backend.hpp"
#include "storage/identity/sql_identity_repository.hpp"

namespace rapport::storage::testing {

struct IdentityParts {
    IdentityParts(Database& db, const Clock& clock)
        : repo(db),
          throttle(clock),
          actors(repo, cache, clock),
          authentication(repo, cache, clock, throttle, {}),
          users(repo, actors, cache, clock),
          api_keys(repo, cache, clock),
          role_grants(repo, cache, clock),
          workspaces(repo, clock) {}

    SqlIdentityRepository repo;
    domain::LoginThrottle throttle;
    domain::AuthCache cache;
    domain::CachedActorDirectory actors;
    domain::AuthenticationService authentication;
    domain::UserService users;
    domain::ApiKeyService api_keys;
    domain::RoleGrantService role_grants;
    domain::WorkspaceBootstrap workspaces;
};

// A database on each engine with the identity parts over it, and a way to make workspaces.
class IdentityBackendTest : public BackendTest {
protected:
    void SetUp() override {
        crypto::initialize();
        BackendTest::SetUp();
        if (HasFatalFailure()) return;
        identity_ = std::make_unique<IdentityParts>(db(), clock_);
    }
    domain::BootstrapResult boot(const std::string& name) {
        auto r = identity_->workspaces.bootstrap(name, "owner@" + name + ".test", "long enough password", "Owner");
        EXPECT_TRUE(r) << (r ? "" : r.error().detail);
        return *r;
    }
    static domain::Principal owner_principal(const domain::BootstrapResult& b) {
        domain::Principal p;
        p.workspace_id = b.workspace.workspace_id;
        p.user_id = b.owner.user_id;
        p.role = domain::Role::Owner;
        p.label = b.owner.email;
        return p;
    }

    ManualClock clock_{1'700'000'000'000};
    std::unique_ptr<IdentityParts> identity_;
};

}  // namespace rapport::storage::testing
