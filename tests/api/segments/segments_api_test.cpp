// Segments over real HTTP: dynamic segments evaluated through the list path, static member
// lists, record-level permissions on members and counts, snapshots and history (also from
// the background timer), validation with pointers and workspace isolation.
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <thread>

#include "api/api_fixture.hpp"
#include "app/segment_snapshots.hpp"
#include "app/services.hpp"
#include "domain/segments/segment_service.hpp"

namespace rapport::testing {

namespace {
std::string encode(const std::string& s) {
    return url_encode(s);
}

std::set<std::string> ids_of(const nlohmann::json& items) {
    std::set<std::string> out;
    for (const auto& i : items) out.insert(i["id"].get<std::string>());
    return out;
}

std::string utc_today() {
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::floor<std::chrono::days>(now);
    const std::chrono::year_month_day ymd{days};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}
}  // namespace

class SegmentsApiTest : public ApiTest {
protected:
    static void SetUpTestSuite() {
        ApiTest::SetUpTestSuite();
        ws_ = server_->bootstrap("segments");
        auto owner = signed_in_client(*server_, ws_.owner_email, ws_.password);
        const std::vector<std::tuple<std::string, std::string, std::vector<std::string>>> people = {
            {"Bianchi", "Milano", {"vip"}}, {"Verdi", "Milano", {}},       {"Neri", "Torino", {"vip"}},
            {"Rossi", "milano", {"lead"}},  {"Costa", "Napoli", {}},       {"Zanetti", "Milano", {"vip"}},
            {"Galli", "Roma", {"lead"}},    {"Ferri", "Milano", {"lead"}},
        };
        for (const auto& [last, city, tags] : people) {
            auto res =
                owner.post("/api/v1/people",
                           {{"fields", {{"first_name", "P"}, {"last_name", last}, {"city", city}}}, {"tags", tags}});
            ASSERT_EQ(res.status, 201) << res.body;
            people_[last] = res.json()["id"];
        }
    }

    struct Member {
        HttpClient client;
        std::string user_id;
    };
    Member user_of_ws(const std::string& role) {
        auto owner = owner_of(ws_);
        const auto email = unique_name("u") + "@segments.test";
        auto created =
            owner.post("/api/v1/users",
                       {{"email", email}, {"display_name", "U"}, {"role", role}, {"password", "long enough password"}});
        EXPECT_EQ(created.status, 201) << created.body;
        return {signed_in_client(*server_, email, "long enough password"), created.json()["id"]};
    }

    static nlohmann::json create(HttpClient& client, nlohmann::json body, int expect = 201) {
        if (!body.contains("name")) body["name"] = unique_name("Segment");
        auto res = client.post("/api/v1/segments", body);
        EXPECT_EQ(res.status, expect) << res.body;
        return res.json();
    }

    // Every member id, walking the pages of /members.
    static std::set<std::string> all_members(HttpClient& client, const std::string& id, int limit) {
        std::set<std::string> out;
        std::string cursor;
        for (int pages = 0; pages < 100; ++pages) {
            auto res = client.get("/api/v1/segments/" + id + "/members?limit=" + std::to_string(limit) +
                                  (cursor.empty() ? "" : "&cursor=" + encode(cursor)));
            EXPECT_EQ(res.status, 200) << res.body;
            auto body = res.json();
            for (const auto& i : body["items"]) out.insert(i["id"].get<std::string>());
            if (body["next_cursor"].is_null()) break;
            cursor = body["next_cursor"];
        }
        return out;
    }

    static inline TestServer::Workspace ws_;
    static inline std::map<std::string, std::string> people_;
};

TEST_F(SegmentsApiTest, ADynamicSegmentCountsAndListsExactlyWhatTheListWithItsFilterShows) {
    auto owner = owner_of(ws_);
    const nlohmann::json filter = {
        {"and", {{{"field", "city"}, {"op", "eq"}, {"value", "Milano"}}, {{"field", "tags"}, {"op", "is_not_empty"}}}}};
    auto segment = create(owner, {{"kind", "b2c"}, {"entity_type", "person"}, {"type", "dynamic"}, {"filter", filter}});
    const std::string id = segment["id"];
    EXPECT_EQ(segment["filter"], filter);
    EXPECT_EQ(segment["type"], "dynamic");

    auto list_count = owner.get("/api/v1/people/count?filter=" + encode(filter.dump())).json()["count"];
    auto count = owner.get("/api/v1/segments/" + id + "/count");
    ASSERT_EQ(count.status, 200) << count.body;
    EXPECT_EQ(count.json()["count"], list_count);
    EXPECT_EQ(list_count, 4);  // Bianchi, Rossi (milano), Zanetti, Ferri
    EXPECT_EQ(owner.get("/api/v1/segments/" + id).json()["member_count"], list_count);

    auto list = owner.get("/api/v1/people?limit=500&filter=" + encode(filter.dump())).json();
    EXPECT_EQ(all_members(owner, id, 3), ids_of(list["items"]));

    // Live: a new matching record is a member at once.
    auto added =
        owner.post("/api/v1/people",
                   {{"fields", {{"first_name", "N"}, {"last_name", "New"}, {"city", "MILANO"}}}, {"tags", {"x"}}});
    ASSERT_EQ(added.status, 201);
    EXPECT_EQ(owner.get("/api/v1/segments/" + id + "/count").json()["count"], 5);
    ASSERT_EQ(owner.del("/api/v1/people/" + added.json()["id"].get<std::string>()).status, 204);

    // Changing the filter changes the members.
    auto patched =
        owner.patch("/api/v1/segments/" + id,
                    {{"filter", {{"field", "tags"}, {"op", "has_tag"}, {"value", "lead"}}}, {"kind", "mixed"}});
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(patched.json()["kind"], "mixed");
    EXPECT_EQ(owner.get("/api/v1/segments/" + id + "/count").json()["count"], 3);
}

TEST_F(SegmentsApiTest, AStaticSegmentHoldsTheMembersAddedAndRemoved) {
    auto owner = owner_of(ws_);
    auto segment = create(owner, {{"kind", "b2c"}, {"entity_type", "person"}, {"type", "static"}});
    const std::string id = segment["id"];
    EXPECT_TRUE(segment["filter"].is_null());
    EXPECT_EQ(owner.get("/api/v1/segments/" + id + "/count").json()["count"], 0);

    const std::string a = people_["Bianchi"], b = people_["Neri"], c = people_["Galli"];
    auto add = owner.post("/api/v1/segments/" + id + "/members", {{"ids", {a, b, a}}});
    ASSERT_EQ(add.status, 200) << add.body;
    EXPECT_EQ(add.json()["added"], 2);
    EXPECT_EQ(owner.post("/api/v1/segments/" + id + "/members", {{"ids", {a, c}}}).json()["added"], 1);
    EXPECT_EQ(owner.get("/api/v1/segments/" + id + "/count").json()["count"], 3);
    EXPECT_EQ(all_members(owner, id, 2), (std::set<std::string>{a, b, c}));

    EXPECT_EQ(owner.del("/api/v1/segments/" + id + "/members/" + b).status, 204);
    expect_problem(owner.del("/api/v1/segments/" + id + "/members/" + b), 404);
    EXPECT_EQ(all_members(owner, id, 50), (std::set<std::string>{a, c}));

    // Bad ids are all reported and nothing is added.
    auto company = owner.post("/api/v1/companies", {{"fields", {{"legal_name", "Not A Person"}, {"country", "IT"}}}});
    ASSERT_EQ(company.status, 201);
    auto bad = owner.post("/api/v1/segments/" + id + "/members",
                          {{"ids", {b, "nope", "123456789", company.json()["id"].get<std::string>()}}});
    expect_problem(bad, 422);
    EXPECT_TRUE(has_error_at(bad, "/ids/1"));
    EXPECT_TRUE(has_error_at(bad, "/ids/2"));
    EXPECT_TRUE(has_error_at(bad, "/ids/3"));
    EXPECT_FALSE(has_error_at(bad, "/ids/0"));
    EXPECT_EQ(owner.get("/api/v1/segments/" + id + "/count").json()["count"], 2);
    expect_problem(owner.post("/api/v1/segments/" + id + "/members", {{"ids", 5}}), 422);

    // A deleted record leaves the segment.
    auto temp = owner.post("/api/v1/people", {{"fields", {{"first_name", "T"}, {"last_name", "Temp"}}}});
    const std::string t = temp.json()["id"];
    ASSERT_EQ(owner.post("/api/v1/segments/" + id + "/members", {{"ids", {t}}}).status, 200);
    EXPECT_EQ(owner.get("/api/v1/segments/" + id + "/count").json()["count"], 3);
    ASSERT_EQ(owner.del("/api/v1/people/" + t).status, 204);
    EXPECT_EQ(owner.get("/api/v1/segments/" + id + "/count").json()["count"], 2);

    // Dynamic segments take no explicit members.
    auto dynamic = create(
        owner, {{"kind", "b2c"}, {"entity_type", "person"}, {"type", "dynamic"}, {"filter", nlohmann::json::object()}});
    const std::string d = dynamic["id"];
    EXPECT_EQ(owner.get("/api/v1/segments/" + d + "/count").json()["count"],
              owner.get("/api/v1/people/count").json()["count"]);
    expect_problem(owner.post("/api/v1/segments/" + d + "/members", {{"ids", {a}}}), 422);
    expect_problem(owner.del("/api/v1/segments/" + d + "/members/" + a), 422);

    // Deleting the segment takes its members along.
    EXPECT_EQ(owner.del("/api/v1/segments/" + id).status, 204);
    expect_problem(owner.get("/api/v1/segments/" + id), 404);
    expect_problem(owner.get("/api/v1/segments/" + id + "/members"), 404);
}

TEST_F(SegmentsApiTest, MembersAndCountsHoldOnlyTheRecordsTheActorMayRead) {
    auto owner = owner_of(ws_);
    auto ada = user_of_ws("member");
    auto bob = user_of_ws("member");
    const std::string tag = unique_name("shared");
    auto ada_rec =
        ada.client.post("/api/v1/people", {{"fields", {{"first_name", "Ada"}, {"last_name", "Own"}}}, {"tags", {tag}}});
    auto bob_rec =
        bob.client.post("/api/v1/people", {{"fields", {{"first_name", "Bob"}, {"last_name", "Own"}}}, {"tags", {tag}}});
    ASSERT_EQ(ada_rec.status, 201) << ada_rec.body;
    ASSERT_EQ(bob_rec.status, 201) << bob_rec.body;
    const std::string ada_id = ada_rec.json()["id"], bob_id = bob_rec.json()["id"];

    auto dynamic = create(owner, {{"kind", "b2c"},
                                  {"entity_type", "person"},
                                  {"type", "dynamic"},
                                  {"filter", {{"field", "tags"}, {"op", "has_tag"}, {"value", tag}}}});
    auto fixed = create(owner, {{"kind", "b2c"}, {"entity_type", "person"}, {"type", "static"}});
    ASSERT_EQ(owner.post("/api/v1/segments/" + fixed["id"].get<std::string>() + "/members", {{"ids", {ada_id, bob_id}}})
                  .status,
              200);

    for (const std::string& id : {dynamic["id"].get<std::string>(), fixed["id"].get<std::string>()}) {
        EXPECT_EQ(owner.get("/api/v1/segments/" + id + "/count").json()["count"], 2);
        EXPECT_EQ(ada.client.get("/api/v1/segments/" + id + "/count").json()["count"], 1);
        EXPECT_EQ(all_members(ada.client, id, 10), (std::set<std::string>{ada_id}));
        EXPECT_EQ(all_members(bob.client, id, 10), (std::set<std::string>{bob_id}));
        EXPECT_EQ(ada.client.get("/api/v1/segments/" + id).json()["member_count"], 1);
        // Snapshots count everyone, so they need a role that reads every record.
        expect_problem(ada.client.post("/api/v1/segments/" + id + "/snapshot", nlohmann::json::object()), 403);
        expect_problem(ada.client.get("/api/v1/segments/" + id + "/history"), 403);
    }

    // Ada may change her own segment, but only with records she can read; not the owner's.
    auto mine = create(ada.client, {{"kind", "b2c"}, {"entity_type", "person"}, {"type", "static"}});
    const std::string mine_id = mine["id"];
    EXPECT_EQ(mine["owner_user_id"], ada.user_id);
    auto foreign = ada.client.post("/api/v1/segments/" + mine_id + "/members", {{"ids", {bob_id}}});
    expect_problem(foreign, 422);
    EXPECT_TRUE(has_error_at(foreign, "/ids/0"));
    EXPECT_EQ(ada.client.post("/api/v1/segments/" + mine_id + "/members", {{"ids", {ada_id}}}).status, 200);
    expect_problem(ada.client.patch("/api/v1/segments/" + fixed["id"].get<std::string>(), {{"name", "Mine now"}}), 403);
    expect_problem(
        ada.client.post("/api/v1/segments/" + fixed["id"].get<std::string>() + "/members", {{"ids", {ada_id}}}), 403);
    expect_problem(bob.client.del("/api/v1/segments/" + mine_id), 403);
    // Owners (and managers) change anyone's segment.
    EXPECT_EQ(owner.patch("/api/v1/segments/" + mine_id, {{"description", "checked"}}).status, 200);

    // Viewers read segments but create none.
    auto viewer = user_of_ws("viewer");
    EXPECT_EQ(viewer.client.get("/api/v1/segments/" + mine_id).status, 200);
    expect_problem(viewer.client.post(
                       "/api/v1/segments",
                       {{"name", unique_name("V")}, {"kind", "b2b"}, {"entity_type", "company"}, {"type", "static"}}),
                   403);
}

TEST_F(SegmentsApiTest, SnapshotsAreIdempotentPerDayAndFormTheHistory) {
    auto owner = owner_of(ws_);
    auto segment = create(owner, {{"kind", "b2c"}, {"entity_type", "person"}, {"type", "static"}});
    const std::string id = segment["id"];
    ASSERT_EQ(owner.post("/api/v1/segments/" + id + "/members", {{"ids", {people_["Verdi"]}}}).status, 200);

    auto first = owner.post("/api/v1/segments/" + id + "/snapshot", nlohmann::json::object());
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json()["day"], utc_today());
    EXPECT_EQ(first.json()["member_count"], 1);

    ASSERT_EQ(owner.post("/api/v1/segments/" + id + "/members", {{"ids", {people_["Costa"]}}}).status, 200);
    auto second = owner.post("/api/v1/segments/" + id + "/snapshot", nlohmann::json::object());
    ASSERT_EQ(second.status, 200);
    EXPECT_EQ(second.json()["member_count"], 2);

    auto history = owner.get("/api/v1/segments/" + id + "/history");
    ASSERT_EQ(history.status, 200) << history.body;
    auto items = history.json()["items"];
    ASSERT_EQ(items.size(), 1u) << history.body;  // one row per day: the second replaced the first
    EXPECT_EQ(items[0]["day"], utc_today());
    EXPECT_EQ(items[0]["member_count"], 2);

    EXPECT_EQ(owner.get("/api/v1/segments/" + id + "/history?from=2000-01-01&to=2000-12-31").json()["items"].size(),
              0u);
    auto bad = owner.get("/api/v1/segments/" + id + "/history?from=yesterday&to=2020-02-30");
    expect_problem(bad, 422);
    EXPECT_TRUE(has_error_at(bad, "?from"));
    EXPECT_TRUE(has_error_at(bad, "?to"));
    expect_problem(owner.get("/api/v1/segments/" + id + "/history?from=2021-01-02&to=2021-01-01"), 422);
}

TEST_F(SegmentsApiTest, TheBackgroundPassSnapshotsSegmentsThatLackTodaysSnapshotAndStopsCleanly) {
    auto owner = owner_of(ws_);
    auto segment = create(owner, {{"kind", "b2c"},
                                  {"entity_type", "person"},
                                  {"type", "dynamic"},
                                  {"filter", {{"field", "city"}, {"op", "eq"}, {"value", "Torino"}}}});
    const std::string id = segment["id"];
    ASSERT_EQ(owner.get("/api/v1/segments/" + id + "/history").json()["items"].size(), 0u);

    // A second process on the same database, as a restarted server would be.
    auto services = app::Services::open(server_->database_url());
    ASSERT_TRUE(services) << services.error().detail;
    {
        app::SegmentSnapshotTimer timer((*services)->get<domain::segments::SegmentService>());
        timer.start();
        for (int i = 0; i < 200 && timer.passes() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
        EXPECT_EQ(timer.passes(), 1);
        const auto before = std::chrono::steady_clock::now();
        timer.stop();
        EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(1));
    }
    auto items = owner.get("/api/v1/segments/" + id + "/history").json()["items"];
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0]["day"], utc_today());
    EXPECT_EQ(items[0]["member_count"], 1);  // Neri
}

TEST_F(SegmentsApiTest, InvalidSegmentsAreExplainedWithPointers) {
    auto owner = owner_of(ws_);
    auto empty = owner.post("/api/v1/segments", nlohmann::json::object());
    expect_problem(empty, 422);
    for (const char* p : {"/name", "/kind", "/entity_type", "/type"}) EXPECT_TRUE(has_error_at(empty, p)) << p;

    auto wrong =
        owner.post("/api/v1/segments",
                   {{"name", " "}, {"kind", "b2x"}, {"entity_type", "lead"}, {"type", "smart"}, {"colour", "red"}});
    expect_problem(wrong, 422);
    for (const char* p : {"/name", "/kind", "/entity_type", "/type", "/colour"}) {
        EXPECT_TRUE(has_error_at(wrong, p)) << p << " " << wrong.body;
    }

    auto bad_filter = owner.post(
        "/api/v1/segments",
        {{"name", unique_name("Bad")},
         {"kind", "b2c"},
         {"entity_type", "person"},
         {"type", "dynamic"},
         {"filter",
          {{"and", {{{"field", "citty"}, {"op", "eq"}, {"value", "x"}}, {{"field", "city"}, {"op", "gt"}}}}}}});
    expect_problem(bad_filter, 422);
    EXPECT_TRUE(has_error_at(bad_filter, "/filter/and/0/field")) << bad_filter.body;
    EXPECT_NE(bad_filter.body.find("did you mean 'city'"), std::string::npos) << bad_filter.body;
    const auto bad_body = bad_filter.json();  // keep the document alive through the loop
    for (const auto& e : bad_body["errors"]) {
        EXPECT_EQ(e["pointer"].get<std::string>().rfind("/filter", 0), 0u) << bad_filter.body;
    }

    auto no_filter =
        owner.post("/api/v1/segments",
                   {{"name", unique_name("N")}, {"kind", "b2c"}, {"entity_type", "person"}, {"type", "dynamic"}});
    expect_problem(no_filter, 422);
    EXPECT_TRUE(has_error_at(no_filter, "/filter"));
    auto static_filter =
        owner.post("/api/v1/segments", {{"name", unique_name("S")},
                                        {"kind", "b2c"},
                                        {"entity_type", "person"},
                                        {"type", "static"},
                                        {"filter", {{"field", "city"}, {"op", "eq"}, {"value", "x"}}}});
    expect_problem(static_filter, 422);
    EXPECT_TRUE(has_error_at(static_filter, "/filter"));

    // Names are unique in a workspace; type and entity type are fixed.
    const std::string name = unique_name("Unique");
    auto segment = create(owner, {{"name", name}, {"kind", "b2b"}, {"entity_type", "company"}, {"type", "static"}});
    auto duplicate = owner.post("/api/v1/segments",
                                {{"name", name}, {"kind", "b2b"}, {"entity_type", "company"}, {"type", "static"}});
    expect_problem(duplicate, 409);
    EXPECT_TRUE(has_error_at(duplicate, "/name"));
    auto change = owner.patch("/api/v1/segments/" + segment["id"].get<std::string>(),
                              {{"type", "dynamic"}, {"entity_type", "person"}});
    expect_problem(change, 422);
    EXPECT_TRUE(has_error_at(change, "/type"));
    EXPECT_TRUE(has_error_at(change, "/entity_type"));

    // A stored filter that no longer fits (its custom field was removed) says so, pointing at /filter.
    ASSERT_EQ(owner.post("/api/v1/custom-fields/person", {{"key", "tier"}, {"label", "Tier"}, {"type", "text"}}).status,
              201);
    auto tiered = create(owner, {{"kind", "b2c"},
                                 {"entity_type", "person"},
                                 {"type", "dynamic"},
                                 {"filter", {{"field", "custom.tier"}, {"op", "eq"}, {"value", "gold"}}}});
    ASSERT_EQ(owner.get("/api/v1/segments/" + tiered["id"].get<std::string>() + "/count").status, 200);
    ASSERT_EQ(owner.del("/api/v1/custom-fields/person/tier").status, 204);
    auto stale = owner.get("/api/v1/segments/" + tiered["id"].get<std::string>() + "/count");
    expect_problem(stale, 422);
    EXPECT_TRUE(has_error_at(stale, "/filter/field")) << stale.body;
}

TEST_F(SegmentsApiTest, AnotherWorkspaceNeverSeesOrTouchesASegment) {
    auto owner = owner_of(ws_);
    auto globex = owner_of(globex_);
    auto segment = create(
        owner, {{"name", unique_name("Secret")}, {"kind", "b2c"}, {"entity_type", "person"}, {"type", "static"}});
    const std::string id = segment["id"];
    ASSERT_EQ(owner.post("/api/v1/segments/" + id + "/members", {{"ids", {people_["Rossi"]}}}).status, 200);
    const std::string base = "/api/v1/segments/" + id;
    for (auto res :
         {globex.get(base), globex.patch(base, {{"name", "Mine"}}), globex.get(base + "/count"),
          globex.get(base + "/members"), globex.post(base + "/members", {{"ids", {people_["Rossi"]}}}),
          globex.del(base + "/members/" + people_["Rossi"]), globex.post(base + "/snapshot", nlohmann::json::object()),
          globex.get(base + "/history"), globex.get(base + "/export"), globex.del(base)}) {
        expect_problem(res, 404);
        EXPECT_EQ(res.body.find("Secret"), std::string::npos);
    }
    EXPECT_EQ(globex.get("/api/v1/segments?limit=500").body.find(id), std::string::npos);
    // Nor can a segment of theirs take our records.
    auto theirs = create(globex, {{"kind", "b2c"}, {"entity_type", "person"}, {"type", "static"}});
    auto steal =
        globex.post("/api/v1/segments/" + theirs["id"].get<std::string>() + "/members", {{"ids", {people_["Rossi"]}}});
    expect_problem(steal, 422);
    EXPECT_TRUE(has_error_at(steal, "/ids/0"));
    EXPECT_EQ(owner.get(base + "/count").json()["count"], 1);
}

}  // namespace rapport::testing
