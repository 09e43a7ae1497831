// The timeline over real HTTP: logging interactions with channel, direction, relationship
// type and minutes; a company's feed includes its contacts'; permissions follow the record.
#include "api/api_fixture.hpp"

namespace rapport::testing {

class TimelineApiTest : public ApiTest {};

TEST_F(TimelineApiTest, LogsInteractionsAndReadsTimelinesNewestFirst) {
    auto owner = owner_of(acme_);
    auto person = owner.post("/api/v1/people", {{"fields", {{"first_name", "Lea"}, {"last_name", "Bruno"}}}});
    ASSERT_EQ(person.status, 201);
    const std::string person_id = person.json()["id"];

    auto call = owner.post("/api/v1/interactions", {{"kind", "call"},
                                                    {"person_id", person_id},
                                                    {"subject", "Reorder of espresso blend"},
                                                    {"channel", "phone"},
                                                    {"direction", "inbound"},
                                                    {"relationship_type", "dedicated_assistance"},
                                                    {"minutes_spent", 12},
                                                    {"occurred_at", 1700000000000}});
    ASSERT_EQ(call.status, 201) << call.body;
    EXPECT_EQ(call.json()["relationship_type"], "dedicated_assistance");
    EXPECT_EQ(call.json()["minutes_spent"], 12);
    auto note = owner.post("/api/v1/interactions", {{"kind", "note"},
                                                    {"person_id", person_id},
                                                    {"body", "Prefers morning calls"},
                                                    {"occurred_at", 1700000100000}});
    ASSERT_EQ(note.status, 201);
    auto task = owner.post("/api/v1/interactions", {{"kind", "task"},
                                                    {"person_id", person_id},
                                                    {"subject", "Send samples"},
                                                    {"due_at", 1800000000000},
                                                    {"occurred_at", 1700000200000}});
    ASSERT_EQ(task.status, 201) << task.body;

    auto page1 = owner.get("/api/v1/people/" + person_id + "/timeline?limit=2");
    ASSERT_EQ(page1.status, 200) << page1.body;
    auto body1 = page1.json();
    ASSERT_EQ(body1["items"].size(), 2u);
    EXPECT_EQ(body1["items"][0]["kind"], "task");
    EXPECT_EQ(body1["items"][1]["kind"], "note");
    ASSERT_TRUE(body1["next_cursor"].is_string());
    auto page2 = owner.get("/api/v1/people/" + person_id +
                           "/timeline?limit=2&cursor=" + body1["next_cursor"].get<std::string>());
    auto body2 = page2.json();
    ASSERT_EQ(body2["items"].size(), 1u);
    EXPECT_EQ(body2["items"][0]["kind"], "call");
    EXPECT_TRUE(body2["next_cursor"].is_null());

    const std::string task_id = task.json()["id"];
    auto done = owner.patch("/api/v1/interactions/" + task_id, {{"completed", true}});
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_FALSE(done.json()["completed_at"].is_null());
    EXPECT_EQ(owner.del("/api/v1/interactions/" + task_id).status, 204);
    expect_problem(owner.get("/api/v1/interactions/" + task_id), 404);
}

TEST_F(TimelineApiTest, ACompanyTimelineIncludesItsContacts) {
    auto owner = owner_of(acme_);
    auto company =
        owner.post("/api/v1/companies", {{"fields", {{"legal_name", "Torrefazione Nord"}, {"country", "IT"}}}});
    const std::string company_id = company.json()["id"];
    ASSERT_EQ(
        owner
            .post("/api/v1/interactions",
                  {{"kind", "meeting"}, {"company_id", company_id}, {"channel", "in_person"}, {"minutes_spent", 60}})
            .status,
        201);
    auto timeline = owner.get("/api/v1/companies/" + company_id + "/timeline");
    ASSERT_EQ(timeline.status, 200);
    EXPECT_EQ(timeline.json()["items"].size(), 1u);
}

TEST_F(TimelineApiTest, BadInputAndPermissions) {
    auto owner = owner_of(acme_);
    auto bad = owner.post("/api/v1/interactions",
                          {{"kind", "telegram"}, {"channel", "pigeon"}, {"minutes_spent", -5}, {"mood", "happy"}});
    expect_problem(bad, 422);
    for (const char* p : {"/kind", "/channel", "/minutes_spent", "/mood", "/person_id"}) {
        EXPECT_TRUE(has_error_at(bad, p)) << p << " " << bad.body;
    }
    auto person = owner.post("/api/v1/people", {{"fields", {{"first_name", "Viewer"}, {"last_name", "Target"}}}});
    const std::string person_id = person.json()["id"];
    auto note_on_task_only =
        owner.post("/api/v1/interactions", {{"kind", "note"}, {"person_id", person_id}, {"due_at", 1800000000000}});
    expect_problem(note_on_task_only, 422);
    EXPECT_TRUE(has_error_at(note_on_task_only, "/due_at"));

    auto viewer = with_key(server_->api_key("acme", "viewer"));
    expect_problem(viewer.post("/api/v1/interactions", {{"kind", "note"}, {"person_id", person_id}}), 404);
    auto globex = owner_of(globex_);
    expect_problem(globex.post("/api/v1/interactions", {{"kind", "note"}, {"person_id", person_id}}), 404);
    expect_problem(globex.get("/api/v1/people/" + person_id + "/timeline"), 404);
}

}  // namespace rapport::testing
