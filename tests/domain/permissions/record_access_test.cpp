#include "domain/permissions/record_access.hpp"

#include <gtest/gtest.h>

namespace rapport::domain {

namespace {
const RoleGrants kDefaults = RoleGrants::defaults();
Actor member(Id user, std::vector<Id> teams) {
    return Actor{user, Role::Member, std::move(teams)};
}
}  // namespace

TEST(RecordAccess, OwnersAndAdminsReadAndWriteEverything) {
    for (Role r : {Role::Owner, Role::Admin}) {
        Actor a{1, r, {}};
        EXPECT_TRUE(can_read(a, kDefaults, {99, 42}));
        EXPECT_TRUE(can_write(a, kDefaults, {99, 42}));
        EXPECT_TRUE(can_write(a, kDefaults, {std::nullopt, std::nullopt}));
    }
}

TEST(RecordAccess, MembersReadTheirTeamsAndWriteOnlyTheirOwn) {
    const Actor ada = member(1, {10});
    EXPECT_TRUE(can_read(ada, kDefaults, {1, std::nullopt}));  // own, no team
    EXPECT_TRUE(can_read(ada, kDefaults, {2, 10}));            // a teammate's
    EXPECT_FALSE(can_read(ada, kDefaults, {2, 11}));           // another team's
    EXPECT_TRUE(can_write(ada, kDefaults, {1, 11}));           // own, even in another team
    EXPECT_FALSE(can_write(ada, kDefaults, {2, 10}));          // a teammate's
}

TEST(RecordAccess, ManagersWriteTheirTeamsRecords) {
    Actor m{5, Role::Manager, {10, 12}};
    EXPECT_TRUE(can_read(m, kDefaults, {2, 99}));
    EXPECT_TRUE(can_write(m, kDefaults, {2, 12}));
    EXPECT_FALSE(can_write(m, kDefaults, {2, 99}));
}

TEST(RecordAccess, ViewersNeverWrite) {
    Actor v{7, Role::Viewer, {10}};
    EXPECT_TRUE(can_read(v, kDefaults, {2, 10}));
    EXPECT_FALSE(can_write(v, kDefaults, {7, 10}));
}

TEST(RecordAccess, WorkspacesCanChangeTheGrants) {
    RoleGrants g = RoleGrants::defaults();
    g.set({Role::Member, Scope::All, Scope::Team});
    const Actor ada = member(1, {10});
    EXPECT_TRUE(can_read(ada, g, {2, 11}));
    EXPECT_TRUE(can_write(ada, g, {2, 10}));
    EXPECT_FALSE(can_write(ada, g, {2, 11}));
}

TEST(RecordAccess, ReadFilterMirrorsCanRead) {
    const Actor ada = member(1, {10, 12});
    auto f = read_filter(ada, kDefaults);
    EXPECT_EQ(f.scope, Scope::Team);
    EXPECT_EQ(f.user_id, 1);
    EXPECT_EQ(f.team_ids, (std::vector<Id>{10, 12}));
    // An API key with the member role has no user: "own" cannot match anything.
    RoleGrants own_only = RoleGrants::defaults();
    own_only.set({Role::Member, Scope::Own, Scope::Own});
    EXPECT_EQ(read_filter(Actor{std::nullopt, Role::Member, {}}, own_only).scope, Scope::None);
}

TEST(RecordAccess, ABuyersConsumersNeedAGrantInsideTheWorkspace) {
    RecordRef consumer{std::nullopt, std::nullopt, 500, std::nullopt};
    RecordRef direct{std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    Actor admin{7, Role::Admin, {}};
    EXPECT_FALSE(can_read(admin, kDefaults, consumer));
    EXPECT_FALSE(can_write(admin, kDefaults, consumer));
    EXPECT_TRUE(can_read(admin, kDefaults, direct));
    admin.partitions = {400, 500};
    EXPECT_TRUE(can_read(admin, kDefaults, consumer));
    EXPECT_TRUE(can_write(admin, kDefaults, consumer));
    // A grant opens the partition, not more than the role's scope.
    Actor viewer{8, Role::Viewer, {}};
    viewer.partitions = {500};
    EXPECT_FALSE(can_read(viewer, kDefaults, consumer));  // team scope, not their team
    consumer.owner_user_id = 8;
    EXPECT_TRUE(can_read(viewer, kDefaults, consumer));
    EXPECT_FALSE(can_write(viewer, kDefaults, consumer));
    // The owner role sees every partition.
    Actor owner{9, Role::Owner, {}};
    owner.all_partitions = true;
    EXPECT_TRUE(can_write(owner, kDefaults, consumer));
}

TEST(RecordAccess, PartnerUsersWorkOnTheirBuyersConsumersOnly) {
    Actor partner{3, Role::Member, {}};
    partner.partner_company_id = 500;
    const RecordRef mine{std::nullopt, std::nullopt, 500, std::nullopt};
    const RecordRef other{3, std::nullopt, 600, std::nullopt};  // owning it does not matter
    const RecordRef direct{3, std::nullopt, std::nullopt, std::nullopt};
    const RecordRef buyer{std::nullopt, std::nullopt, std::nullopt, 500};
    EXPECT_TRUE(can_read(partner, kDefaults, mine));
    EXPECT_TRUE(can_write(partner, kDefaults, mine));
    EXPECT_FALSE(can_read(partner, kDefaults, other));
    EXPECT_FALSE(can_read(partner, kDefaults, direct));
    EXPECT_TRUE(can_read(partner, kDefaults, buyer));
    EXPECT_FALSE(can_write(partner, kDefaults, buyer));
    partner.role = Role::Viewer;
    EXPECT_TRUE(can_read(partner, kDefaults, mine));
    EXPECT_FALSE(can_write(partner, kDefaults, mine));
    const AccessFilter f = read_filter(partner, kDefaults);
    EXPECT_EQ(f.partner_company_id, 500);
}

TEST(RecordAccess, AWriteIsJudgedOnTheStateItLeaves) {
    const Actor ada = member(1, {10});
    const RecordRef hers{1, 10};
    // Staying within her write scope (own): allowed, whatever the team.
    EXPECT_EQ(judge_write(ada, kDefaults, hers, RecordRef{1, 11}), WriteVerdict::Allowed);
    // Handing her record to a colleague: allowed, she may lose sight of it.
    EXPECT_EQ(judge_write(ada, kDefaults, hers, RecordRef{2, 11}), WriteVerdict::HandedOver);
    // Orphaning it, or creating one owned by someone else: outside her scope.
    EXPECT_EQ(judge_write(ada, kDefaults, hers, RecordRef{std::nullopt, 10}), WriteVerdict::OutsideWriteScope);
    EXPECT_EQ(judge_write(ada, kDefaults, std::nullopt, RecordRef{2, 10}), WriteVerdict::OutsideWriteScope);
    // A manager passing a teammate's record out of the team is not its owner: refused.
    const Actor manager{5, Role::Manager, {10}};
    EXPECT_EQ(judge_write(manager, kDefaults, RecordRef{2, 10}, RecordRef{2, 11}), WriteVerdict::OutsideWriteScope);
    EXPECT_EQ(judge_write(manager, kDefaults, RecordRef{2, 10}, RecordRef{3, 10}), WriteVerdict::Allowed);
}

TEST(RecordAccess, NoWriteLeavesItsPartitionForOneNotGranted) {
    Actor partner{3, Role::Member, {}};
    partner.partner_company_id = 500;
    const RecordRef mine{std::nullopt, std::nullopt, 500, std::nullopt};
    EXPECT_EQ(judge_write(partner, kDefaults, mine, mine), WriteVerdict::Allowed);
    EXPECT_EQ(judge_write(partner, kDefaults, mine, RecordRef{std::nullopt, std::nullopt, 600, std::nullopt}),
              WriteVerdict::OutsidePartnerBuyer);
    EXPECT_EQ(judge_write(partner, kDefaults, mine, RecordRef{3, std::nullopt, std::nullopt, std::nullopt}),
              WriteVerdict::OutsidePartnerBuyer);
    Actor admin{1, Role::Admin, {}};
    admin.partitions = {500};
    EXPECT_EQ(judge_write(admin, kDefaults, mine, RecordRef{1, std::nullopt, 600, std::nullopt}),
              WriteVerdict::PartitionNotGranted);
    EXPECT_EQ(judge_write(admin, kDefaults, mine, RecordRef{1, std::nullopt, std::nullopt, std::nullopt}),
              WriteVerdict::Allowed);
}

}  // namespace rapport::domain
