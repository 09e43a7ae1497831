// The Customer Relationships block over real HTTP, on a workspace of its own with known answers:
// a planned segment and an unplanned one, January 2026. Every status, threshold, target, cost to
// the cent and gap (with its rank and link) is asserted, then the plan read at a date and at a
// version, the CRM canvas's strategies, processes and costs blocks, and the parameters' errors.
#include <chrono>
#include <set>

#include "api/api_fixture.hpp"

namespace rapport::testing {

namespace {

using nlohmann::json;

std::int64_t noon_of(int year, unsigned month, unsigned day) {
    const std::chrono::sys_days d = std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day};
    return std::chrono::duration_cast<std::chrono::milliseconds>(d.time_since_epoch()).count() + 12LL * 3600 * 1000;
}

const std::string kJanuary = "from=" + std::to_string(noon_of(2026, 1, 1) - 12LL * 3600 * 1000) +
                             "&to=" + std::to_string(noon_of(2026, 2, 1) - 12LL * 3600 * 1000);

const json& type_of(const json& segment, const std::string& type) {
    for (const auto& t : segment.at("types")) {
        if (t.at("type") == type) return t;
    }
    static const json none;
    ADD_FAILURE() << "no type " << type;
    return none;
}

}  // namespace

class RelationshipsBlockApiTest : public ApiTest {
protected:
    struct World {
        TestServer::Workspace ws;
        std::string team_id, alpha, beta, city_a;
        std::string p1, p2, p3, p4, p5;
    };

    static void SetUpTestSuite() {
        ApiTest::SetUpTestSuite();
        world_ = build_world();
    }

    static std::string segment(HttpClient& c, const std::string& name, const std::string& city) {
        auto res = c.post("/api/v1/segments", {{"name", name},
                                               {"kind", "b2c"},
                                               {"entity_type", "person"},
                                               {"type", "dynamic"},
                                               {"filter", {{"field", "city"}, {"op", "eq"}, {"value", city}}}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.json().value("id", "");
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
    static json dedicated(const std::string& team_id) {
        return {{"relationship_type", "dedicated_assistance"},
                {"motivation", "retention"},
                {"team_id", team_id},
                {"channels", {"phone"}},
                {"note", "One account manager per customer"},
                {"targets",
                 {{{"metric", "owner_coverage_share"}, {"comparator", "at_least"}, {"value", 100}},
                  {{"metric", "interactions_per_customer"}, {"comparator", "at_least"}, {"value", 0.25}}}},
                {"threshold", {{"measure", "customers_touched_percent"}, {"value", 50}}}};
    }
    static json self_service() {
        return {{"relationship_type", "self_service"}, {"motivation", "acquisition"}, {"channels", {"web"}}};
    }

    // Members M (in team T, 60.00/h as a member). Segment "Alpha" (city A): P1 and P2 owned
    // by M, P3 and P4 without an owner; segment "Beta" (city B): P5, no plan. January 2026: M
    // 30 min dedicated with P1 and with P2, 15 min personal assistance with P1; the owner (no
    // rate) a community call with P3 and P4. Alpha's plan: dedicated assistance (touched 50%
    // or more; owner coverage 100%, 0.25 interactions per customer) and self-service.
    static World build_world() {
        World w;
        w.ws = server_->bootstrap(unique_name("relblock"));
        auto owner = signed_in_client(*server_, w.ws.owner_email, w.ws.password);
        const std::string m_email = unique_name("m") + "@relblock.test";
        auto created = owner.post(
            "/api/v1/users",
            {{"email", m_email}, {"display_name", "Mia Member"}, {"role", "member"}, {"password", "long enough pw 1"}});
        EXPECT_EQ(created.status, 201) << created.body;
        const std::string m_id = created.json().value("id", "");
        auto m = signed_in_client(*server_, m_email, "long enough pw 1");
        auto team = owner.post("/api/v1/teams",
                               {{"name", "Key accounts"}, {"kind", "sales"}, {"members", {{{"user_id", m_id}}}}});
        EXPECT_EQ(team.status, 201) << team.body;
        w.team_id = team.json().value("id", "");
        w.city_a = unique_name("Alphaville");
        const auto city_b = unique_name("Betaville");
        w.alpha = segment(owner, "Alpha " + w.city_a, w.city_a);
        w.beta = segment(owner, "Beta " + city_b, city_b);
        auto person = [&](const std::string& name, const std::string& city, const json& owner_id) {
            return create_record(
                owner, "/api/v1/people",
                {{"first_name", name}, {"last_name", "Block"}, {"city", city}, {"owner_user_id", owner_id}});
        };
        w.p1 = person("Uno", w.city_a, m_id);
        w.p2 = person("Due", w.city_a, m_id);
        w.p3 = person("Tre", w.city_a, nullptr);
        w.p4 = person("Quattro", w.city_a, nullptr);
        w.p5 = person("Cinque", city_b, nullptr);
        interaction(m, w.p1, "dedicated_assistance", 30, noon_of(2026, 1, 5));
        interaction(m, w.p2, "dedicated_assistance", 30, noon_of(2026, 1, 6));
        interaction(m, w.p1, "personal_assistance", 15, noon_of(2026, 1, 7));
        interaction(owner, w.p3, "community", 0, noon_of(2026, 1, 8));
        interaction(owner, w.p4, "community", 0, noon_of(2026, 1, 9));

        auto model =
            owner.put("/api/v1/cost-model", {{"effective_from", "2025-01-01"},
                                             {"currency", "EUR"},
                                             {"role_rates", {{{"role", "member"}, {"cents_per_hour", 6000}}}}});
        EXPECT_EQ(model.status, 200) << model.body;
        auto plan = owner.put("/api/v1/relationship-plans/" + w.alpha,
                              {{"expected_version", 0}, {"entries", {dedicated(w.team_id), self_service()}}});
        EXPECT_EQ(plan.status, 200) << plan.body;
        return w;
    }

    HttpClient owner() const { return signed_in_client(*server_, world_.ws.owner_email, world_.ws.password); }

    static inline World world_;
};

TEST_F(RelationshipsBlockApiTest, ExpectedAgainstEstablishedWithTargetsCostsAndRankedGaps) {
    auto o = owner();
    auto res = o.get("/api/v1/canvas/relationships?" + kJanuary);
    ASSERT_EQ(res.status, 200) << res.body;
    const json body = res.json();
    EXPECT_EQ(body["currency"], "EUR");
    ASSERT_EQ(body["segments"].size(), 2u);
    json alpha, beta;
    for (const auto& s : body["segments"]) {
        if (s["segment"]["id"] == world_.alpha) alpha = s;
        if (s["segment"]["id"] == world_.beta) beta = s;
    }
    ASSERT_TRUE(alpha.is_object());
    ASSERT_TRUE(beta.is_object());
    EXPECT_EQ(alpha["plan"]["version"], 1);
    EXPECT_EQ(alpha["members"]["value"], 4);
    EXPECT_EQ(alpha["cost_total"]["value"], 7500);  // 75 min at 60.00/h
    EXPECT_EQ(alpha["cost"]["time_cents"]["value"], 7500);
    EXPECT_EQ(alpha["cost"]["fixed_cents"]["value"], 0);
    ASSERT_EQ(alpha["types"].size(), 6u);

    const auto& d = type_of(alpha, "dedicated_assistance");
    EXPECT_EQ(d["expected"], true);
    EXPECT_EQ(d["established"], true);
    EXPECT_EQ(d["status"], "expected_established");
    EXPECT_EQ(d["motivation"], "retention");
    EXPECT_EQ(d["team"]["id"], world_.team_id);
    EXPECT_EQ(d["team"]["name"], "Key accounts");
    EXPECT_EQ(d["channels"], json({"phone"}));
    EXPECT_EQ(d["note"], "One account manager per customer");
    EXPECT_EQ(d["threshold"]["measure"], "customers_touched_percent");
    EXPECT_DOUBLE_EQ(d["threshold"]["measured"]["value"].get<double>(), 50.0);
    EXPECT_EQ(d["activity"]["interactions"]["value"], 2);
    EXPECT_EQ(d["activity"]["customers_touched"]["value"], 2);
    EXPECT_EQ(d["activity"]["minutes"]["value"], 60);
    EXPECT_EQ(d["cost"]["total_cents"]["value"], 6000);
    EXPECT_EQ(d["cost"]["time_cents"]["value"], 6000);
    ASSERT_EQ(d["targets"].size(), 2u);
    EXPECT_EQ(d["targets"][0]["metric"], "owner_coverage_share");
    EXPECT_DOUBLE_EQ(d["targets"][0]["measured"]["value"].get<double>(), 50.0);
    EXPECT_EQ(d["targets"][0]["met"], false);
    EXPECT_EQ(d["targets"][1]["metric"], "interactions_per_customer");
    EXPECT_DOUBLE_EQ(d["targets"][1]["measured"]["value"].get<double>(), 0.5);
    EXPECT_EQ(d["targets"][1]["met"], true);

    const auto& ss = type_of(alpha, "self_service");
    EXPECT_EQ(ss["status"], "expected_not_established");
    EXPECT_EQ(ss["established"], false);
    EXPECT_EQ(ss["motivation"], "acquisition");
    EXPECT_EQ(ss["threshold"]["measure"], "interactions_per_100_customers");
    EXPECT_DOUBLE_EQ(ss["threshold"]["measured"]["value"].get<double>(), 0.0);
    EXPECT_EQ(ss["cost"]["total_cents"]["value"], 0);

    const auto& pa = type_of(alpha, "personal_assistance");
    EXPECT_EQ(pa["status"], "established_not_planned");  // 25 per 100 customers, over the default 10
    EXPECT_EQ(pa["expected"], false);
    EXPECT_TRUE(pa["motivation"].is_null());
    EXPECT_DOUBLE_EQ(pa["threshold"]["measured"]["value"].get<double>(), 25.0);
    EXPECT_EQ(pa["cost"]["total_cents"]["value"], 1500);
    EXPECT_EQ(type_of(alpha, "community")["status"], "established_not_planned");
    EXPECT_EQ(type_of(alpha, "automated")["status"], "not_used");
    EXPECT_EQ(type_of(alpha, "co_creation")["status"], "not_used");

    EXPECT_TRUE(beta["plan"].is_null());
    EXPECT_EQ(beta["members"]["value"], 1);
    EXPECT_EQ(beta["cost_total"]["value"], 0);
    for (const auto& t : beta["types"]) EXPECT_EQ(t["status"], "not_used") << t["type"];

    // Gaps, most customers first: Alpha's self-service reaches none of 4; 2 without an owner;
    // community (2) runs without a plan; personal assistance (1) too; Beta has no plan (1).
    const auto& gaps = body["gaps"];
    ASSERT_EQ(gaps.size(), 5u) << gaps.dump(1);
    EXPECT_EQ(gaps[0]["kind"], "expected_not_established");
    EXPECT_EQ(gaps[0]["type"], "self_service");
    EXPECT_EQ(gaps[0]["customers"], 4);
    EXPECT_EQ(gaps[0]["of"], 4);
    EXPECT_EQ(gaps[1]["kind"], "target_missed");
    EXPECT_EQ(gaps[1]["type"], "dedicated_assistance");
    EXPECT_EQ(gaps[1]["metric"], "owner_coverage_share");
    EXPECT_EQ(gaps[1]["customers"], 2);
    EXPECT_DOUBLE_EQ(gaps[1]["measured"].get<double>(), 50.0);
    EXPECT_DOUBLE_EQ(gaps[1]["target"].get<double>(), 100.0);
    EXPECT_EQ(gaps[1]["link"]["route"], "/people");
    EXPECT_EQ(gaps[1]["link"]["filter"], json({{"and",
                                                {{{"field", "city"}, {"op", "eq"}, {"value", world_.city_a}},
                                                 {{"field", "owner_user_id"}, {"op", "is_empty"}}}}}));
    EXPECT_EQ(gaps[2]["kind"], "established_not_planned");
    EXPECT_EQ(gaps[2]["type"], "community");
    EXPECT_EQ(gaps[2]["customers"], 2);
    EXPECT_EQ(gaps[3]["kind"], "established_not_planned");
    EXPECT_EQ(gaps[3]["type"], "personal_assistance");
    EXPECT_EQ(gaps[3]["customers"], 1);
    EXPECT_EQ(gaps[3]["segment"]["id"], world_.alpha);
    EXPECT_EQ(gaps[4]["kind"], "no_plan");
    EXPECT_TRUE(gaps[4]["type"].is_null());
    EXPECT_EQ(gaps[4]["segment"]["id"], world_.beta);
    EXPECT_EQ(gaps[4]["customers"], 1);

    // The records behind the owner gap are exactly P3 and P4.
    auto list = o.get("/api/v1/people?limit=50&filter=" + url_encode(gaps[1]["link"]["filter"].dump()));
    ASSERT_EQ(list.status, 200) << list.body;
    const json listed = list.json();
    std::set<std::string> ids;
    for (const auto& p : listed["items"]) ids.insert(p["id"].get<std::string>());
    EXPECT_EQ(ids, (std::set<std::string>{world_.p3, world_.p4})) << list.body;
}

TEST_F(RelationshipsBlockApiTest, ThePlanAtADateOrAVersion) {
    auto o = owner();
    // Before the plan was saved (in January 2026) Alpha had none.
    auto before = o.get("/api/v1/canvas/relationships?" + kJanuary + "&segment_id=" + world_.alpha +
                        "&plan_at=" + std::to_string(noon_of(2026, 1, 15)));
    ASSERT_EQ(before.status, 200) << before.body;
    ASSERT_EQ(before.json()["segments"].size(), 1u);
    EXPECT_TRUE(before.json()["segments"][0]["plan"].is_null());
    EXPECT_EQ(before.json()["gaps"][0]["kind"], "no_plan");
    EXPECT_EQ(before.json()["gaps"][0]["customers"], 4);

    // Version 2 keeps only self-service; version 1 still reads as it was.
    auto current = o.get("/api/v1/relationship-plans/" + world_.alpha).json();
    const std::int64_t version = current["version"].get<std::int64_t>();
    auto saved = o.put("/api/v1/relationship-plans/" + world_.alpha,
                       {{"expected_version", version}, {"entries", {self_service()}}});
    ASSERT_EQ(saved.status, 200) << saved.body;
    auto v1 = o.get("/api/v1/canvas/relationships?" + kJanuary + "&segment_id=" + world_.alpha + "&plan_version=1");
    ASSERT_EQ(v1.status, 200) << v1.body;
    EXPECT_EQ(type_of(v1.json()["segments"][0], "dedicated_assistance")["status"], "expected_established");
    auto now = o.get("/api/v1/canvas/relationships?" + kJanuary + "&segment_id=" + world_.alpha);
    ASSERT_EQ(now.status, 200) << now.body;
    EXPECT_EQ(now.json()["segments"][0]["plan"]["version"], version + 1);
    EXPECT_EQ(type_of(now.json()["segments"][0], "dedicated_assistance")["status"], "established_not_planned");
    // Restore version 1's entries for the other tests.
    auto back = o.put("/api/v1/relationship-plans/" + world_.alpha,
                      {{"expected_version", version + 1}, {"entries", {dedicated(world_.team_id), self_service()}}});
    ASSERT_EQ(back.status, 200) << back.body;
}

TEST_F(RelationshipsBlockApiTest, TheCrmCanvasStrategiesProcessesAndCosts) {
    auto o = owner();
    auto res = o.get("/api/v1/canvas/crm?" + kJanuary);
    ASSERT_EQ(res.status, 200) << res.body;
    const json blocks = res.json()["blocks"];
    const auto& s = blocks["strategies"];
    EXPECT_TRUE(s["reason"].is_null());
    EXPECT_EQ(s["figures"]["segments_planned"]["value"], 1);
    EXPECT_EQ(s["figures"]["segments_unplanned"]["value"], 1);
    EXPECT_EQ(s["figures"]["entries"]["value"], 2);
    EXPECT_EQ(s["figures"]["expected_established"]["value"], 1);
    EXPECT_EQ(s["figures"]["expected_not_established"]["value"], 1);
    EXPECT_EQ(s["figures"]["established_not_planned"]["value"], 2);
    EXPECT_EQ(s["figures"]["gaps"]["value"], 5);
    ASSERT_EQ(s["rows"]["entries"].size(), 2u);
    EXPECT_EQ(s["rows"]["entries"][0]["id"], world_.alpha + ":dedicated_assistance");
    EXPECT_EQ(s["rows"]["entries"][0]["figures"]["established"]["value"], 1);
    const auto& p = blocks["processes"];
    EXPECT_EQ(p["figures"]["targets"]["value"], 2);
    EXPECT_EQ(p["figures"]["targets_met"]["value"], 1);
    EXPECT_EQ(p["figures"]["targets_missed"]["value"], 1);
    EXPECT_EQ(p["figures"]["targets_unmeasured"]["value"], 0);
    ASSERT_EQ(p["rows"]["targets"].size(), 2u);
    EXPECT_EQ(p["rows"]["targets"][0]["kind"], "owner_coverage_share");
    EXPECT_EQ(p["rows"]["targets"][0]["figures"]["met"]["value"], 0);
    const auto& c = blocks["costs"];
    EXPECT_TRUE(c["reason"].is_null());
    EXPECT_EQ(c["facts"]["currency"], "EUR");
    EXPECT_EQ(c["figures"]["total_cents"]["value"], 7500);
    EXPECT_EQ(c["figures"]["time_cents"]["value"], 7500);
    EXPECT_EQ(c["figures"]["minutes"]["value"], 75);
    ASSERT_EQ(c["rows"]["types"].size(), 2u);
    EXPECT_EQ(c["rows"]["types"][0]["id"], "personal_assistance");
    EXPECT_EQ(c["rows"]["types"][0]["figures"]["total_cents"]["value"], 1500);
    EXPECT_EQ(c["rows"]["types"][1]["id"], "dedicated_assistance");
    EXPECT_EQ(c["rows"]["types"][1]["figures"]["total_cents"]["value"], 6000);
}

TEST_F(RelationshipsBlockApiTest, ParametersAndReaders) {
    auto o = owner();
    auto res = o.get("/api/v1/canvas/relationships?plan_version=1");
    ASSERT_EQ(res.status, 422) << res.body;
    EXPECT_EQ(res.json()["errors"][0]["pointer"], "?plan_version");
    res = o.get("/api/v1/canvas/relationships?segment_id=" + world_.alpha + "&plan_version=99");
    ASSERT_EQ(res.status, 422) << res.body;
    EXPECT_EQ(res.json()["errors"][0]["pointer"], "?plan_version");
    res = o.get("/api/v1/canvas/relationships?plan_at=soon&plan_version=0&segment_id=" + world_.alpha);
    ASSERT_EQ(res.status, 422) << res.body;
    EXPECT_EQ(res.json()["errors"].size(), 2u);
    res = o.get("/api/v1/canvas/relationships?segment_id=999999999");
    EXPECT_EQ(res.status, 404) << res.body;
    res = o.get("/api/v1/canvas/relationships?from=10&to=5");
    EXPECT_EQ(res.status, 422) << res.body;
    // Another workspace sees neither the segment nor its plan.
    auto other = owner_of(acme_);
    res = other.get("/api/v1/canvas/relationships?segment_id=" + world_.alpha);
    EXPECT_EQ(res.status, 404) << res.body;
    // Viewers do not read the canvases.
    const std::string v_email = unique_name("v") + "@relblock.test";
    ASSERT_EQ(
        o.post(
             "/api/v1/users",
             {{"email", v_email}, {"display_name", "Vic Viewer"}, {"role", "viewer"}, {"password", "long enough pw 1"}})
            .status,
        201);
    auto viewer = signed_in_client(*server_, v_email, "long enough pw 1");
    EXPECT_EQ(viewer.get("/api/v1/canvas/relationships").status, 403);
}

}  // namespace rapport::testing
