// Costs over real HTTP, on a workspace of its own with known numbers: the model's versions
// (saved, replaced, listed, removed), validation with pointers, who may read and write, the
// cost of a period to the cent (hourly rates by team and role, fixed costs pro-rated and
// allocated, messages per channel), one customer's cost and rank, a segment's cost, and
// another workspace seeing nothing.
#include <chrono>
#include <cstdio>

#include "api/api_fixture.hpp"

namespace rapport::testing {

namespace {

// Unix ms of a UTC day at noon ("2026-01-03").
std::int64_t noon_of(int year, unsigned month, unsigned day) {
    const std::chrono::sys_days d = std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day};
    return std::chrono::duration_cast<std::chrono::milliseconds>(d.time_since_epoch()).count() + 12LL * 3600 * 1000;
}

std::string utc_day(int offset_days) {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd{today + std::chrono::days{offset_days}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

}  // namespace

class CostsApiTest : public ApiTest {
protected:
    struct World {
        TestServer::Workspace ws;
        std::string team_id;
        std::string p1, p2;
        std::string viewer_email;
        std::string m_email, n_email, n_id;
    };

    static void SetUpTestSuite() {
        ApiTest::SetUpTestSuite();
        world_ = build_world();
    }

    static HttpClient user(HttpClient& owner, const std::string& role, const std::string& email,
                           std::string* id = nullptr) {
        auto created = owner.post(
            "/api/v1/users",
            {{"email", email}, {"display_name", role + " " + email}, {"role", role}, {"password", "long enough pw 1"}});
        EXPECT_EQ(created.status, 201) << created.body;
        if (id && created.status == 201) *id = created.json()["id"];
        return signed_in_client(*server_, email, "long enough pw 1");
    }

    static void interaction(HttpClient& c, const std::string& person, const std::string& type, int minutes,
                            std::int64_t at) {
        auto res = c.post("/api/v1/interactions", {{"kind", "call"},
                                                   {"person_id", person},
                                                   {"subject", "Call"},
                                                   {"relationship_type", type},
                                                   {"minutes_spent", minutes},
                                                   {"occurred_at", at}});
        EXPECT_EQ(res.status, 201) << res.body;
    }

    // Users: M (member, in the team: 90.00/h), N (member, no team: 30.00/h), the owner (no
    // rate). January 2026: M 20 min personal assistance with P1; N 7 min dedicated with P1 and
    // 10 min with P2 (on the 8th); the owner 15 min personal assistance with P2.
    static World build_world() {
        World w;
        w.ws = server_->bootstrap(unique_name("costs"));
        auto owner = signed_in_client(*server_, w.ws.owner_email, w.ws.password);
        std::string m_id, n_id;
        w.m_email = unique_name("m") + "@costs.test";
        w.n_email = unique_name("n") + "@costs.test";
        auto m = user(owner, "member", w.m_email, &m_id);
        auto n = user(owner, "member", w.n_email, &n_id);
        w.n_id = n_id;
        w.viewer_email = unique_name("v") + "@costs.test";
        (void)user(owner, "viewer", w.viewer_email);
        auto team = owner.post("/api/v1/teams",
                               {{"name", "Key accounts"}, {"kind", "sales"}, {"members", {{{"user_id", m_id}}}}});
        EXPECT_EQ(team.status, 201) << team.body;
        w.team_id = team.json()["id"];
        // Members read their own records and their teams': N owns both, P1 is the team's (M's).
        w.p1 = create_record(
            owner, "/api/v1/people",
            {{"first_name", "Paula"}, {"last_name", "One"}, {"owner_user_id", n_id}, {"team_id", w.team_id}});
        w.p2 = create_record(owner, "/api/v1/people",
                             {{"first_name", "Piet"}, {"last_name", "Two"}, {"owner_user_id", n_id}});
        interaction(m, w.p1, "personal_assistance", 20, noon_of(2026, 1, 3));
        interaction(n, w.p1, "dedicated_assistance", 7, noon_of(2026, 1, 8));
        interaction(n, w.p2, "dedicated_assistance", 10, noon_of(2026, 1, 8));
        interaction(owner, w.p2, "personal_assistance", 15, noon_of(2026, 1, 3));
        interaction(owner, w.p2, "personal_assistance", 999, noon_of(2026, 1, 11));  // after the period
        return w;
    }

    nlohmann::json model(const std::string& effective_from, int member_rate) const {
        return {{"effective_from", effective_from},
                {"currency", "EUR"},
                {"note", "budget " + effective_from},
                {"team_rates", {{{"team_id", world_.team_id}, {"cents_per_hour", 9000}}}},
                {"role_rates", {{{"role", "member"}, {"cents_per_hour", member_rate}}}},
                {"fixed_costs",
                 {{{"name", "CRM licence"},
                   {"category", "software"},
                   {"monthly_cents", 3100},
                   {"allocation",
                    {{{"relationship_type", "personal_assistance"}, {"basis_points", 5000}},
                     {{"relationship_type", "dedicated_assistance"}, {"basis_points", 5000}}}}},
                  {{"name", "Training"}, {"category", "training"}, {"monthly_cents", 1000}}}},
                {"channel_rates", {{{"channel", "chat"}, {"cents_per_message", 7}}}}};
    }

    HttpClient owner() const { return signed_in_client(*server_, world_.ws.owner_email, world_.ws.password); }

    static inline World world_;
};

TEST_F(CostsApiTest, ModelVersionsHistoryAndPermissions) {
    auto o = owner();
    auto empty = o.get("/api/v1/cost-model");
    ASSERT_EQ(empty.status, 200) << empty.body;

    auto saved = o.put("/api/v1/cost-model", model("2025-06-01", 3000));
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(saved.json()["currency"], "EUR");
    EXPECT_EQ(saved.json()["minor_digits"], 2);
    EXPECT_EQ(saved.json()["fixed_costs"][0]["allocation"][1]["basis_points"], 5000);
    const std::string first_id = saved.json()["version_id"];
    // Same day again: replaced, same version id.
    auto again = o.put("/api/v1/cost-model", model("2025-06-01", 3100));
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.json()["version_id"], first_id);
    auto later = o.put("/api/v1/cost-model", model("2025-07-01", 3300));
    ASSERT_EQ(later.status, 200) << later.body;

    auto got = o.get("/api/v1/cost-model?on=2025-06-15");
    ASSERT_EQ(got.status, 200) << got.body;
    EXPECT_EQ(got.json()["in_effect"]["version_id"], first_id);
    EXPECT_EQ(got.json()["in_effect"]["role_rates"][0]["cents_per_hour"], 3100);
    auto versions = got.json()["versions"];
    ASSERT_GE(versions.size(), 2u);
    EXPECT_EQ(versions[0]["effective_from"], versions.size() == 2 ? "2025-07-01" : versions[0]["effective_from"]);
    EXPECT_EQ(o.get("/api/v1/cost-model?on=2025-05-31").json()["in_effect"], nullptr);
    expect_problem(o.get("/api/v1/cost-model?on=2025-02-30"), 422);

    // Members read, only admins write; viewers read nothing.
    auto member = user(o, "member", unique_name("mm") + "@costs.test");
    EXPECT_EQ(member.get("/api/v1/cost-model").status, 200);
    expect_problem(member.put("/api/v1/cost-model", model("2025-08-01", 1)), 403);
    auto viewer = signed_in_client(*server_, world_.viewer_email, "long enough pw 1");
    expect_problem(viewer.get("/api/v1/cost-model"), 403);
    expect_problem(viewer.get("/api/v1/costs"), 403);
    auto admin = user(o, "admin", unique_name("a") + "@costs.test");
    auto by_admin = admin.put("/api/v1/cost-model", model("2025-08-01", 1));
    ASSERT_EQ(by_admin.status, 200) << by_admin.body;

    // Removing versions: 404 for an unknown one, then the history shrinks.
    expect_problem(member.del("/api/v1/cost-model/versions/" + std::string(by_admin.json()["version_id"])), 403);
    EXPECT_EQ(o.del("/api/v1/cost-model/versions/" + std::string(by_admin.json()["version_id"])).status, 204);
    expect_problem(o.del("/api/v1/cost-model/versions/" + std::string(by_admin.json()["version_id"])), 404);
    EXPECT_EQ(o.del("/api/v1/cost-model/versions/" + std::string(later.json()["version_id"])).status, 204);
    EXPECT_EQ(o.del("/api/v1/cost-model/versions/" + first_id).status, 204);
}

TEST_F(CostsApiTest, ValidationNamesEachField) {
    auto o = owner();
    auto bad = model("2026-02-30", 3000);
    bad["currency"] = "EURO";
    bad["fixed_costs"][0]["allocation"][1]["basis_points"] = 4000;
    bad["fixed_costs"][1]["category"] = "lunch";
    bad["team_rates"][0]["team_id"] = "12345";
    bad["channel_rates"][0]["cents_per_message"] = -3;
    auto res = o.put("/api/v1/cost-model", bad);
    expect_problem(res, 422);
    for (const char* pointer : {"/effective_from", "/currency", "/fixed_costs/0/allocation", "/fixed_costs/1/category",
                                "/team_rates/0/team_id", "/channel_rates/0/cents_per_message"}) {
        EXPECT_TRUE(has_error_at(res, pointer)) << pointer << ": " << res.body;
    }
    expect_problem(o.put("/api/v1/cost-model", {{"currency", "EUR"}, {"effective_from", "2026-01-01"}, {"x", 1}}), 422);
    expect_problem(o.get("/api/v1/costs?from=2026-01-10&to=2026-01-01"), 422);
    expect_problem(o.get("/api/v1/costs?from=yesterday"), 422);
    expect_problem(o.get("/api/v1/costs?limit=0"), 422);
    expect_problem(o.get("/api/v1/costs/customers/robots/1"), 422);
}

TEST_F(CostsApiTest, ThePeriodCostsAddUpToTheCent) {
    auto o = owner();
    ASSERT_EQ(o.put("/api/v1/cost-model", model("2026-01-01", 3000)).status, 200);
    auto res = o.get("/api/v1/costs?from=2026-01-01&to=2026-01-11");
    ASSERT_EQ(res.status, 200) << res.body;
    auto body = res.json();
    // Time: 20 min × 90.00 + 7 × 30.00 + 10 × 30.00 = 30.00 + 3.50 + 5.00; the owner's 15 min
    // have no rate. Fixed: 10 of 31 days of 31.00 (5.00 per type, split by minutes) and of
    // 10.00 unallocated (3.2258): 51.7258 → 51.73, the left-over cents to the largest remainders.
    EXPECT_EQ(body["currency"], "EUR");
    EXPECT_EQ(body["total"]["time_cents"], 3850);
    EXPECT_EQ(body["total"]["fixed_cents"], 1323);
    EXPECT_EQ(body["total"]["total_cents"], 5173);
    EXPECT_EQ(body["unattributed"]["total_cents"], 323);
    EXPECT_EQ(body["unpriced_minutes"], 15);
    EXPECT_EQ(body["activity"]["minutes"], 52);
    EXPECT_EQ(body["days_without_model"], 0);
    ASSERT_EQ(body["customers"]["total"], 2);
    auto top = body["customers"]["items"];
    EXPECT_EQ(top[0]["id"], world_.p1);
    EXPECT_EQ(top[0]["name"], "Paula One");
    EXPECT_EQ(top[0]["cost"]["total_cents"], 3842);
    EXPECT_EQ(top[1]["id"], world_.p2);
    EXPECT_EQ(top[1]["cost"]["total_cents"], 1008);
    ASSERT_EQ(body["by_type"].size(), 3u);
    EXPECT_EQ(body["by_type"][0]["relationship_type"], "personal_assistance");
    EXPECT_EQ(body["by_type"][0]["cost"]["total_cents"], 3500);
    EXPECT_EQ(body["by_type"][1]["cost"]["total_cents"], 1350);
    EXPECT_EQ(body["by_type"][2]["relationship_type"], nullptr);
    EXPECT_EQ(body["fixed_costs"][1]["category"], "training");
    EXPECT_EQ(body["fixed_costs"][1]["cents"], 323);
    EXPECT_EQ(body["benefits"]["revenue"]["value"], nullptr);
    EXPECT_EQ(body["benefits"]["revenue"]["reason"], "not_yet_measured");

    auto one = o.get("/api/v1/costs/customers/people/" + world_.p2 + "?from=2026-01-01&to=2026-01-11");
    ASSERT_EQ(one.status, 200) << one.body;
    EXPECT_EQ(one.json()["cost"]["total_cents"], 1008);
    EXPECT_EQ(one.json()["cost"]["fixed_cents"], 508);
    EXPECT_EQ(one.json()["rank"], 2);
    expect_problem(o.get("/api/v1/costs/customers/companies/" + world_.p2 + "?from=2026-01-01&to=2026-01-11"), 404);

    // A static segment holding P1 costs what P1 costs.
    auto segment = o.post("/api/v1/segments",
                          {{"name", "Costly"}, {"kind", "b2c"}, {"entity_type", "person"}, {"type", "static"}});
    ASSERT_EQ(segment.status, 201) << segment.body;
    const std::string segment_id = segment.json()["id"];
    ASSERT_EQ(o.post("/api/v1/segments/" + segment_id + "/members", {{"ids", {world_.p1}}}).status, 200);
    auto of_segment = o.get("/api/v1/costs?from=2026-01-01&to=2026-01-11&segment=" + segment_id);
    ASSERT_EQ(of_segment.status, 200) << of_segment.body;
    auto seg = of_segment.json();
    ASSERT_EQ(seg["by_segment"].size(), 1u);
    EXPECT_EQ(seg["by_segment"][0]["cost"]["total_cents"], 3842);
    EXPECT_EQ(seg["by_segment"][0]["customers_with_activity"], 1);
    EXPECT_EQ(seg["by_segment"][0]["benefits"]["retention"]["reason"], "not_yet_measured");
    ASSERT_EQ(seg["customers"]["items"].size(), 1u);
    EXPECT_EQ(seg["customers"]["items"][0]["id"], world_.p1);
    expect_problem(o.get("/api/v1/costs?segment=12345"), 404);

    // A new version from the 6th doubles the member rate for N's minutes on the 8th:
    // time 30.00 + 7.00 + 10.00; fixed stays 13.2258 in all.
    ASSERT_EQ(o.put("/api/v1/cost-model", model("2026-01-06", 6000)).status, 200);
    auto changed = o.get("/api/v1/costs?from=2026-01-01&to=2026-01-11").json();
    EXPECT_EQ(changed["total"]["time_cents"], 4700);
    EXPECT_EQ(changed["total"]["total_cents"], 6023);
    EXPECT_EQ(changed["versions_used"].size(), 2u);

    // Before any version: nothing costed, the days are reported.
    auto before = o.get("/api/v1/costs?from=2025-12-25&to=2026-01-01").json();
    EXPECT_EQ(before["days_without_model"], 7);
}

TEST_F(CostsApiTest, CompaniesRollUpTheirContactsTime) {
    auto o = owner();
    ASSERT_EQ(o.put("/api/v1/cost-model", model("2027-01-01", 3000)).status, 200);
    // M 30 min on the company itself (90.00/h: 45.00); N 6 min on P2 as the company's contact (30.00/h: 3.00).
    const auto company = create_record(
        o, "/api/v1/companies",
        {{"legal_name", "Costly Ltd"}, {"country", "GB"}, {"owner_user_id", world_.n_id}, {"team_id", world_.team_id}});
    auto m = signed_in_client(*server_, world_.m_email, "long enough pw 1");
    auto n = signed_in_client(*server_, world_.n_email, "long enough pw 1");
    const auto at = noon_of(2027, 2, 1);
    for (auto [client, body] : {std::pair{&m, nlohmann::json{{"company_id", company},
                                                             {"minutes_spent", 30},
                                                             {"relationship_type", "personal_assistance"}}},
                                std::pair{&n, nlohmann::json{{"company_id", company},
                                                             {"person_id", world_.p2},
                                                             {"minutes_spent", 6},
                                                             {"relationship_type", "dedicated_assistance"}}}}) {
        body["kind"] = "meeting";
        body["subject"] = "Review";
        body["occurred_at"] = at;
        auto res = client->post("/api/v1/interactions", body);
        ASSERT_EQ(res.status, 201) << res.body;
    }
    auto one = o.get("/api/v1/costs/customers/companies/" + company + "?from=2027-02-01&to=2027-02-02");
    ASSERT_EQ(one.status, 200) << one.body;
    EXPECT_EQ(one.json()["cost"]["time_cents"], 4800);
    EXPECT_EQ(one.json()["activity"]["minutes"], 36);
    EXPECT_EQ(one.json()["name"], "Costly Ltd");
    auto person = o.get("/api/v1/costs/customers/people/" + world_.p2 + "?from=2027-02-01&to=2027-02-02");
    EXPECT_EQ(person.json()["cost"]["time_cents"], 300);

    auto segment =
        o.post("/api/v1/segments",
               {{"name", "Costly companies"}, {"kind", "b2b"}, {"entity_type", "company"}, {"type", "static"}});
    ASSERT_EQ(segment.status, 201) << segment.body;
    const std::string segment_id = segment.json()["id"];
    ASSERT_EQ(o.post("/api/v1/segments/" + segment_id + "/members", {{"ids", {company}}}).status, 200);
    auto costs = o.get("/api/v1/costs?from=2027-02-01&to=2027-02-02&segment=" + segment_id).json();
    ASSERT_EQ(costs["by_segment"].size(), 1u);
    EXPECT_EQ(costs["by_segment"][0]["cost"]["time_cents"], 4800);
    EXPECT_EQ(costs["by_segment"][0]["customers_with_activity"], 1);
    ASSERT_EQ(costs["customers"]["items"].size(), 1u);
    EXPECT_EQ(costs["customers"]["items"][0]["kind"], "companies");
    EXPECT_EQ(costs["customers"]["items"][0]["cost"]["time_cents"], 4800);
}

TEST_F(CostsApiTest, MessagesCostPerChannel) {
    auto o = owner();
    ASSERT_EQ(o.put("/api/v1/cost-model", model("2026-01-01", 3000)).status, 200);
    auto conv =
        o.post("/api/v1/conversations", {{"channel", "chat"},
                                         {"subject", "Help"},
                                         {"body", "Hello"},
                                         {"sender", {{"name", "Ana"}, {"email", unique_name("ana") + "@x.test"}}}});
    ASSERT_EQ(conv.status, 201) << conv.body;
    auto res = o.get("/api/v1/costs?from=" + utc_day(-1) + "&to=" + utc_day(2));
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_GE(res.json()["total"]["message_cents"], 7);
    EXPECT_EQ(res.json()["total"]["message_cents"].get<std::int64_t>() % 7, 0);
    EXPECT_GE(res.json()["activity"]["messages"], 1);
}

TEST_F(CostsApiTest, OtherWorkspacesSeeNothing) {
    auto o = owner();
    ASSERT_EQ(o.put("/api/v1/cost-model", model("2026-01-01", 3000)).status, 200);
    auto globex = owner_of(globex_);
    auto model_there = globex.get("/api/v1/cost-model");
    ASSERT_EQ(model_there.status, 200) << model_there.body;
    const auto versions_there = model_there.json();  // kept: the loop reads into it
    for (const auto& v : versions_there["versions"]) EXPECT_NE(v["note"], "budget 2026-01-01");
    auto costs = globex.get("/api/v1/costs?from=2026-01-01&to=2026-01-11");
    ASSERT_EQ(costs.status, 200) << costs.body;
    EXPECT_EQ(costs.json()["customers"]["total"], 0);
    EXPECT_EQ(costs.json()["activity"]["minutes"], 0);
    expect_problem(globex.get("/api/v1/costs/customers/people/" + world_.p1 + "?from=2026-01-01&to=2026-01-11"), 404);
    auto versions = o.get("/api/v1/cost-model").json()["versions"];
    ASSERT_FALSE(versions.empty());
    expect_problem(globex.del("/api/v1/cost-model/versions/" + std::string(versions[0]["version_id"])), 404);
    expect_problem(globex.put("/api/v1/cost-model", model("2026-01-01", 3000)), 422);  // acme's team id
}

}  // namespace rapport::testing
