// Service levels over real HTTP: calendars and SLA policies created, read, changed and
// deleted by an admin; read by every member and refused to lower roles for writes; each
// field error named (in the reader's language); another workspace sees none of it; the due
// time preview in business time; and the audit of every write.
#include <map>

#include "api/api_fixture.hpp"

namespace rapport::testing {

using nlohmann::json;

namespace {

// Monday 12 January 2026, 10:00 in Rome (09:00 UTC).
constexpr std::int64_t kMonday10Rome = 1768208400000;
constexpr std::int64_t kMinute = 60'000;

json office_hours() {
    json day = json::array({{{"start", "09:00"}, {"end", "13:00"}}, {{"start", "14:00"}, {"end", "18:00"}}});
    return {{"mon", day}, {"tue", day}, {"wed", day}, {"thu", day}, {"fri", day}};
}

}  // namespace

class ServiceLevelsApiTest : public ApiTest {
protected:
    static json calendar_body(const std::string& name) {
        return {{"name", name},
                {"time_zone", "Europe/Rome"},
                {"hours", office_hours()},
                {"holidays", json::array({{{"date", "2026-12-25"}, {"name", "Natale"}}})}};
    }
    static std::string create_calendar(HttpClient& c, const std::string& name) {
        auto res = c.post("/api/v1/service-levels/calendars", calendar_body(name));
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["id"].get<std::string>() : std::string();
    }
    static std::string message_at(const HttpResult& res, const std::string& pointer) {
        const auto body = res.json();
        for (const auto& e : body["errors"]) {
            if (e["pointer"] == pointer) return e["detail"].get<std::string>();
        }
        return "";
    }
};

TEST_F(ServiceLevelsApiTest, AnAdminManagesCalendarsAndEveryMemberReadsThem) {
    auto owner = owner_of(acme_);
    auto admin = new_acme_user("admin", "Ada Admin");
    const auto name = unique_name("Office");
    auto created = admin.client.post("/api/v1/service-levels/calendars", calendar_body(name));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = created.json()["id"];
    EXPECT_EQ(created.header("location"), "/api/v1/service-levels/calendars/" + id);
    auto c = created.json();
    EXPECT_EQ(c["name"], name);
    EXPECT_EQ(c["time_zone"], "Europe/Rome");
    EXPECT_FALSE(c["always_open"].get<bool>());
    EXPECT_EQ(c["hours"]["mon"], office_hours()["mon"]);
    EXPECT_EQ(c["hours"]["sat"], json::array());
    EXPECT_EQ(c["holidays"][0]["date"], "2026-12-25");
    EXPECT_EQ(c["holidays"][0]["name"], "Natale");

    auto viewer = new_acme_user("viewer", "Vera Viewer");
    auto got = viewer.client.get("/api/v1/service-levels/calendars/" + id);
    ASSERT_EQ(got.status, 200) << got.body;
    EXPECT_EQ(got.json()["hours"], c["hours"]);
    auto list = viewer.client.get("/api/v1/service-levels/calendars");
    ASSERT_EQ(list.status, 200) << list.body;
    bool listed = false;
    const auto listed_body = list.json();  // kept: a range-for over a temporary's member would dangle
    for (const auto& item : listed_body["items"]) listed = listed || item["id"] == id;
    EXPECT_TRUE(listed);

    auto changed = owner.patch(
        "/api/v1/service-levels/calendars/" + id,
        {{"time_zone", "America/New_York"}, {"hours", {{"sat", {{{"start", "10:00"}, {"end", "24:00"}}}}}}});
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.json()["time_zone"], "America/New_York");
    EXPECT_EQ(changed.json()["hours"]["mon"], json::array());
    EXPECT_EQ(changed.json()["hours"]["sat"][0]["end"], "24:00");
    EXPECT_EQ(changed.json()["name"], name);
    EXPECT_EQ(changed.json()["holidays"].size(), 1u);

    // The same name twice is a conflict on /name.
    auto twice = owner.post("/api/v1/service-levels/calendars", calendar_body(name));
    expect_problem(twice, 409);
    EXPECT_TRUE(has_error_at(twice, "/name"));

    EXPECT_EQ(admin.client.del("/api/v1/service-levels/calendars/" + id).status, 204);
    expect_problem(viewer.client.get("/api/v1/service-levels/calendars/" + id), 404);
    expect_problem(admin.client.del("/api/v1/service-levels/calendars/" + id), 404);

    auto audit = owner.get("/api/v1/audit?action=sla_calendar.created");
    ASSERT_EQ(audit.status, 200) << audit.body;
    bool audited = false;
    const auto audit_body = audit.json();
    for (const auto& e : audit_body["items"]) audited = audited || e["target_id"] == id;
    EXPECT_TRUE(audited) << audit.body;
    for (const char* action : {"sla_calendar.updated", "sla_calendar.deleted"}) {
        auto entries = owner.get(std::string("/api/v1/audit?action=") + action).json();
        bool found = false;
        for (const auto& e : entries["items"]) found = found || e["target_id"] == id;
        EXPECT_TRUE(found) << action;
    }
}

TEST_F(ServiceLevelsApiTest, LowerRolesAreRefusedWrites) {
    auto owner = owner_of(acme_);
    const auto id = create_calendar(owner, unique_name("Roles"));
    for (const char* role : {"viewer", "member", "manager"}) {
        auto user = new_acme_user(role, std::string("Not admin ") + role);
        expect_problem(user.client.post("/api/v1/service-levels/calendars", calendar_body(unique_name("No"))), 403);
        expect_problem(user.client.patch("/api/v1/service-levels/calendars/" + id, {{"name", "Mine"}}), 403);
        expect_problem(user.client.del("/api/v1/service-levels/calendars/" + id), 403);
        expect_problem(user.client.post("/api/v1/service-levels/policies",
                                        {{"name", unique_name("P")}, {"calendar_id", id}, {"resolution_minutes", 60}}),
                       403);
        EXPECT_EQ(user.client.get("/api/v1/service-levels/policies").status, 200);
        EXPECT_EQ(user.client
                      .get("/api/v1/service-levels/preview?calendar=" + id + "&start=" + std::to_string(kMonday10Rome) +
                           "&minutes=60")
                      .status,
                  200);
    }
    EXPECT_EQ(owner.get("/api/v1/service-levels/calendars/" + id).json()["name"].get<std::string>().rfind("Roles", 0),
              0u);
}

TEST_F(ServiceLevelsApiTest, AnotherWorkspaceSeesNothing) {
    auto owner = owner_of(acme_);
    const auto id = create_calendar(owner, unique_name("Acme hours"));
    auto policy = owner.post("/api/v1/service-levels/policies",
                             {{"name", unique_name("Acme policy")}, {"calendar_id", id}, {"resolution_minutes", 480}});
    ASSERT_EQ(policy.status, 201) << policy.body;
    const std::string policy_id = policy.json()["id"];

    auto globex = owner_of(globex_);
    expect_problem(globex.get("/api/v1/service-levels/calendars/" + id), 404);
    expect_problem(globex.patch("/api/v1/service-levels/calendars/" + id, {{"name", "Taken over"}}), 404);
    expect_problem(globex.del("/api/v1/service-levels/calendars/" + id), 404);
    expect_problem(globex.get("/api/v1/service-levels/policies/" + policy_id), 404);
    expect_problem(globex.del("/api/v1/service-levels/policies/" + policy_id), 404);
    expect_problem(globex.get("/api/v1/service-levels/preview?calendar=" + id + "&start=0&minutes=1"), 404);
    for (const char* path : {"/api/v1/service-levels/calendars", "/api/v1/service-levels/policies"}) {
        auto list = globex.get(path);
        ASSERT_EQ(list.status, 200) << list.body;
        const auto body = list.json();
        for (const auto& item : body["items"]) {
            EXPECT_NE(item["id"], id);
            EXPECT_NE(item["id"], policy_id);
        }
    }
    // Nor can a policy of globex use acme's calendar.
    auto borrowed = globex.post("/api/v1/service-levels/policies",
                                {{"name", "Borrowed"}, {"calendar_id", id}, {"resolution_minutes", 60}});
    expect_problem(borrowed, 422);
    EXPECT_TRUE(has_error_at(borrowed, "/calendar_id"));
    EXPECT_EQ(owner.get("/api/v1/service-levels/calendars/" + id).status, 200);
}

TEST_F(ServiceLevelsApiTest, CalendarFieldErrorsAreEachNamed) {
    auto owner = owner_of(acme_);
    auto bad = owner.post("/api/v1/service-levels/calendars",
                          {{"name", ""},
                           {"time_zone", "Europe/Atlantis"},
                           {"hours",
                            {{"mon", {{{"start", "18:00"}, {"end", "09:00"}}}},
                             {"tue", {{{"start", "9am"}, {"end", "13:00"}}}},
                             {"wed", {{{"start", "09:00"}, {"end", "13:00"}}, {{"start", "12:00"}, {"end", "14:00"}}}},
                             {"someday", json::array()}}},
                           {"holidays", {{{"date", "2026-02-30"}}}},
                           {"colour", "blue"}});
    expect_problem(bad, 422);
    // Shape errors first: the hours that cannot be read, and unknown members.
    for (const char* p : {"/hours/tue/0/start", "/hours/someday", "/colour"}) EXPECT_TRUE(has_error_at(bad, p)) << p;

    auto invalid =
        owner.post("/api/v1/service-levels/calendars",
                   {{"name", ""},
                    {"time_zone", "Europe/Atlantis"},
                    {"hours",
                     {{"mon", {{{"start", "18:00"}, {"end", "09:00"}}}},
                      {"wed", {{{"start", "09:00"}, {"end", "13:00"}}, {{"start", "12:00"}, {"end", "14:00"}}}}}},
                    {"holidays", {{{"date", "2026-02-30"}}}}});
    expect_problem(invalid, 422);
    for (const char* p : {"/name", "/time_zone", "/hours/mon/0", "/hours/wed", "/holidays/0/date"})
        EXPECT_TRUE(has_error_at(invalid, p)) << p << invalid.body;

    // No hours at all, unless always open.
    auto closed = owner.post("/api/v1/service-levels/calendars",
                             {{"name", unique_name("Closed")}, {"time_zone", "UTC"}, {"hours", json::object()}});
    expect_problem(closed, 422);
    EXPECT_TRUE(has_error_at(closed, "/hours"));
    auto always = owner.post("/api/v1/service-levels/calendars",
                             {{"name", unique_name("24/7")}, {"time_zone", "UTC"}, {"always_open", true}});
    ASSERT_EQ(always.status, 201) << always.body;
    EXPECT_TRUE(always.json()["always_open"].get<bool>());

    // In Italian.
    auto it = owner.request("POST", "/api/v1/service-levels/calendars",
                            json{{"name", "Ufficio"}, {"time_zone", "Europe/Atlantide"}, {"always_open", true}}.dump(),
                            {{"Content-Type", "application/json"}, {"Accept-Language", "it"}});
    expect_problem(it, 422);
    EXPECT_EQ(it.json()["detail"], "il calendario non può essere salvato");
    EXPECT_EQ(message_at(it, "/time_zone"), "non è un fuso orario del database tz (per esempio Europe/Rome o UTC)");
}

TEST_F(ServiceLevelsApiTest, PoliciesInOrderWithTheirTargetsAndChecks) {
    auto owner = owner_of(acme_);
    const auto calendar = create_calendar(owner, unique_name("Policy hours"));
    auto segment =
        owner.post("/api/v1/segments",
                   {{"name", unique_name("Gold")}, {"kind", "b2b"}, {"entity_type", "company"}, {"type", "static"}});
    ASSERT_EQ(segment.status, 201) << segment.body;
    const std::string segment_id = segment.json()["id"];

    auto gold = owner.post("/api/v1/service-levels/policies", {{"name", unique_name("Gold urgent")},
                                                               {"priority", "urgent"},
                                                               {"segment_id", segment_id},
                                                               {"position", 1},
                                                               {"calendar_id", calendar},
                                                               {"first_response_minutes", 30},
                                                               {"next_response_minutes", 60},
                                                               {"resolution_minutes", 240},
                                                               {"warn_before_minutes", 10}});
    ASSERT_EQ(gold.status, 201) << gold.body;
    auto g = gold.json();
    EXPECT_EQ(g["priority"], "urgent");
    EXPECT_EQ(g["segment_id"], segment_id);
    EXPECT_EQ(g["calendar_id"], calendar);
    EXPECT_EQ(g["first_response_minutes"], 30);
    EXPECT_EQ(g["warn_before_minutes"], 10);
    auto any = owner.post(
        "/api/v1/service-levels/policies",
        {{"name", unique_name("Anything")}, {"position", 0}, {"calendar_id", calendar}, {"resolution_minutes", 2400}});
    ASSERT_EQ(any.status, 201) << any.body;
    EXPECT_TRUE(any.json()["priority"].is_null());
    EXPECT_TRUE(any.json()["segment_id"].is_null());
    EXPECT_TRUE(any.json()["first_response_minutes"].is_null());

    // Listed by position.
    auto list = owner.get("/api/v1/service-levels/policies").json()["items"];
    std::vector<std::string> ids;
    for (const auto& p : list) ids.push_back(p["id"]);
    auto pos_any = std::find(ids.begin(), ids.end(), any.json()["id"]);
    auto pos_gold = std::find(ids.begin(), ids.end(), g["id"]);
    ASSERT_NE(pos_any, ids.end());
    ASSERT_NE(pos_gold, ids.end());
    EXPECT_LT(pos_any, pos_gold);

    // Without a position a new policy goes last.
    auto last = owner.post("/api/v1/service-levels/policies",
                           {{"name", unique_name("Last")}, {"calendar_id", calendar}, {"resolution_minutes", 60}});
    ASSERT_EQ(last.status, 201) << last.body;
    const auto all = owner.get("/api/v1/service-levels/policies").json()["items"];
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(all.back()["id"], last.json()["id"]);
    for (const auto& p : all) {
        if (p["id"] != last.json()["id"]) {
            EXPECT_LT(p["position"].get<std::int64_t>(), last.json()["position"].get<std::int64_t>());
        }
    }
    EXPECT_EQ(owner.del("/api/v1/service-levels/policies/" + last.json()["id"].get<std::string>()).status, 204);

    // Null clears a target or the segment; the rest is left alone.
    auto cleared = owner.patch("/api/v1/service-levels/policies/" + g["id"].get<std::string>(),
                               {{"segment_id", nullptr}, {"next_response_minutes", nullptr}, {"priority", "high"}});
    ASSERT_EQ(cleared.status, 200) << cleared.body;
    EXPECT_TRUE(cleared.json()["segment_id"].is_null());
    EXPECT_TRUE(cleared.json()["next_response_minutes"].is_null());
    EXPECT_EQ(cleared.json()["priority"], "high");
    EXPECT_EQ(cleared.json()["first_response_minutes"], 30);

    // A calendar in use cannot be deleted.
    auto in_use = owner.del("/api/v1/service-levels/calendars/" + calendar);
    expect_problem(in_use, 409);

    // Field errors.
    auto bad = owner.post("/api/v1/service-levels/policies", {{"name", ""},
                                                              {"priority", "critical"},
                                                              {"segment_id", "nope"},
                                                              {"calendar_id", calendar},
                                                              {"first_response_minutes", "soon"}});
    expect_problem(bad, 422);
    for (const char* p : {"/priority", "/segment_id", "/first_response_minutes"})
        EXPECT_TRUE(has_error_at(bad, p)) << p;
    auto invalid = owner.post("/api/v1/service-levels/policies", {{"name", ""},
                                                                  {"segment_id", "123456789"},
                                                                  {"calendar_id", "987654321"},
                                                                  {"first_response_minutes", 0},
                                                                  {"warn_before_minutes", -5}});
    expect_problem(invalid, 422);
    for (const char* p : {"/name", "/segment_id", "/calendar_id", "/first_response_minutes", "/warn_before_minutes"})
        EXPECT_TRUE(has_error_at(invalid, p)) << p << invalid.body;
    auto no_target =
        owner.post("/api/v1/service-levels/policies", {{"name", unique_name("Empty")}, {"calendar_id", calendar}});
    expect_problem(no_target, 422);
    EXPECT_TRUE(has_error_at(no_target, "/resolution_minutes"));
    auto missing = owner.post("/api/v1/service-levels/policies", json::object());
    expect_problem(missing, 422);
    for (const char* p : {"/name", "/calendar_id"}) EXPECT_TRUE(has_error_at(missing, p)) << p;

    // Deleted policies free the calendar.
    EXPECT_EQ(owner.del("/api/v1/service-levels/policies/" + g["id"].get<std::string>()).status, 204);
    EXPECT_EQ(owner.del("/api/v1/service-levels/policies/" + any.json()["id"].get<std::string>()).status, 204);
    EXPECT_EQ(owner.del("/api/v1/service-levels/calendars/" + calendar).status, 204);
    auto audit = owner.get("/api/v1/audit?action=sla_policy.deleted").json();
    bool audited = false;
    for (const auto& e : audit["items"]) audited = audited || e["target_id"] == g["id"];
    EXPECT_TRUE(audited);
}

TEST_F(ServiceLevelsApiTest, PreviewGivesTheDueTimeInBusinessTime) {
    auto owner = owner_of(acme_);
    const auto calendar = create_calendar(owner, unique_name("Preview hours"));
    auto preview = [&](std::int64_t start, int minutes) {
        auto res = owner.get("/api/v1/service-levels/preview?calendar=" + calendar + "&start=" + std::to_string(start) +
                             "&minutes=" + std::to_string(minutes));
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json()["due_at"].get<std::int64_t>();
    };
    // Monday 10:00 + 3 h = 13:00; + 4 h crosses lunch = 15:00; + 8 h = Tuesday 10:00.
    EXPECT_EQ(preview(kMonday10Rome, 180), kMonday10Rome + 180 * kMinute);
    EXPECT_EQ(preview(kMonday10Rome, 240), kMonday10Rome + 300 * kMinute);
    EXPECT_EQ(preview(kMonday10Rome, 480), kMonday10Rome + 24 * 60 * kMinute);
    // Friday 17:00 + 2 h = Monday 10:00.
    EXPECT_EQ(preview(kMonday10Rome - 3 * 24 * 60 * kMinute + 7 * 60 * kMinute, 120), kMonday10Rome);

    auto bad = owner.get("/api/v1/service-levels/preview?calendar=x&start=soon&minutes=-1");
    expect_problem(bad, 422);
    for (const char* p : {"?calendar", "?start", "?minutes"}) EXPECT_TRUE(has_error_at(bad, p)) << p;
    expect_problem(owner.get("/api/v1/service-levels/preview?calendar=123456789&start=0&minutes=1"), 404);
}

}  // namespace rapport::testing
