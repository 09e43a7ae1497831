// Teams over the SQL repository on every engine: members and teams stay in their workspace.
#include "domain/teams/team_service.hpp"
#include "storage/identity/identity_parts.hpp"
#include "storage/teams/sql_team_repository.hpp"

namespace rapport::storage::testing {

using namespace rapport::domain;

class TeamStorageTest : public IdentityBackendTest {
protected:
    void SetUp() override {
        IdentityBackendTest::SetUp();
        if (HasFatalFailure()) return;
        team_repo_ = std::make_unique<SqlTeamRepository>(db());
        teams_ = std::make_unique<TeamService>(*team_repo_, identity_->actors, clock_);
    }
    std::unique_ptr<SqlTeamRepository> team_repo_;
    std::unique_ptr<TeamService> teams_;
};

TEST_P(TeamStorageTest, UsersAndTeamsStayInTheirWorkspace) {
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

INSTANTIATE_TEST_SUITE_P(Engines, TeamStorageTest, ::testing::ValuesIn(backends()));

}  // namespace rapport::storage::testing
