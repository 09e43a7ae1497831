// Relationship plan versions on every engine: appended in order, a stale append refused and
// nothing written, and the query other areas use (current, as of a date, at a version, every
// segment's current plan) answering from the right version, each workspace apart.
#include "domain/audit/audit_of.hpp"
#include "domain/relationships/relationship_plans.hpp"
#include "storage/identity/identity_parts.hpp"
#include "storage/relationships/sql_relationship_plan_repository.hpp"

namespace rapport::storage::testing {

using namespace rapport::domain;
using namespace rapport::domain::relationships;

class RelationshipPlanStorageTest : public IdentityBackendTest {
protected:
    void SetUp() override {
        IdentityBackendTest::SetUp();
        if (HasFatalFailure()) return;
        repo_ = std::make_unique<SqlRelationshipPlanRepository>(db());
        plans_ = std::make_unique<RelationshipPlans>(*repo_);
    }
    static PlanVersion version(Id ws, Id segment, std::int64_t n, UnixMillis at, Motivation m) {
        PlanVersion v;
        v.workspace_id = ws;
        v.segment_id = segment;
        v.version = n;
        v.created_at = at;
        v.author_label = "owner@test";
        v.comment = "v" + std::to_string(n);
        PlanEntry e;
        e.relationship_type = RelationshipType::DedicatedAssistance;
        e.motivation = m;
        e.channels = {"phone"};
        e.targets = {{MetricKey::OwnerCoverageShare, Comparator::AtLeast, 95, "percent"}};
        v.entries = {e};
        return v;
    }
    AuditEntry audit(const BootstrapResult& b) {
        return audit_of(owner_principal(b), clock_.now_ms(), "relationship_plan.saved", "segment", "1", "");
    }
    std::unique_ptr<SqlRelationshipPlanRepository> repo_;
    std::unique_ptr<RelationshipPlans> plans_;
};

TEST_P(RelationshipPlanStorageTest, VersionsAppendInOrderAndAreReadByDateAndNumber) {
    auto a = boot("alpha");
    auto b = boot("beta");
    const Id ws = a.workspace.workspace_id;
    ASSERT_TRUE(repo_->append(version(ws, 10, 1, 1000, Motivation::Acquisition), audit(a)));
    ASSERT_TRUE(repo_->append(version(ws, 10, 2, 2000, Motivation::Retention), audit(a)));
    ASSERT_TRUE(repo_->append(version(ws, 11, 1, 1500, Motivation::Upselling), audit(a)));

    // A stale append (version 2 again, or a gap) is a Conflict and writes nothing.
    auto again = repo_->append(version(ws, 10, 2, 2500, Motivation::Upselling), audit(a));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
    auto gap = repo_->append(version(ws, 10, 4, 2500, Motivation::Upselling), audit(a));
    ASSERT_FALSE(gap);
    EXPECT_EQ(gap.error().code, ErrorCode::Conflict);

    auto current = plans_->current(ws, 10);
    ASSERT_TRUE(current && *current);
    EXPECT_EQ((*current)->version, 2);
    EXPECT_EQ((*current)->entries.at(0).motivation, Motivation::Retention);
    EXPECT_EQ((*current)->entries.at(0).targets.at(0).value, 95);
    EXPECT_EQ((*current)->comment, "v2");

    auto before = plans_->as_of(ws, 10, 999);
    ASSERT_TRUE(before);
    EXPECT_FALSE(*before);
    auto between = plans_->as_of(ws, 10, 1999);
    ASSERT_TRUE(between && *between);
    EXPECT_EQ((*between)->version, 1);
    auto at_two = plans_->as_of(ws, 10, 2000);
    ASSERT_TRUE(at_two && *at_two);
    EXPECT_EQ((*at_two)->version, 2);

    auto first = plans_->at_version(ws, 10, 1);
    ASSERT_TRUE(first && *first);
    EXPECT_EQ((*first)->entries.at(0).motivation, Motivation::Acquisition);
    auto none = plans_->at_version(ws, 10, 3);
    ASSERT_TRUE(none);
    EXPECT_FALSE(*none);

    auto all = plans_->all_current(ws);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].segment_id, 10);
    EXPECT_EQ((*all)[0].version, 2);
    EXPECT_EQ((*all)[1].segment_id, 11);

    auto versions = repo_->versions(ws, 10);
    ASSERT_TRUE(versions);
    ASSERT_EQ(versions->size(), 2u);
    EXPECT_EQ((*versions)[0].version, 1);

    // The other workspace has none of it, and its own segment 10 starts at version 1.
    auto other = plans_->current(b.workspace.workspace_id, 10);
    ASSERT_TRUE(other);
    EXPECT_FALSE(*other);
    EXPECT_TRUE(repo_->append(version(b.workspace.workspace_id, 10, 1, 3000, Motivation::Retention), audit(b)));
    auto all_b = plans_->all_current(b.workspace.workspace_id);
    ASSERT_TRUE(all_b);
    EXPECT_EQ(all_b->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, RelationshipPlanStorageTest, ::testing::ValuesIn(backends()));

}  // namespace rapport::storage::testing
