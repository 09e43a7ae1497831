// Bulk changes (domain/customers/bulk_service.hpp) on both engines: one transaction per
// request, the quick search in list queries, and a delete undone from its snapshots.
#include <gtest/gtest.h>

#include "domain/customers/bulk_service.hpp"
#include "storage/customers/sql_bulk_repository.hpp"
#include "storage/customers_backend.hpp"

namespace rapport::storage::testing {

using namespace rapport::domain;
using namespace rapport::domain::customers;

class BulkTest : public CustomersBackendTest {
protected:
    void SetUp() override {
        CustomersBackendTest::SetUp();
        if (HasFatalFailure()) return;
        bulk_repo_ = std::make_unique<SqlBulkRepository>(db());
        bulk_ = std::make_unique<BulkService>(*customers_, *customer_repo_, *bulk_repo_, clock_);
    }
    Id person(const Principal& actor, const std::string& first, const std::string& last) {
        CustomerInput in;
        in.fields = {{"first_name", first}, {"last_name", last}};
        auto made = customers_->create(actor, EntityType::Person, in, CustomerService::default_source(actor));
        EXPECT_TRUE(made) << (made ? "" : made.error().detail);
        return made ? made->id : 0;
    }
    std::vector<std::string> tags_of(Id id) {
        auto found = customer_repo_->find(acme_.workspace_id, EntityType::Person, id);
        return found && *found ? (*found)->tags : std::vector<std::string>{};
    }

    std::unique_ptr<SqlBulkRepository> bulk_repo_;
    std::unique_ptr<BulkService> bulk_;
};

TEST_P(BulkTest, AFailingWriteLeavesEveryOtherWriteOfTheRequestUndone) {
    const Id a = person(acme_, "Ada", "First");
    const Id b = person(acme_, "Bea", "Second");
    auto context = customers_->write_context(acme_, EntityType::Person);
    ASSERT_TRUE(context);
    std::vector<RecordWrite> writes;
    for (Id id : {a, b}) {
        auto found = customer_repo_->find(acme_.workspace_id, EntityType::Person, id);
        ASSERT_TRUE(found && *found);
        CustomerInput in;
        in.tags = std::vector<std::string>{"vip"};
        auto w = customers_->prepare_update(acme_, *context, **found, in, CustomerService::default_source(acme_));
        ASSERT_TRUE(w) << w.error().detail;
        writes.push_back(std::move(*w));
    }
    // The second record goes away between the read and the write.
    ASSERT_TRUE(customer_repo_->remove(acme_.workspace_id, EntityType::Person, b,
                                       AuditEntry{acme_.workspace_id, new_id(), 1, acme_.user_id, std::nullopt, "test",
                                                  "person.deleted", "person", "", "", "{}"}));
    auto applied = bulk_repo_->apply(acme_.workspace_id, EntityType::Person, writes, {}, {});
    ASSERT_FALSE(applied);
    EXPECT_EQ(applied.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(tags_of(a).empty()) << "the first write survived the failed request";
}

TEST_P(BulkTest, ARecordChangedSinceItWasJudgedFailsTheRequest) {
    const Id a = person(acme_, "Ada", "Judged");
    const Id b = person(acme_, "Bea", "Changed");
    auto context = customers_->write_context(acme_, EntityType::Person);
    ASSERT_TRUE(context);
    std::vector<RecordWrite> writes;
    for (Id id : {a, b}) {
        auto found = customer_repo_->find(acme_.workspace_id, EntityType::Person, id);
        ASSERT_TRUE(found && *found);
        CustomerInput in;
        in.tags = std::vector<std::string>{"bulk"};
        auto w = customers_->prepare_update(acme_, *context, **found, in, CustomerService::default_source(acme_));
        ASSERT_TRUE(w) << w.error().detail;
        writes.push_back(std::move(*w));
    }
    // Someone edits the second record after the request judged it.
    clock_.advance_ms(1000);
    CustomerInput edit;
    edit.fields = {{"last_name", "Edited"}};
    ASSERT_TRUE(customers_->update(acme_, EntityType::Person, b, edit, CustomerService::default_source(acme_)));
    auto applied = bulk_repo_->apply(acme_.workspace_id, EntityType::Person, writes, {}, {});
    ASSERT_FALSE(applied);
    EXPECT_EQ(applied.error().code, ErrorCode::Conflict);
    EXPECT_TRUE(tags_of(a).empty());
    auto still = customer_repo_->find(acme_.workspace_id, EntityType::Person, b);
    ASSERT_TRUE(still && *still);
    EXPECT_EQ((*still)->fields["last_name"], "Edited") << "the bulk write overwrote a newer edit";
}

TEST_P(BulkTest, QuickSearchAndTagASelection) {
    person(acme_, "Rosa", "Bianchi");
    person(acme_, "Marco", "Rossi");
    person(acme_, "Anna", "Neri");
    person(globex_, "Rosa", "Rossi");
    ListRequest wanted;
    wanted.q = "ROS";
    auto count = customers_->count(acme_, EntityType::Person, wanted);
    ASSERT_TRUE(count) << count.error().detail;
    EXPECT_EQ(*count, 2);
    BulkRequest request;
    request.action = BulkAction::AddTag;
    request.selection = wanted;
    request.tag = "rose";
    auto done = bulk_->run(acme_, EntityType::Person, request, "");
    ASSERT_TRUE(done) << done.error().detail;
    EXPECT_EQ(done->changed, 2);
    wanted.q.clear();
    wanted.filter = {{"field", "tags"}, {"op", "has_tag"}, {"value", "rose"}};
    EXPECT_EQ(*customers_->count(acme_, EntityType::Person, wanted), 2);
    EXPECT_EQ(*customers_->count(globex_, EntityType::Person, wanted), 0);
}

TEST_P(BulkTest, ADeleteIsUndoneWithinTheHourAndNotAfter) {
    const Id a = person(acme_, "Una", "Volta");
    BulkRequest del;
    del.action = BulkAction::Delete;
    del.ids = {a};
    auto deleted = bulk_->run(acme_, EntityType::Person, del, "");
    ASSERT_TRUE(deleted) << deleted.error().detail;
    ASSERT_TRUE(deleted->undo_id);
    EXPECT_FALSE(*customer_repo_->find(acme_.workspace_id, EntityType::Person, a));
    BulkRequest restore;
    restore.action = BulkAction::Restore;
    restore.undo_id = deleted->undo_id;
    // Another workspace cannot restore it, even knowing the undo id.
    auto stranger = bulk_->run(globex_, EntityType::Person, restore, "");
    ASSERT_FALSE(stranger);
    EXPECT_EQ(stranger.error().code, ErrorCode::NotFound);
    auto restored = bulk_->run(acme_, EntityType::Person, restore, "");
    ASSERT_TRUE(restored) << restored.error().detail;
    EXPECT_EQ(restored->changed, 1);
    auto back = customer_repo_->find(acme_.workspace_id, EntityType::Person, a);
    ASSERT_TRUE(back && *back);
    EXPECT_EQ((*back)->fields["last_name"], "Volta");

    // An hour and a minute later, a second deletion can no longer be undone.
    auto again = bulk_->run(acme_, EntityType::Person, del, "");
    ASSERT_TRUE(again) << again.error().detail;
    clock_.advance_ms(kUndoWindowMs + 60'000);
    restore.undo_id = again->undo_id;
    auto late = bulk_->run(acme_, EntityType::Person, restore, "");
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, ErrorCode::NotFound);
}

INSTANTIATE_TEST_SUITE_P(Engines, BulkTest, ::testing::ValuesIn(backends()));

}  // namespace rapport::storage::testing
