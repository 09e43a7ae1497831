// The task list over real HTTP: my tasks and a team's, by status and due date, in due order
// with keyset pages; each with the customer it belongs to; marking done and reopening; only the
// tasks of customers the reader may see; editing timeline entries (who may, and the audit).
#include <algorithm>
#include <chrono>

#include "api/api_fixture.hpp"

namespace rapport::testing {

namespace {
std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}
constexpr std::int64_t kHour = 3600 * 1000;
}  // namespace

class TasksApiTest : public ApiTest {
protected:
    using User = UserClient;
    static User user_of_acme(const std::string& role) { return new_acme_user(role, "Tess " + role); }
    static std::string create(HttpClient& c, const std::string& path, nlohmann::json fields) {
        return create_record(c, path, std::move(fields));
    }
    static std::string task(HttpClient& c, const nlohmann::json& body) {
        nlohmann::json b = body;
        b["kind"] = "task";
        auto res = c.post("/api/v1/interactions", b);
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["id"].get<std::string>() : std::string();
    }
    static std::vector<std::string> ids_of(const HttpResult& res) {
        std::vector<std::string> out;
        EXPECT_EQ(res.status, 200) << res.body;
        auto body = res.json();
        for (const auto& i : body["items"]) out.push_back(i["id"]);
        return out;
    }
    static bool contains(const std::vector<std::string>& ids, const std::string& id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    }
};

TEST_F(TasksApiTest, MyTasksInDueOrderWithTheirCustomerAndFilters) {
    auto owner = owner_of(acme_);
    auto member = user_of_acme("member");
    const auto person = create(owner, "/api/v1/people",
                               {{"first_name", "Ada"}, {"last_name", "Quercia"}, {"owner_user_id", member.id}});
    const auto company =
        create(owner, "/api/v1/companies",
               {{"legal_name", "Quercia Mobili S.r.l."}, {"country", "IT"}, {"owner_user_id", member.id}});
    const std::int64_t now = now_ms();
    const auto late = task(owner, {{"person_id", person},
                                   {"subject", "Call back about the sofa"},
                                   {"due_at", now - 2 * kHour},
                                   {"assignee_user_id", member.id}});
    const auto soon = task(owner, {{"company_id", company},
                                   {"person_id", person},
                                   {"subject", "Send the quote"},
                                   {"due_at", now + 2 * kHour},
                                   {"assignee_user_id", member.id}});
    const auto undated = task(owner, {{"person_id", person}, {"subject", "Some day"}, {"assignee_user_id", member.id}});
    const auto others = task(owner, {{"person_id", person}, {"subject", "Not mine"}, {"due_at", now}});

    auto mine = member.client.get("/api/v1/tasks?assignee=me");
    EXPECT_EQ(ids_of(mine), (std::vector<std::string>{late, soon, undated}));
    auto first = mine.json()["items"][0];
    EXPECT_EQ(first["customer"]["type"], "person");
    EXPECT_EQ(first["customer"]["id"], person);
    EXPECT_EQ(first["customer"]["name"], "Ada Quercia");
    EXPECT_TRUE(first["overdue"].get<bool>());
    EXPECT_EQ(first["assignee_name"], "Tess member");
    auto second = mine.json()["items"][1];
    EXPECT_FALSE(second["overdue"].get<bool>());
    EXPECT_EQ(second["company"]["name"], "Quercia Mobili S.r.l.");

    // Keyset pages through both steps (dated, then undated) give the same order.
    auto page1 = member.client.get("/api/v1/tasks?assignee=me&limit=2");
    EXPECT_EQ(ids_of(page1), (std::vector<std::string>{late, soon}));
    const std::string cursor = page1.json()["next_cursor"];
    auto page2 = member.client.get("/api/v1/tasks?assignee=me&limit=2&cursor=" + cursor);
    EXPECT_EQ(ids_of(page2), (std::vector<std::string>{undated}));
    EXPECT_TRUE(page2.json()["next_cursor"].is_null());

    EXPECT_EQ(ids_of(member.client.get("/api/v1/tasks?assignee=me&status=overdue")), (std::vector<std::string>{late}));
    EXPECT_EQ(ids_of(member.client.get("/api/v1/tasks?assignee=me&due_after=" + std::to_string(now))),
              (std::vector<std::string>{soon}));
    EXPECT_EQ(ids_of(member.client.get("/api/v1/tasks?assignee=me&due_before=" + std::to_string(now))),
              (std::vector<std::string>{late}));
    auto by_id = ids_of(owner.get("/api/v1/tasks?assignee=" + member.id));
    EXPECT_EQ(by_id.size(), 3u);
    EXPECT_FALSE(contains(by_id, others));

    // Done and reopened; done tasks leave the open list.
    auto done = member.client.post("/api/v1/tasks/" + late + "/done", nlohmann::json::object());
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_FALSE(done.json()["completed_at"].is_null());
    EXPECT_FALSE(done.json()["overdue"].get<bool>());
    EXPECT_EQ(ids_of(member.client.get("/api/v1/tasks?assignee=me&status=open")),
              (std::vector<std::string>{soon, undated}));
    EXPECT_EQ(ids_of(member.client.get("/api/v1/tasks?assignee=me&status=done")), (std::vector<std::string>{late}));
    auto reopened = member.client.post("/api/v1/tasks/" + late + "/reopen", nlohmann::json::object());
    ASSERT_EQ(reopened.status, 200) << reopened.body;
    EXPECT_TRUE(reopened.json()["completed_at"].is_null());

    // Bad parameters are named.
    auto bad = member.client.get("/api/v1/tasks?assignee=someone&status=later&due_before=soon&cursor=x");
    expect_problem(bad, 422);
    for (const char* p : {"?assignee", "?status", "?due_before", "?cursor"}) EXPECT_TRUE(has_error_at(bad, p)) << p;
    // A note is not a task.
    auto note = owner.post("/api/v1/interactions", {{"kind", "note"}, {"person_id", person}});
    expect_problem(owner.post("/api/v1/tasks/" + note.json()["id"].get<std::string>() + "/done", nlohmann::json{}),
                   404);
}

TEST_F(TasksApiTest, ATeamsTasksAreThoseOfItsMembers) {
    auto owner = owner_of(acme_);
    auto a = user_of_acme("member");
    auto b = user_of_acme("member");
    auto team = owner.post("/api/v1/teams",
                           {{"name", unique_name("Desk team")}, {"kind", "sales"}, {"members", {{{"user_id", a.id}}}}});
    ASSERT_EQ(team.status, 201) << team.body;
    const std::string team_id = team.json()["id"];
    const auto person = create(owner, "/api/v1/people", {{"first_name", "Teo"}, {"last_name", "Salice"}});
    const auto of_a = task(owner, {{"person_id", person}, {"subject", "A's"}, {"assignee_user_id", a.id}});
    const auto of_b = task(owner, {{"person_id", person}, {"subject", "B's"}, {"assignee_user_id", b.id}});
    auto ids = ids_of(owner.get("/api/v1/tasks?team=" + team_id));
    EXPECT_TRUE(contains(ids, of_a));
    EXPECT_FALSE(contains(ids, of_b));
    expect_problem(owner.get("/api/v1/tasks?team=123456789"), 404);
    expect_problem(owner_of(globex_).get("/api/v1/tasks?team=" + team_id), 404);
}

TEST_F(TasksApiTest, OnlyTasksOfCustomersTheReaderMaySee) {
    auto owner = owner_of(acme_);
    auto member = user_of_acme("member");
    // The member's role reads its team's and own records: a record owned by the owner, of no
    // team, is not theirs to see, nor is a task assigned to them on it.
    const auto hidden = create(owner, "/api/v1/people", {{"first_name", "Hidden"}, {"last_name", "Record"}});
    const auto visible = create(owner, "/api/v1/people",
                                {{"first_name", "Shown"}, {"last_name", "Record"}, {"owner_user_id", member.id}});
    const auto on_hidden = task(owner, {{"person_id", hidden}, {"subject", "secret"}, {"assignee_user_id", member.id}});
    const auto on_visible = task(owner, {{"person_id", visible}, {"subject", "fine"}, {"assignee_user_id", member.id}});
    auto ids = ids_of(member.client.get("/api/v1/tasks?assignee=me"));
    EXPECT_TRUE(contains(ids, on_visible));
    EXPECT_FALSE(contains(ids, on_hidden));
    expect_problem(member.client.post("/api/v1/tasks/" + on_hidden + "/done", nlohmann::json{}), 404);
    // Another workspace sees none of them.
    auto globex_ids = ids_of(owner_of(globex_).get("/api/v1/tasks"));
    EXPECT_FALSE(contains(globex_ids, on_visible));
    EXPECT_FALSE(contains(globex_ids, on_hidden));
}

TEST_F(TasksApiTest, APartnerUserSeesOnlyTasksOfItsBuyersConsumers) {
    auto owner = owner_of(acme_);
    auto partner = user_of_acme("member");
    const auto buyer = create(owner, "/api/v1/companies",
                              {{"legal_name", "Retail Partner Srl"}, {"country", "IT"}, {"buyer_kind", "retailer"}});
    ASSERT_EQ(owner.put("/api/v1/companies/" + buyer + "/partition/partners/" + partner.id, nlohmann::json{}).status,
              200);
    const auto consumer = create(owner, "/api/v1/people",
                                 {{"first_name", "Cora"}, {"last_name", "Consumer"}, {"buyer_company_id", buyer}});
    const auto outsider = create(owner, "/api/v1/people", {{"first_name", "Otto"}, {"last_name", "Outside"}});
    const auto on_consumer = task(owner, {{"person_id", consumer}, {"subject", "visible to the partner"}});
    const auto on_outsider =
        task(owner, {{"person_id", outsider}, {"subject", "not for partners"}, {"assignee_user_id", partner.id}});
    auto ids = ids_of(partner.client.get("/api/v1/tasks"));
    EXPECT_TRUE(contains(ids, on_consumer));
    EXPECT_FALSE(contains(ids, on_outsider));
    EXPECT_FALSE(contains(ids_of(partner.client.get("/api/v1/tasks?assignee=me")), on_outsider));
}

TEST_F(TasksApiTest, EditingAnEntryIsForItsAuthorAssigneeOrACustomerWriterAndIsAudited) {
    auto owner = owner_of(acme_);
    auto author = user_of_acme("member");
    auto assignee = user_of_acme("member");
    auto bystander = user_of_acme("member");
    auto team =
        owner.post("/api/v1/teams",
                   {{"name", unique_name("Edit team")},
                    {"kind", "sales"},
                    {"members", {{{"user_id", author.id}}, {{"user_id", assignee.id}}, {{"user_id", bystander.id}}}}});
    ASSERT_EQ(team.status, 201) << team.body;
    // A record of the team, owned by the owner: the members read it, and (write scope own) may
    // not change it.
    const auto person = create(owner, "/api/v1/people",
                               {{"first_name", "Ed"}, {"last_name", "Itable"}, {"team_id", team.json()["id"]}});
    auto created = author.client.post(
        "/api/v1/interactions",
        {{"kind", "task"}, {"person_id", person}, {"subject", "First wording"}, {"assignee_user_id", assignee.id}});
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = created.json()["id"];

    auto edited = author.client.patch("/api/v1/interactions/" + id,
                                      {{"subject", "Better wording"}, {"due_at", now_ms() + kHour}});
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(edited.json()["subject"], "Better wording");
    EXPECT_EQ(assignee.client.patch("/api/v1/interactions/" + id, {{"completed", true}}).status, 200);
    expect_problem(bystander.client.patch("/api/v1/interactions/" + id, {{"subject", "Mine now"}}), 403);
    expect_problem(bystander.client.del("/api/v1/interactions/" + id), 403);
    EXPECT_EQ(owner.patch("/api/v1/interactions/" + id, {{"body", "owner may: writes every record"}}).status, 200);

    auto audit = owner.get("/api/v1/audit?action=interaction.updated");
    ASSERT_EQ(audit.status, 200) << audit.body;
    int for_this = 0;
    bool saw_subject_change = false;
    const auto entries = audit.json();
    for (const auto& e : entries["items"]) {
        if (e["target_id"] != id) continue;
        ++for_this;
        auto detail = e["detail"].is_string() ? nlohmann::json::parse(e["detail"].get<std::string>()) : e["detail"];
        if (detail["changes"].contains("completed_at")) {
            EXPECT_TRUE(detail["changes"]["completed_at"]["new"].is_number());
        }
        if (detail["changes"].contains("subject")) {
            EXPECT_EQ(detail["changes"]["subject"]["old"], "First wording");
            EXPECT_EQ(detail["changes"]["subject"]["new"], "Better wording");
            saw_subject_change = true;
        }
    }
    EXPECT_EQ(for_this, 3) << audit.body;
    EXPECT_TRUE(saw_subject_change);
}

}  // namespace rapport::testing
