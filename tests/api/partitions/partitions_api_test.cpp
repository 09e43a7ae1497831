// B2B2C partitions over real HTTP, both directions: a buyer's partner users see and work on
// that buyer's consumers only; the workspace's own users see a buyer's consumers only with a
// grant (to them or to one of their teams), otherwise the aggregate count alone.
#include <algorithm>

#include "api/api_fixture.hpp"

namespace rapport::testing {

class PartitionsApiTest : public ApiTest {
protected:
    struct User {
        HttpClient client;
        std::string id;
    };
    static User user_of_acme(const std::string& role) {
        auto owner = signed_in_client(*server_, acme_.owner_email, acme_.password);
        const auto email = unique_name("p") + "@acme.test";
        auto created =
            owner.post("/api/v1/users",
                       {{"email", email}, {"display_name", "P"}, {"role", role}, {"password", "long enough pw 1"}});
        EXPECT_EQ(created.status, 201) << created.body;
        return {signed_in_client(*server_, email, "long enough pw 1"), created.json()["id"]};
    }
    static std::string create(HttpClient& c, const std::string& path, const nlohmann::json& fields) {
        auto res = c.post(path, {{"fields", fields}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["id"].get<std::string>() : std::string();
    }
    static std::vector<std::string> ids_of(const HttpResult& res) {
        std::vector<std::string> out;
        auto body = res.json();
        for (const auto& i : body["items"]) out.push_back(i["id"]);
        return out;
    }
    static bool contains(const std::vector<std::string>& ids, const std::string& id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    }

    static void SetUpTestSuite() {
        ApiTest::SetUpTestSuite();
        auto owner = signed_in_client(*server_, acme_.owner_email, acme_.password);
        north_ = create(owner, "/api/v1/companies",
                        {{"legal_name", "Nordic Retail Ltd"}, {"country", "GB"}, {"buyer_kind", "retailer"}});
        south_ = create(owner, "/api/v1/companies",
                        {{"legal_name", "Sur Distribución S.L."}, {"country", "ES"}, {"buyer_kind", "distributor"}});
        plain_ = create(owner, "/api/v1/companies", {{"legal_name", "Plain Buyerless Co"}, {"country", "GB"}});
        north_consumer_ = create(owner, "/api/v1/people",
                                 {{"first_name", "Nora"}, {"last_name", "Zephyrine"}, {"buyer_company_id", north_}});
        south_consumer_ = create(owner, "/api/v1/people",
                                 {{"first_name", "Sara"}, {"last_name", "Zephyrine"}, {"buyer_company_id", south_}});
        direct_ = create(owner, "/api/v1/people", {{"first_name", "Dino"}, {"last_name", "Zephyrine"}});
    }
    static inline std::string north_, south_, plain_, north_consumer_, south_consumer_, direct_;
};

TEST_F(PartitionsApiTest, TheOwnerSeesEveryPartition) {
    auto owner = owner_of(acme_);
    auto ids = ids_of(owner.get("/api/v1/search?q=zephyrine"));
    EXPECT_TRUE(contains(ids, north_consumer_));
    EXPECT_TRUE(contains(ids, south_consumer_));
    EXPECT_TRUE(contains(ids, direct_));
    EXPECT_EQ(owner.get("/api/v1/people/" + north_consumer_).status, 200);
}

TEST_F(PartitionsApiTest, WorkspaceUsersWithoutAGrantSeeCountsOnly) {
    auto admin = user_of_acme("admin");
    // Lists, search, the record itself and the buyer's consumers page all hide them.
    auto listed = ids_of(admin.client.get("/api/v1/people?limit=200"));
    EXPECT_FALSE(contains(listed, north_consumer_));
    EXPECT_TRUE(contains(listed, direct_));
    auto found = ids_of(admin.client.get("/api/v1/search?q=zephyrine"));
    EXPECT_FALSE(contains(found, north_consumer_));
    EXPECT_FALSE(contains(found, south_consumer_));
    EXPECT_TRUE(contains(found, direct_));
    expect_problem(admin.client.get("/api/v1/people/" + north_consumer_), 404);
    EXPECT_TRUE(ids_of(admin.client.get("/api/v1/companies/" + north_ + "/consumers")).empty());
    expect_problem(admin.client.patch("/api/v1/people/" + north_consumer_, {{"fields", {{"first_name", "X"}}}}), 404);
    // Creating a consumer of an ungranted buyer is refused with the reason.
    auto refused = admin.client.post(
        "/api/v1/people", {{"fields", {{"first_name", "Ugo"}, {"last_name", "Nope"}, {"buyer_company_id", north_}}}});
    expect_problem(refused, 403);
    EXPECT_NE(refused.json()["detail"].get<std::string>().find("no grant"), std::string::npos) << refused.body;
    // The aggregate stays visible, with who may see more.
    auto partition = admin.client.get("/api/v1/companies/" + north_ + "/partition");
    ASSERT_EQ(partition.status, 200) << partition.body;
    auto p = partition.json();
    EXPECT_EQ(p["consumer_count"], 1);
    EXPECT_EQ(p["consumers_visible"], false);
    EXPECT_TRUE(p["grants"].is_array());
    // The list count agrees: the hidden consumer is not counted for this user.
    auto all_people = admin.client.get("/api/v1/people/count");
    auto owner_people = owner_of(acme_).get("/api/v1/people/count");
    ASSERT_EQ(all_people.status, 200) << all_people.body;
    EXPECT_LT(all_people.json()["count"].get<int>(), owner_people.json()["count"].get<int>());
}

TEST_F(PartitionsApiTest, AUserGrantOpensOnePartitionAndRevokingClosesIt) {
    auto owner = owner_of(acme_);
    auto manager = user_of_acme("manager");
    auto granted = owner.put("/api/v1/companies/" + north_ + "/partition/grants/user/" + manager.id, nlohmann::json{});
    ASSERT_EQ(granted.status, 200) << granted.body;
    auto grants = granted.json()["grants"];
    ASSERT_EQ(grants.size(), 1u);
    EXPECT_EQ(grants[0]["grantee_id"], manager.id);
    EXPECT_EQ(grants[0]["grantee_name"], "P");
    // Granting twice changes nothing.
    ASSERT_EQ(owner.put("/api/v1/companies/" + north_ + "/partition/grants/user/" + manager.id, nlohmann::json{})
                  .json()["grants"]
                  .size(),
              1u);

    EXPECT_EQ(manager.client.get("/api/v1/people/" + north_consumer_).status, 200);
    expect_problem(manager.client.get("/api/v1/people/" + south_consumer_), 404);
    auto found = ids_of(manager.client.get("/api/v1/search?q=zephyrine"));
    EXPECT_TRUE(contains(found, north_consumer_));
    EXPECT_FALSE(contains(found, south_consumer_));
    EXPECT_EQ(ids_of(manager.client.get("/api/v1/companies/" + north_ + "/consumers")),
              std::vector<std::string>{north_consumer_});
    EXPECT_EQ(manager.client.get("/api/v1/companies/" + north_ + "/partition").json()["consumers_visible"], true);

    ASSERT_EQ(owner.del("/api/v1/companies/" + north_ + "/partition/grants/user/" + manager.id).status, 200);
    expect_problem(manager.client.get("/api/v1/people/" + north_consumer_), 404);
    expect_problem(owner.del("/api/v1/companies/" + north_ + "/partition/grants/user/" + manager.id), 404);
    // Both changes are in the audit log.
    auto audit = owner.get("/api/v1/audit?limit=50").body;
    EXPECT_NE(audit.find("partition.grant"), std::string::npos);
    EXPECT_NE(audit.find("partition.revoke"), std::string::npos);
}

TEST_F(PartitionsApiTest, ATeamGrantOpensThePartitionToItsMembers) {
    auto owner = owner_of(acme_);
    auto member = user_of_acme("admin");
    auto team = owner.post(
        "/api/v1/teams",
        {{"name", unique_name("Retail care")}, {"kind", "service"}, {"members", {{{"user_id", member.id}}}}});
    ASSERT_EQ(team.status, 201) << team.body;
    const std::string team_id = team.json()["id"];
    expect_problem(member.client.get("/api/v1/people/" + south_consumer_), 404);
    ASSERT_EQ(owner.put("/api/v1/companies/" + south_ + "/partition/grants/team/" + team_id, nlohmann::json{}).status,
              200);
    EXPECT_EQ(member.client.get("/api/v1/people/" + south_consumer_).status, 200);
}

TEST_F(PartitionsApiTest, PartnerUsersSeeAndWorkOnTheirBuyersConsumersOnly) {
    auto owner = owner_of(acme_);
    auto partner = user_of_acme("member");
    auto bound = owner.put("/api/v1/companies/" + north_ + "/partition/partners/" + partner.id, nlohmann::json{});
    ASSERT_EQ(bound.status, 200) << bound.body;
    EXPECT_EQ(bound.json()["partners"].size(), 1u);
    auto me = partner.client.get("/api/v1/me").json();
    EXPECT_EQ(me["partner_company_id"], north_);
    EXPECT_EQ(me["all_partitions"], false);
    // The staff directory is not theirs: they list themselves only.
    auto users = partner.client.get("/api/v1/users?limit=200").json();
    ASSERT_EQ(users["items"].size(), 1u);
    EXPECT_EQ(users["items"][0]["id"], partner.id);
    const std::string owner_id = owner.get("/api/v1/me").json()["user"]["id"];
    expect_problem(partner.client.get("/api/v1/users/" + owner_id), 404);

    // They read their buyer and its consumers, nothing else.
    EXPECT_EQ(partner.client.get("/api/v1/companies/" + north_).status, 200);
    EXPECT_EQ(partner.client.get("/api/v1/people/" + north_consumer_).status, 200);
    expect_problem(partner.client.get("/api/v1/people/" + south_consumer_), 404);
    expect_problem(partner.client.get("/api/v1/people/" + direct_), 404);
    expect_problem(partner.client.get("/api/v1/companies/" + south_), 404);
    auto people = ids_of(partner.client.get("/api/v1/people?limit=200"));
    EXPECT_TRUE(contains(people, north_consumer_));
    EXPECT_FALSE(contains(people, south_consumer_));
    EXPECT_FALSE(contains(people, direct_));
    auto companies = ids_of(partner.client.get("/api/v1/companies?limit=200"));
    EXPECT_EQ(companies, std::vector<std::string>{north_});
    auto found = ids_of(partner.client.get("/api/v1/search?q=zephyrine"));
    EXPECT_EQ(found, std::vector<std::string>{north_consumer_});

    // They work on them: edit one, and a new person lands in their buyer's partition.
    EXPECT_EQ(partner.client.patch("/api/v1/people/" + north_consumer_, {{"fields", {{"first_name", "Norah"}}}}).status,
              200);
    auto created =
        partner.client.post("/api/v1/people", {{"fields", {{"first_name", "Pia"}, {"last_name", "Zephyrine"}}}});
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.json()["fields"]["buyer_company_id"], north_);
    EXPECT_EQ(created.json()["fields"]["kind"], "b2c_consumer");
    // Not another buyer's, not a company, not their buyer's record.
    expect_problem(
        partner.client.post("/api/v1/people",
                            {{"fields", {{"first_name", "Al"}, {"last_name", "Other"}, {"buyer_company_id", south_}}}}),
        403);
    expect_problem(
        partner.client.post("/api/v1/companies", {{"fields", {{"legal_name", "Side Co"}, {"country", "GB"}}}}), 403);
    expect_problem(partner.client.patch("/api/v1/companies/" + north_, {{"fields", {{"trade_name", "N"}}}}), 403);
    // Grants and partners are the workspace admins' business.
    auto partition = partner.client.get("/api/v1/companies/" + north_ + "/partition");
    ASSERT_EQ(partition.status, 200);
    EXPECT_EQ(partition.json()["consumers_visible"], true);
    EXPECT_FALSE(partition.json().contains("grants"));
    expect_problem(
        partner.client.put("/api/v1/companies/" + north_ + "/partition/grants/user/" + partner.id, nlohmann::json{}),
        403);

    // Unbound, they are an ordinary member again (and the new consumer is hidden from them).
    ASSERT_EQ(owner.del("/api/v1/companies/" + north_ + "/partition/partners/" + partner.id).status, 200);
    expect_problem(partner.client.get("/api/v1/people/" + north_consumer_), 404);
}

TEST_F(PartitionsApiTest, PartnerUsersSeeOnlyTheirOwnTeamsAndSegments) {
    auto owner = owner_of(acme_);
    auto partner = user_of_acme("member");
    ASSERT_EQ(owner.put("/api/v1/companies/" + north_ + "/partition/partners/" + partner.id, nlohmann::json{}).status,
              200);
    auto team = owner.post("/api/v1/teams", {{"name", unique_name("Key accounts")}, {"kind", "sales"}});
    ASSERT_EQ(team.status, 201) << team.body;
    const std::string team_id = team.json()["id"];
    auto partner_team = owner.post(
        "/api/v1/teams",
        {{"name", unique_name("Nordic desk")}, {"kind", "service"}, {"members", {{{"user_id", partner.id}}}}});
    ASSERT_EQ(partner_team.status, 201) << partner_team.body;
    auto segment = owner.post(
        "/api/v1/segments",
        {{"name", unique_name("Churn risk")}, {"kind", "b2b"}, {"entity_type", "company"}, {"type", "static"}});
    ASSERT_EQ(segment.status, 201) << segment.body;
    const std::string segment_id = segment.json()["id"];

    // The workspace's own users see every team and segment.
    EXPECT_TRUE(contains(ids_of(owner.get("/api/v1/teams?limit=200")), team_id));
    EXPECT_TRUE(contains(ids_of(owner.get("/api/v1/segments?limit=200")), segment_id));
    // A partner user sees the team they belong to and the segments they made, nothing else.
    EXPECT_EQ(ids_of(partner.client.get("/api/v1/teams?limit=200")),
              std::vector<std::string>{partner_team.json()["id"].get<std::string>()});
    expect_problem(partner.client.get("/api/v1/teams/" + team_id), 404);
    EXPECT_EQ(partner.client.get("/api/v1/teams/" + partner_team.json()["id"].get<std::string>()).status, 200);
    EXPECT_TRUE(ids_of(partner.client.get("/api/v1/segments?limit=200")).empty());
    expect_problem(partner.client.get("/api/v1/segments/" + segment_id), 404);
    expect_problem(partner.client.get("/api/v1/segments/" + segment_id + "/members"), 404);
    auto own = partner.client.post("/api/v1/segments", {{"name", unique_name("My consumers")},
                                                        {"kind", "b2c"},
                                                        {"entity_type", "person"},
                                                        {"type", "dynamic"},
                                                        {"filter", nlohmann::json::object()}});
    ASSERT_EQ(own.status, 201) << own.body;
    EXPECT_EQ(ids_of(partner.client.get("/api/v1/segments?limit=200")),
              std::vector<std::string>{own.json()["id"].get<std::string>()});
    // Its members are their buyer's consumers only.
    auto members = ids_of(partner.client.get("/api/v1/segments/" + own.json()["id"].get<std::string>() + "/members"));
    EXPECT_TRUE(contains(members, north_consumer_));
    EXPECT_FALSE(contains(members, south_consumer_));
    EXPECT_FALSE(contains(members, direct_));
}

TEST_F(PartitionsApiTest, BadRequestsAreExplained) {
    auto owner = owner_of(acme_);
    auto admin = user_of_acme("admin");
    // Only buyers have partitions.
    auto not_buyer = owner.get("/api/v1/companies/" + plain_ + "/partition");
    expect_problem(not_buyer, 422);
    EXPECT_NE(not_buyer.json()["detail"].get<std::string>().find("not a buyer"), std::string::npos);
    expect_problem(owner.put("/api/v1/companies/" + north_ + "/partition/grants/robot/1", nlohmann::json{}), 404);
    expect_problem(owner.put("/api/v1/companies/" + north_ + "/partition/grants/user/123", nlohmann::json{}), 404);
    // Admins cannot be partner users.
    expect_problem(owner.put("/api/v1/companies/" + north_ + "/partition/partners/" + admin.id, nlohmann::json{}), 422);
    // A member cannot grant.
    auto member = user_of_acme("member");
    expect_problem(
        member.client.put("/api/v1/companies/" + north_ + "/partition/grants/user/" + member.id, nlohmann::json{}),
        403);
    // Another workspace never sees the buyer.
    expect_problem(owner_of(globex_).get("/api/v1/companies/" + north_ + "/partition"), 404);
}

}  // namespace rapport::testing
