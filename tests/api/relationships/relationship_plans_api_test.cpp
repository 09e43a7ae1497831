// Relationship plans over real HTTP (SQLite or PostgreSQL, as RAPPORT_TEST_BACKEND says):
// a manager saves a segment's plan, each save is a new version with its author and comment,
// earlier versions stay readable, a save based on a stale version is a 409 problem, the
// motivation history follows each entry across versions, members and viewers read but may not
// write, field errors point into the body, and another workspace or a partner user sees none
// of it.
#include "api/api_fixture.hpp"

namespace rapport::testing {

using nlohmann::json;

class RelationshipPlansApiTest : public ApiTest {
protected:
    static std::string create_segment(HttpClient& c, const std::string& kind = "b2b") {
        auto res =
            c.post("/api/v1/segments",
                   {{"name", unique_name("Segment")}, {"kind", kind}, {"entity_type", "company"}, {"type", "static"}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["id"].get<std::string>() : std::string();
    }
    static std::string create_team(HttpClient& c) {
        auto res = c.post("/api/v1/teams", {{"name", unique_name("Team")}, {"kind", "service"}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["id"].get<std::string>() : std::string();
    }
    static json dedicated(const std::string& motivation, const std::string& team_id) {
        return {{"relationship_type", "dedicated_assistance"},
                {"motivation", motivation},
                {"team_id", team_id},
                {"channels", {"email", "phone"}},
                {"note", "An account manager per company"},
                {"targets",
                 {{{"metric", "owner_coverage_share"}, {"comparator", "at_least"}, {"value", 100}},
                  {{"metric", "contact_interval_days"}, {"comparator", "at_most"}, {"value", 90}, {"unit", "days"}}}},
                {"threshold", {{"measure", "customers_touched_percent"}, {"value", 50}}}};
    }
    static json self_service() {
        return {{"relationship_type", "self_service"}, {"motivation", "retention"}, {"channels", {"web"}}};
    }
    static std::string path(const std::string& segment) { return "/api/v1/relationship-plans/" + segment; }
};

TEST_F(RelationshipPlansApiTest, EachSaveIsANewVersionAndEarlierVersionsStayReadable) {
    auto owner = owner_of(acme_);
    auto manager = new_acme_user("manager", "Mara Manager");
    const auto segment = create_segment(owner);
    const auto team = create_team(owner);

    auto empty = manager.client.get(path(segment));
    ASSERT_EQ(empty.status, 200) << empty.body;
    EXPECT_EQ(empty.json()["version"], 0);
    EXPECT_EQ(empty.json()["entries"], json::array());
    EXPECT_TRUE(empty.json()["created_at"].is_null());
    EXPECT_EQ(empty.json()["segment"]["id"], segment);

    auto first = manager.client.put(path(segment), {{"expected_version", 0},
                                                    {"comment", "launch"},
                                                    {"entries", {self_service(), dedicated("acquisition", team)}}});
    ASSERT_EQ(first.status, 200) << first.body;
    auto v1 = first.json();
    EXPECT_EQ(v1["version"], 1);
    EXPECT_EQ(v1["comment"], "launch");
    EXPECT_EQ(v1["author_user_id"], manager.id);
    // Entries come back in relationship type order, each target with its metric's unit.
    ASSERT_EQ(v1["entries"].size(), 2u);
    EXPECT_EQ(v1["entries"][0]["relationship_type"], "dedicated_assistance");
    EXPECT_EQ(v1["entries"][0]["team_id"], team);
    EXPECT_EQ(v1["entries"][0]["targets"][0]["unit"], "percent");
    EXPECT_EQ(v1["entries"][0]["targets"][1]["unit"], "days");
    EXPECT_EQ(v1["entries"][0]["threshold"]["measure"], "customers_touched_percent");
    EXPECT_EQ(v1["entries"][0]["threshold"]["value"], 50);
    EXPECT_EQ(v1["entries"][1]["relationship_type"], "self_service");
    EXPECT_TRUE(v1["entries"][1]["team_id"].is_null());
    // A threshold left out is the default: 10 interactions per 100 customers.
    EXPECT_EQ(v1["entries"][1]["threshold"]["measure"], "interactions_per_100_customers");
    EXPECT_EQ(v1["entries"][1]["threshold"]["value"], 10);

    auto second = owner.put(path(segment), {{"expected_version", 1}, {"entries", {dedicated("retention", team)}}});
    ASSERT_EQ(second.status, 200) << second.body;
    EXPECT_EQ(second.json()["version"], 2);
    EXPECT_EQ(second.json()["comment"], "");

    auto current = manager.client.get(path(segment)).json();
    EXPECT_EQ(current["version"], 2);
    ASSERT_EQ(current["entries"].size(), 1u);
    EXPECT_EQ(current["entries"][0]["motivation"], "retention");

    auto old = manager.client.get(path(segment) + "/versions/1");
    ASSERT_EQ(old.status, 200) << old.body;
    EXPECT_EQ(old.json()["entries"], v1["entries"]);
    EXPECT_EQ(old.json()["comment"], "launch");

    auto versions = manager.client.get(path(segment) + "/versions");
    ASSERT_EQ(versions.status, 200) << versions.body;
    const auto items = versions.json()["items"];
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0]["version"], 1);
    EXPECT_EQ(items[1]["version"], 2);
    EXPECT_LE(items[0]["created_at"].get<std::int64_t>(), items[1]["created_at"].get<std::int64_t>());

    expect_problem(manager.client.get(path(segment) + "/versions/3"), 404);
    expect_problem(manager.client.get(path(segment) + "/versions/zero"), 404);

    // The list shows the segment with its current plan's summary.
    auto list = manager.client.get("/api/v1/relationship-plans");
    ASSERT_EQ(list.status, 200) << list.body;
    bool listed = false;
    const auto list_body = list.json();
    for (const auto& item : list_body["items"]) {
        if (item["segment"]["id"] != segment) continue;
        listed = true;
        EXPECT_EQ(item["version"], 2);
        EXPECT_EQ(item["relationship_types"], json::array({"dedicated_assistance"}));
    }
    EXPECT_TRUE(listed) << list.body;

    auto audit = owner.get("/api/v1/audit?action=relationship_plan.saved");
    ASSERT_EQ(audit.status, 200) << audit.body;
    int audited = 0;
    const auto audit_body = audit.json();
    for (const auto& e : audit_body["items"]) audited += e["target_id"] == segment ? 1 : 0;
    EXPECT_EQ(audited, 2) << audit.body;
}

TEST_F(RelationshipPlansApiTest, ASaveBasedOnAStaleVersionIsAConflict) {
    auto owner = owner_of(acme_);
    const auto segment = create_segment(owner);
    ASSERT_EQ(owner.put(path(segment), {{"expected_version", 0}, {"entries", {self_service()}}}).status, 200);
    // Someone else saved version 1 meanwhile: a save based on 0 is refused and changes nothing.
    auto stale = owner.put(path(segment), {{"expected_version", 0}, {"entries", json::array()}});
    expect_problem(stale, 409);
    EXPECT_NE(stale.json()["detail"].get<std::string>().find("1"), std::string::npos) << stale.body;
    auto ahead = owner.put(path(segment), {{"expected_version", 5}, {"entries", json::array()}});
    expect_problem(ahead, 409);
    auto current = owner.get(path(segment)).json();
    EXPECT_EQ(current["version"], 1);
    EXPECT_EQ(current["entries"].size(), 1u);
    // Based on the current version, an empty plan is a version like any other.
    auto cleared = owner.put(path(segment), {{"expected_version", 1}, {"entries", json::array()}});
    ASSERT_EQ(cleared.status, 200) << cleared.body;
    EXPECT_EQ(cleared.json()["version"], 2);
    EXPECT_EQ(cleared.json()["entries"], json::array());
}

TEST_F(RelationshipPlansApiTest, TheMotivationHistoryFollowsEachEntryAcrossVersions) {
    auto owner = owner_of(acme_);
    const auto segment = create_segment(owner);
    const auto team = create_team(owner);
    ASSERT_EQ(owner
                  .put(path(segment),
                       {{"expected_version", 0}, {"entries", {dedicated("acquisition", team), self_service()}}})
                  .status,
              200);
    // Same motivation, other changes: no motivation change recorded.
    auto same = dedicated("acquisition", team);
    same["note"] = "Two calls a year";
    ASSERT_EQ(owner.put(path(segment), {{"expected_version", 1}, {"entries", {same, self_service()}}}).status, 200);
    ASSERT_EQ(owner.put(path(segment), {{"expected_version", 2}, {"entries", {dedicated("retention", team)}}}).status,
              200);

    auto res = owner.get(path(segment) + "/motivation-history");
    ASSERT_EQ(res.status, 200) << res.body;
    const auto items = res.json()["items"];
    ASSERT_EQ(items.size(), 2u) << res.body;
    EXPECT_EQ(items[0]["relationship_type"], "dedicated_assistance");
    EXPECT_EQ(items[0]["current"], "retention");
    ASSERT_EQ(items[0]["changes"].size(), 2u);
    EXPECT_EQ(items[0]["changes"][0]["version"], 1);
    EXPECT_EQ(items[0]["changes"][0]["motivation"], "acquisition");
    EXPECT_EQ(items[0]["changes"][1]["version"], 3);
    EXPECT_EQ(items[0]["changes"][1]["motivation"], "retention");
    EXPECT_EQ(items[1]["relationship_type"], "self_service");
    EXPECT_TRUE(items[1]["current"].is_null());
    ASSERT_EQ(items[1]["changes"].size(), 2u);
    EXPECT_EQ(items[1]["changes"][1]["version"], 3);
    EXPECT_FALSE(items[1]["changes"][1]["planned"].get<bool>());
}

TEST_F(RelationshipPlansApiTest, MembersAndViewersReadButOnlyManagersAndAboveSave) {
    auto owner = owner_of(acme_);
    const auto segment = create_segment(owner);
    auto admin = new_acme_user("admin", "Ada Admin");
    ASSERT_EQ(admin.client.put(path(segment), {{"expected_version", 0}, {"entries", {self_service()}}}).status, 200);
    for (const char* role : {"member", "viewer"}) {
        auto user = new_acme_user(role, "Low Role");
        auto read = user.client.get(path(segment));
        ASSERT_EQ(read.status, 200) << role << read.body;
        EXPECT_EQ(read.json()["version"], 1);
        EXPECT_EQ(user.client.get(path(segment) + "/versions/1").status, 200) << role;
        expect_problem(user.client.put(path(segment), {{"expected_version", 1}, {"entries", json::array()}}), 403);
    }
    EXPECT_EQ(owner.get(path(segment)).json()["version"], 1);
    expect_problem(server_->client().get(path(segment)), 401);
}

TEST_F(RelationshipPlansApiTest, FieldErrorsPointIntoTheBody) {
    auto owner = owner_of(acme_);
    const auto segment = create_segment(owner);
    json bad_target = {{"relationship_type", "personal_assistance"},
                       {"motivation", "retention"},
                       {"channels", {"email", "pigeon", "email"}},
                       {"team_id", "999999"},
                       {"targets",
                        {{{"metric", "csat_average"}, {"comparator", "at_least"}, {"value", 7}},
                         {{"metric", "happiness"}, {"comparator", "about"}, {"value", 1}},
                         {{"metric", "nps"}, {"comparator", "at_least"}, {"value", 30}, {"unit", "percent"}}}},
                       {"threshold", {{"measure", "customers_touched_percent"}, {"value", 150}}}};
    json twice = {{"relationship_type", "personal_assistance"}, {"motivation", "growth"}};
    auto res = owner.put(path(segment), {{"expected_version", 0}, {"entries", {bad_target, twice}}, {"colour", 1}});
    expect_problem(res, 422);
    for (const char* p :
         {"/colour", "/entries/0/targets/1/metric", "/entries/0/targets/1/comparator", "/entries/1/motivation"}) {
        EXPECT_TRUE(has_error_at(res, p)) << p << res.body;
    }
    // The shape is right but the values are not.
    bad_target["channels"] = {"email", "email"};
    bad_target["targets"].erase(1);
    twice["motivation"] = "upselling";
    res = owner.put(path(segment), {{"expected_version", 0}, {"entries", {bad_target, twice}}});
    expect_problem(res, 422);
    for (const char* p : {"/entries/0/channels/1", "/entries/0/targets/0/value", "/entries/0/targets/1/unit",
                          "/entries/0/threshold/value", "/entries/0/team_id", "/entries/1/relationship_type"}) {
        EXPECT_TRUE(has_error_at(res, p)) << p << res.body;
    }
    auto missing = owner.put(path(segment), json::object());
    expect_problem(missing, 422);
    EXPECT_TRUE(has_error_at(missing, "/expected_version"));
    EXPECT_TRUE(has_error_at(missing, "/entries"));
    // Nothing was saved; in Italian the message is Italian.
    EXPECT_EQ(owner.get(path(segment)).json()["version"], 0);
    const json italian_body = {{"expected_version", 0}, {"entries", {twice, twice}}};
    auto italian = owner.request("PUT", path(segment), italian_body.dump(),
                                 {{"Content-Type", "application/json"}, {"Accept-Language", "it"}});
    expect_problem(italian, 422);
    EXPECT_NE(italian.body.find("una voce per tipo di relazione"), std::string::npos) << italian.body;
}

TEST_F(RelationshipPlansApiTest, AnotherWorkspaceAndPartnerUsersSeeNoneOfIt) {
    auto owner = owner_of(acme_);
    const auto segment = create_segment(owner);
    ASSERT_EQ(owner.put(path(segment), {{"expected_version", 0}, {"entries", {self_service()}}}).status, 200);

    auto other = owner_of(globex_);
    expect_problem(other.get(path(segment)), 404);
    expect_problem(other.get(path(segment) + "/versions"), 404);
    expect_problem(other.get(path(segment) + "/versions/1"), 404);
    expect_problem(other.get(path(segment) + "/motivation-history"), 404);
    expect_problem(other.put(path(segment), {{"expected_version", 1}, {"entries", json::array()}}), 404);
    const auto globex_list = other.get("/api/v1/relationship-plans").json();
    for (const auto& item : globex_list["items"]) EXPECT_NE(item["segment"]["id"], segment);
    EXPECT_EQ(owner.get(path(segment)).json()["version"], 1);

    // A buyer's partner user sees only the segments they made, as for segments themselves.
    auto partner = new_acme_user("manager", "Paolo Partner");
    const auto buyer =
        create_record(owner, "/api/v1/companies",
                      {{"legal_name", unique_name("Retail")}, {"country", "IT"}, {"buyer_kind", "retailer"}});
    ASSERT_EQ(owner.put("/api/v1/companies/" + buyer + "/partition/partners/" + partner.id, json::object()).status,
              200);
    expect_problem(partner.client.get(path(segment)), 404);
    expect_problem(partner.client.put(path(segment), {{"expected_version", 1}, {"entries", json::array()}}), 404);
    const auto partner_list = partner.client.get("/api/v1/relationship-plans").json();
    for (const auto& item : partner_list["items"]) EXPECT_NE(item["segment"]["id"], segment);
}

TEST_F(RelationshipPlansApiTest, TheVocabularyListsEveryName) {
    auto owner = owner_of(acme_);
    auto res = owner.get("/api/v1/relationship-plans/vocabulary");
    ASSERT_EQ(res.status, 200) << res.body;
    auto v = res.json();
    EXPECT_EQ(v["relationship_types"].size(), 6u);
    EXPECT_EQ(v["metrics"].size(), 9u);
    EXPECT_EQ(v["metrics"][2]["key"], "csat_average");
    EXPECT_EQ(v["metrics"][2]["min"], 1);
    EXPECT_EQ(v["metrics"][2]["max"], 5);
}

}  // namespace rapport::testing
