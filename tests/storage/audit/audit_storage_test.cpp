// The audit log over the SQL repository on every engine: entries with their change, paged.
#include "storage/audit/sql_audit_repository.hpp"
#include "storage/identity/identity_parts.hpp"

namespace rapport::storage::testing {

using namespace rapport::domain;

class AuditStorageTest : public IdentityBackendTest {
protected:
    void SetUp() override {
        IdentityBackendTest::SetUp();
        if (HasFatalFailure()) return;
        audit_repo_ = std::make_unique<SqlAuditRepository>(db());
    }
    std::unique_ptr<SqlAuditRepository> audit_repo_;
};

TEST_P(AuditStorageTest, AuditEntriesAreWrittenWithTheirChangeAndPaged) {
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

INSTANTIATE_TEST_SUITE_P(Engines, AuditStorageTest, ::testing::ValuesIn(backends()));

}  // namespace rapport::storage::testing
