// The desk over real HTTP: my open and overdue tasks, the records I touched, my quiet
// customers, and what is new since my last visit (records handed to me, tasks assigned to me
// by others), each only among the records I may read.
#include <algorithm>
#include <chrono>

#include "api/api_fixture.hpp"

namespace rapport::testing {

namespace {
std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}
constexpr std::int64_t kDay = 24LL * 3600 * 1000;

std::vector<std::string> ids_in(const nlohmann::json& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i["id"]);
    return out;
}
bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}
}  // namespace

class DeskApiTest : public ApiTest {
protected:
    using User = UserClient;
    static User user_of_acme(const std::string& role) { return new_acme_user(role, "Dora " + role); }
    static std::string create(HttpClient& c, const std::string& path, nlohmann::json fields) {
        return create_record(c, path, std::move(fields));
    }
    static nlohmann::json desk_of(HttpClient& c, const std::string& query = "") {
        auto res = c.get("/api/v1/desk" + query);
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json();
    }
};

TEST_F(DeskApiTest, TasksCardCountsMyOpenAndOverdueTasks) {
    auto owner = owner_of(acme_);
    auto me = user_of_acme("member");
    const auto person =
        create(owner, "/api/v1/people", {{"first_name", "Tina"}, {"last_name", "Desk"}, {"owner_user_id", me.id}});
    auto empty = desk_of(me.client);
    EXPECT_EQ(empty["cards"]["tasks"]["open"], 0);
    for (std::int64_t due : {now_ms() - kDay, now_ms() - 1000, now_ms() + kDay}) {
        ASSERT_EQ(owner
                      .post("/api/v1/interactions", {{"kind", "task"},
                                                     {"person_id", person},
                                                     {"subject", "Due " + std::to_string(due)},
                                                     {"due_at", due},
                                                     {"assignee_user_id", me.id}})
                      .status,
                  201);
    }
    auto desk = desk_of(me.client, "?cards=tasks&limit=2");
    EXPECT_EQ(desk["cards"]["tasks"]["open"], 3);
    EXPECT_EQ(desk["cards"]["tasks"]["overdue"], 2);
    ASSERT_EQ(desk["cards"]["tasks"]["items"].size(), 2u);
    EXPECT_TRUE(desk["cards"]["tasks"]["items"][0]["overdue"].get<bool>());
    EXPECT_EQ(desk["cards"]["tasks"]["items"][0]["customer"]["name"], "Tina Desk");
    // Only the cards asked for.
    EXPECT_FALSE(desk["cards"].contains("recent"));
    expect_problem(me.client.get("/api/v1/desk?cards=deals"), 422);
    expect_problem(me.client.get("/api/v1/desk?quiet_days=0"), 422);
    // An API key has no desk.
    expect_problem(with_key(server_->api_key("acme", "admin")).get("/api/v1/desk"), 403);
}

TEST_F(DeskApiTest, RecentRecordsAreThoseITouchedNewestFirstOnce) {
    auto me = user_of_acme("manager");
    const auto first = create(me.client, "/api/v1/people", {{"first_name", "Rita"}, {"last_name", "Prima"}});
    const auto company = create(me.client, "/api/v1/companies", {{"legal_name", "Recenti SpA"}, {"country", "IT"}});
    const auto second = create(me.client, "/api/v1/people", {{"first_name", "Remo"}, {"last_name", "Secondo"}});
    ASSERT_EQ(me.client.patch("/api/v1/people/" + first, {{"fields", {{"city", "Torino"}}}}).status, 200);
    ASSERT_EQ(me.client.post("/api/v1/interactions", {{"kind", "call"}, {"company_id", company}}).status, 201);
    auto items = desk_of(me.client, "?cards=recent")["cards"]["recent"]["items"];
    EXPECT_EQ(ids_in(items), (std::vector<std::string>{company, first, second}));
    EXPECT_EQ(items[0]["type"], "company");
    EXPECT_EQ(items[0]["name"], "Recenti SpA");
    // Someone else's desk does not show them.
    auto other = user_of_acme("manager");
    EXPECT_TRUE(desk_of(other.client, "?cards=recent")["cards"]["recent"]["items"].empty());
}

TEST_F(DeskApiTest, QuietCustomersAreMyPortfolioWithoutContactInNDays) {
    auto owner = owner_of(acme_);
    auto me = user_of_acme("member");
    const auto called =
        create(owner, "/api/v1/people", {{"first_name", "Carla"}, {"last_name", "Chiamata"}, {"owner_user_id", me.id}});
    const auto silent =
        create(owner, "/api/v1/people", {{"first_name", "Silvio"}, {"last_name", "Silente"}, {"owner_user_id", me.id}});
    const auto long_ago =
        create(owner, "/api/v1/people", {{"first_name", "Lino"}, {"last_name", "Lontano"}, {"owner_user_id", me.id}});
    const auto not_mine = create(owner, "/api/v1/people", {{"first_name", "Nino"}, {"last_name", "Altrui"}});
    ASSERT_EQ(owner.post("/api/v1/interactions", {{"kind", "call"}, {"person_id", called}}).status, 201);
    ASSERT_EQ(owner
                  .post("/api/v1/interactions",
                        {{"kind", "meeting"}, {"person_id", long_ago}, {"occurred_at", now_ms() - 60 * kDay}})
                  .status,
              201);
    // A note is not contact.
    ASSERT_EQ(owner.post("/api/v1/interactions", {{"kind", "note"}, {"person_id", silent}}).status, 201);

    auto quiet = desk_of(me.client, "?cards=quiet")["cards"]["quiet"];
    EXPECT_EQ(quiet["days"], 30);
    EXPECT_EQ(quiet["count"], 2);
    EXPECT_EQ(ids_in(quiet["items"]), (std::vector<std::string>{silent, long_ago}));  // never contacted first
    EXPECT_TRUE(quiet["items"][0]["last_contact_at"].is_null());
    EXPECT_TRUE(quiet["items"][1]["last_contact_at"].is_number());
    EXPECT_FALSE(contains(ids_in(quiet["items"]), not_mine));
    // Over 90 days, the meeting of 60 days ago counts.
    auto ninety = desk_of(me.client, "?cards=quiet&quiet_days=90")["cards"]["quiet"];
    EXPECT_EQ(ids_in(ninety["items"]), (std::vector<std::string>{silent}));
}

TEST_F(DeskApiTest, WhatIsNewSinceMyLastVisit) {
    auto owner = owner_of(acme_);
    auto me = user_of_acme("member");
    // Start the news now.
    auto visit = me.client.post("/api/v1/desk/visit", {{"mark_all_seen", true}});
    ASSERT_EQ(visit.status, 200) << visit.body;
    EXPECT_EQ(visit.json()["since"], visit.json()["last_visit_at"]);

    // A record created for me by someone else, one handed over to me, one I create myself.
    const auto for_me =
        create(owner, "/api/v1/people", {{"first_name", "Nuovo"}, {"last_name", "Cliente"}, {"owner_user_id", me.id}});
    const auto handed = create(owner, "/api/v1/companies", {{"legal_name", "Passaggio Srl"}, {"country", "IT"}});
    ASSERT_EQ(owner.patch("/api/v1/companies/" + handed, {{"owner_user_id", me.id}}).status, 200);
    const auto my_own = create(me.client, "/api/v1/people", {{"first_name", "Mio"}, {"last_name", "Proprio"}});
    auto task =
        owner.post("/api/v1/interactions",
                   {{"kind", "task"}, {"person_id", for_me}, {"subject", "Welcome call"}, {"assignee_user_id", me.id}});
    ASSERT_EQ(task.status, 201);
    auto self_task = me.client.post(
        "/api/v1/interactions",
        {{"kind", "task"}, {"person_id", for_me}, {"subject", "My own reminder"}, {"assignee_user_id", me.id}});
    ASSERT_EQ(self_task.status, 201);

    // A reload within the same visit keeps the news.
    ASSERT_EQ(me.client.post("/api/v1/desk/visit", nlohmann::json::object()).status, 200);
    auto news = desk_of(me.client, "?cards=new")["cards"]["new"];
    auto records = ids_in(news["records"]);
    EXPECT_TRUE(contains(records, for_me)) << news.dump();
    EXPECT_TRUE(contains(records, handed)) << news.dump();
    EXPECT_FALSE(contains(records, my_own));
    EXPECT_EQ(ids_in(news["tasks"]), (std::vector<std::string>{task.json()["id"].get<std::string>()}));
    EXPECT_EQ(news["more"], false);

    // Marking everything seen empties it.
    ASSERT_EQ(me.client.post("/api/v1/desk/visit", {{"mark_all_seen", true}}).status, 200);
    auto cleared = desk_of(me.client, "?cards=new")["cards"]["new"];
    EXPECT_TRUE(cleared["records"].empty());
    EXPECT_TRUE(cleared["tasks"].empty());
    expect_problem(me.client.post("/api/v1/desk/visit", {{"mark_all_seen", "yes"}}), 422);
}

}  // namespace rapport::testing
