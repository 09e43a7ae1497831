// Lists as people use them (issue 14) over real HTTP: the quick search (?q=) and the bulk
// endpoint (POST /people/bulk): every record judged on its own permissions, workspaces apart,
// a refused request changing nothing, delete and its undo.
#include <set>
#include <string>
#include <vector>

#include "api/api_fixture.hpp"
#include "http/query_string.hpp"

namespace rapport::testing {

namespace {
using nlohmann::json;
constexpr const char* kPassword = "long enough pw 1";
}  // namespace

class BulkApiTest : public ApiTest {
protected:
    static void SetUpTestSuite() {
        ApiTest::SetUpTestSuite();
        ws_ = server_->bootstrap("bulk");
        auto owner = signed_in_client(*server_, ws_.owner_email, ws_.password);
        // Members read every record and change only their own.
        auto role = owner.put("/api/v1/roles/member", {{"read", "all"}, {"write", "own"}});
        ASSERT_EQ(role.status, 200) << role.body;
        member_email_ = unique_name("member") + "@bulk.test";
        auto made = owner.post(
            "/api/v1/users",
            {{"email", member_email_}, {"display_name", "Member"}, {"role", "member"}, {"password", kPassword}});
        ASSERT_EQ(made.status, 201) << made.body;
        member_id_ = made.json()["id"];
    }

    static HttpClient owner() { return signed_in_client(*server_, ws_.owner_email, ws_.password); }
    static HttpClient member() { return signed_in_client(*server_, member_email_, kPassword); }

    static std::string person(HttpClient& c, const std::string& first, const std::string& last,
                              const json& extra = json::object()) {
        json body = {{"fields", {{"first_name", first}, {"last_name", last}}}};
        for (const auto& [k, v] : extra.items()) body[k] = v;
        auto res = c.post("/api/v1/people", body);
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["id"].get<std::string>() : std::string();
    }
    static json tags_of(HttpClient& c, const std::string& id) { return c.get("/api/v1/people/" + id).json()["tags"]; }

    static inline TestServer::Workspace ws_;
    static inline std::string member_email_, member_id_;
};

TEST_F(BulkApiTest, QuickSearchNarrowsByTheBeginningOfANameOrEmailAndCombinesWithTheFilter) {
    auto c = owner();
    const std::string tag = unique_name("qs");
    person(c, "Quintilia", "Rossetti", {{"tags", {tag}}});
    person(c, "Rosalba", "Quaglia", {{"tags", {tag}}});
    person(c, "Quinto", "Verdi",
           {{"tags", {tag}},
            {"fields", {{"first_name", "Quinto"}, {"last_name", "Verdi"}, {"email", "rosso@example.com"}}}});
    person(c, "Anna", "Quirosa", {{"tags", {tag}}});
    const std::string filter = url_encode(json{{"field", "tags"}, {"op", "has_tag"}, {"value", tag}}.dump());
    auto names = [&](const std::string& q) {
        auto res = c.get("/api/v1/people?sort=last_name&filter=" + filter + "&q=" + url_encode(q));
        EXPECT_EQ(res.status, 200) << res.body;
        std::vector<std::string> out;
        const json body = res.json();  // kept: a loop over a temporary's member would dangle
        for (const auto& p : body["items"]) out.push_back(p["fields"]["last_name"]);
        return out;
    };
    // "ros" begins Rossetti, Rosalba and rosso@...; it is inside Quirosa, which is no prefix.
    EXPECT_EQ(names("ROS"), (std::vector<std::string>{"Quaglia", "Rossetti", "Verdi"}));
    // Every word must match: "qui" begins Quintilia, Quinto and Quirosa; "ro" narrows them.
    // Quintilia Rossetti (qui + ro), Anna Quirosa (qui... but no word begins "ro"), Quinto Verdi
    // (qui + rosso@): two of three.
    EXPECT_EQ(names("qui ro"), (std::vector<std::string>{"Rossetti", "Verdi"}));
    auto count = c.get("/api/v1/people/count?filter=" + filter + "&q=ros");
    ASSERT_EQ(count.status, 200) << count.body;
    EXPECT_EQ(count.json()["count"], 3);
    // Another workspace's people never match.
    auto other = owner_of(globex_).get("/api/v1/people/count?q=quintilia");
    EXPECT_EQ(other.json()["count"], 0);
    auto too_many = c.get("/api/v1/people?q=" + url_encode("a b c d e f"));
    expect_problem(too_many, 422);
}

TEST_F(BulkApiTest, EachRecordIsJudgedOnItsOwnPermissions) {
    auto o = owner();
    auto m = member();
    const std::string mine = person(o, "Mia", "Own", {{"owner_user_id", member_id_}});
    const std::string theirs = person(o, "Theo", "Other");
    const std::string tag = unique_name("bulk");
    auto res =
        m.post("/api/v1/people/bulk", {{"action", "add_tag"}, {"ids", {mine, theirs}}, {"params", {{"tag", tag}}}});
    ASSERT_EQ(res.status, 200) << res.body;
    const json body = res.json();
    EXPECT_EQ(body["matched"], 2);
    EXPECT_EQ(body["changed"], 1);
    EXPECT_EQ(body["skipped"]["forbidden"], 1);
    EXPECT_EQ(body["skipped_items"][0]["id"], theirs);
    EXPECT_EQ(tags_of(o, mine), json::array({tag}));
    EXPECT_EQ(tags_of(o, theirs), json::array());
    // The change is in the record's history, by the member.
    auto history = o.get("/api/v1/people/" + mine + "/history").json()["items"];
    ASSERT_FALSE(history.empty());
    EXPECT_EQ(history[0]["field"], "tags");
    EXPECT_EQ(history[0]["actor_user_id"], member_id_);
    // A member may not hand their record to a team they cannot write, nor delete others'.
    auto del = m.post("/api/v1/people/bulk", {{"action", "delete"}, {"ids", {theirs}}});
    ASSERT_EQ(del.status, 200) << del.body;
    EXPECT_EQ(del.json()["changed"], 0);
    EXPECT_EQ(o.get("/api/v1/people/" + theirs).status, 200);
}

TEST_F(BulkApiTest, AnotherWorkspaceCannotReachTheRecords) {
    auto o = owner();
    const std::string id = person(o, "Iso", "Lated");
    auto res = owner_of(globex_).post("/api/v1/people/bulk",
                                      {{"action", "add_tag"}, {"ids", {id}}, {"params", {{"tag", "x"}}}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json()["changed"], 0);
    EXPECT_EQ(res.json()["skipped"]["not_found"], 1);
    auto del = owner_of(globex_).post("/api/v1/people/bulk", {{"action", "delete"}, {"ids", {id}}});
    EXPECT_EQ(del.json()["changed"], 0);
    EXPECT_EQ(tags_of(o, id), json::array());
    EXPECT_EQ(o.get("/api/v1/people/" + id).status, 200);
}

TEST_F(BulkApiTest, ARefusedRequestChangesNothing) {
    auto o = owner();
    const std::string a = person(o, "Ada", "Refused");
    const std::string b = person(o, "Bea", "Refused");
    const json before = o.get("/api/v1/people/" + a).json();
    // An owner that does not exist: the same for every record, so the request fails whole.
    auto res = o.post("/api/v1/people/bulk",
                      {{"action", "set_owner"}, {"ids", {a, b}}, {"params", {{"owner_user_id", "12345"}}}});
    expect_problem(res, 422);
    auto tag = o.post("/api/v1/people/bulk",
                      {{"action", "add_tag"}, {"ids", {a, b}}, {"params", {{"tag", std::string(61, 'x')}}}});
    expect_problem(tag, 422);
    auto both =
        o.post("/api/v1/people/bulk",
               {{"action", "add_tag"}, {"ids", {a}}, {"selection", json::object()}, {"params", {{"tag", "t"}}}});
    expect_problem(both, 422);
    const json after = o.get("/api/v1/people/" + a).json();
    EXPECT_EQ(after["owner_user_id"], before["owner_user_id"]);
    EXPECT_EQ(after["tags"], before["tags"]);
    EXPECT_EQ(after["updated_at"], before["updated_at"]);
    EXPECT_EQ(tags_of(o, b), json::array());
    auto unknown = o.post("/api/v1/people/bulk", {{"action", "explode"}, {"ids", {a}}});
    expect_problem(unknown, 422);
}

TEST_F(BulkApiTest, ASelectionTagsWhatTheFilterAndQuickSearchSelect) {
    auto o = owner();
    const std::string city = unique_name("Città");
    const std::string in1 =
        person(o, "Sel", "Lected", {{"fields", {{"first_name", "Sel"}, {"last_name", "Lected"}, {"city", city}}}});
    const std::string in2 =
        person(o, "Sel", "Ection", {{"fields", {{"first_name", "Sel"}, {"last_name", "Ection"}, {"city", city}}}});
    const std::string out =
        person(o, "Other", "Ection", {{"fields", {{"first_name", "Other"}, {"last_name", "Ection"}, {"city", city}}}});
    const std::string tag = unique_name("sel");
    auto res = o.post("/api/v1/people/bulk",
                      {{"action", "add_tag"},
                       {"selection", {{"filter", {{"field", "city"}, {"op", "eq"}, {"value", city}}}, {"q", "sel"}}},
                       {"params", {{"tag", tag}}}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json()["changed"], 2);
    EXPECT_TRUE(res.json()["next_after"].is_null());
    EXPECT_EQ(tags_of(o, in1), json::array({tag}));
    EXPECT_EQ(tags_of(o, in2), json::array({tag}));
    EXPECT_EQ(tags_of(o, out), json::array());
    // Again: nothing to change.
    auto again =
        o.post("/api/v1/people/bulk", {{"action", "add_tag"}, {"ids", {in1, in2}}, {"params", {{"tag", tag}}}});
    EXPECT_EQ(again.json()["changed"], 0);
    EXPECT_EQ(again.json()["unchanged"], 2);
    // The export of selected rows: ?ids= narrows it to them.
    auto exported = o.get("/api/v1/people/export?format=json&ids=" + in1 + "," + out);
    ASSERT_EQ(exported.status, 200) << exported.body;
    std::set<std::string> ids;
    const json rows = exported.json();
    for (const auto& r : rows) ids.insert(r["id"].get<std::string>());
    EXPECT_EQ(ids, (std::set<std::string>{in1, out}));
    expect_problem(o.get("/api/v1/people?ids=1,x"), 422);
    auto removed =
        o.post("/api/v1/people/bulk", {{"action", "remove_tag"}, {"ids", {in1}}, {"params", {{"tag", tag}}}});
    EXPECT_EQ(removed.json()["changed"], 1);
    EXPECT_EQ(tags_of(o, in1), json::array());
}

TEST_F(BulkApiTest, ADeleteCanBeUndoneByWhoDeletedIt) {
    auto o = owner();
    const std::string tag = unique_name("undo");
    const std::string a = person(o, "Una", "Deleted", {{"tags", {tag}}});
    const std::string b = person(o, "Duo", "Deleted", {{"tags", {tag}}});
    const json before = o.get("/api/v1/people/" + a).json();
    auto segment =
        o.post("/api/v1/segments",
               {{"name", unique_name("static")}, {"kind", "mixed"}, {"entity_type", "person"}, {"type", "static"}});
    ASSERT_EQ(segment.status, 201) << segment.body;
    const std::string segment_id = segment.json()["id"];
    ASSERT_EQ(o.post("/api/v1/segments/" + segment_id + "/members", {{"ids", {a}}}).status / 100, 2);

    auto del = o.post("/api/v1/people/bulk", {{"action", "delete"}, {"ids", {a, b}}});
    ASSERT_EQ(del.status, 200) << del.body;
    EXPECT_EQ(del.json()["changed"], 2);
    const std::string undo = del.json()["undo_id"];
    EXPECT_TRUE(del.json()["undo_until"].is_number());
    EXPECT_EQ(o.get("/api/v1/people/" + a).status, 404);
    EXPECT_EQ(o.get("/api/v1/people/" + b).status, 404);

    // Someone else cannot undo it.
    auto stranger = member().post("/api/v1/people/bulk", {{"action", "restore"}, {"params", {{"undo_id", undo}}}});
    ASSERT_EQ(stranger.status, 200) << stranger.body;
    EXPECT_EQ(stranger.json()["changed"], 0);
    EXPECT_EQ(o.get("/api/v1/people/" + a).status, 404);

    auto restored = o.post("/api/v1/people/bulk", {{"action", "restore"}, {"params", {{"undo_id", undo}}}});
    ASSERT_EQ(restored.status, 200) << restored.body;
    EXPECT_EQ(restored.json()["changed"], 2);
    const json after = o.get("/api/v1/people/" + a).json();
    EXPECT_EQ(after["fields"], before["fields"]);
    EXPECT_EQ(after["tags"], before["tags"]);
    EXPECT_EQ(after["owner_user_id"], before["owner_user_id"]);
    EXPECT_EQ(after["created_at"], before["created_at"]);
    // Back in its static segment, with its history and a line saying it was restored.
    auto members = o.get("/api/v1/segments/" + segment_id + "/members").json()["items"];
    ASSERT_EQ(members.size(), 1u);
    EXPECT_EQ(members[0]["id"], a);
    auto history = o.get("/api/v1/people/" + a + "/history").json()["items"];
    ASSERT_GE(history.size(), 2u);
    EXPECT_EQ(history[0]["field"], "record");
    // Once only.
    auto twice = o.post("/api/v1/people/bulk", {{"action", "restore"}, {"params", {{"undo_id", undo}}}});
    expect_problem(twice, 404);
}

TEST_F(BulkApiTest, CompaniesTooBySearchAndTeam) {
    auto o = owner();
    const std::string word = "Bulkco" + unique_name("x").substr(0, 6);
    auto make = [&](const std::string& name) {
        auto res = o.post("/api/v1/companies", {{"fields", {{"legal_name", name}, {"country", "IT"}}}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["id"].get<std::string>() : std::string();
    };
    const std::string a = make(word + " Alfa S.r.l.");
    const std::string b = make(word + " Beta S.p.A.");
    auto team = o.post("/api/v1/teams", {{"name", unique_name("Bulk team")}, {"kind", "sales"}});
    ASSERT_EQ(team.status, 201) << team.body;
    const std::string team_id = team.json()["id"];
    auto count = o.get("/api/v1/companies/count?q=" + url_encode(word));
    ASSERT_EQ(count.status, 200) << count.body;
    EXPECT_EQ(count.json()["count"], 2);
    auto res = o.post("/api/v1/companies/bulk",
                      {{"action", "set_team"}, {"selection", {{"q", word}}}, {"params", {{"team_id", team_id}}}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json()["changed"], 2);
    EXPECT_EQ(o.get("/api/v1/companies/" + a).json()["team_id"], team_id);
    EXPECT_EQ(o.get("/api/v1/companies/" + b).json()["team_id"], team_id);
    // A person's id is no company: not found among companies.
    const std::string someone = person(o, "Not", "Acompany");
    auto wrong = o.post("/api/v1/companies/bulk", {{"action", "delete"}, {"ids", {someone}}});
    EXPECT_EQ(wrong.json()["skipped"]["not_found"], 1);
    EXPECT_EQ(o.get("/api/v1/people/" + someone).status, 200);
}

}  // namespace rapport::testing
