#pragma once
// A fresh database of each engine (backend.hpp) with the identity and customers services over
// the real repositories, and two workspaces, "acme" and "globex", with their owners: the
// set-up of the storage tests that write customers through the domain services.
#include <memory>
#include <string>

#include "core/crypto.hpp"
#include "domain/customers/customer_service.hpp"
#include "storage/backend.hpp"
#include "storage/customers/sql_customer_repository.hpp"
#include "storage/identity/identity_parts.hpp"
#include "storage/identity/sql_identity_repository.hpp"

namespace rapport::storage::testing {

class CustomersBackendTest : public BackendTest {
protected:
    void SetUp() override {
        crypto::initialize();
        BackendTest::SetUp();
        if (HasFatalFailure()) return;
        customer_repo_ = std::make_unique<SqlCustomerRepository>(db());
        identity_ = std::make_unique<IdentityParts>(db(), clock_);
        customers_ = std::make_unique<domain::customers::CustomerService>(*customer_repo_, identity_->actors, clock_);
        acme_ = boot("acme");
        globex_ = boot("globex");
    }
    // A new workspace named `name` and its owner, signed in.
    domain::Principal boot(const std::string& name) {
        auto r = identity_->workspaces.bootstrap(name, "owner@" + name + ".test", "long enough password", "Owner");
        EXPECT_TRUE(r) << (r ? "" : r.error().detail);
        domain::Principal p;
        if (!r) return p;
        p.workspace_id = r->workspace.workspace_id;
        p.user_id = r->owner.user_id;
        p.role = domain::Role::Owner;
        p.label = r->owner.email;
        return p;
    }

    ManualClock clock_{1'700'000'000'000};
    std::unique_ptr<SqlCustomerRepository> customer_repo_;
    std::unique_ptr<IdentityParts> identity_;
    std::unique_ptr<domain::customers::CustomerService> customers_;
    domain::Principal acme_, globex_;
};

}  // namespace rapport::storage::testing
