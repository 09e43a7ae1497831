// Work on one conversation over real HTTP: its thread in order, changes with a version
// (a stale one is refused), replies (queued, a collision warning unless forced), internal
// notes kept off the customer's timeline, and the timeline entries the work leaves.
#include "api/servicedesk/servicedesk_fixture.hpp"

namespace rapport::testing {

class ServicedeskWorkApiTest : public ServicedeskApiTest {};

TEST_F(ServicedeskWorkApiTest, AConversationShowsItsMessagesInOrder) {
    auto owner = owner_of(acme_);
    const auto email = unique_email();
    const auto id = new_conversation(owner, email, "one", {{"subject", "Order 7"}});
    ASSERT_FALSE(id.empty());
    const auto number = conversation(owner, id)["number"].get<std::int64_t>();
    const std::string ref = "Re: Order 7 [#" + std::to_string(number) + "]";
    ASSERT_EQ(owner.post("/api/v1/conversations", chat_message(email, "two", {{"subject", ref}})).status, 201);
    ASSERT_EQ(reply(owner, id, "three").status, 201);
    ASSERT_EQ(owner.post("/api/v1/conversations/" + id + "/notes", {{"text", "four"}}).status, 201);
    ASSERT_EQ(owner.post("/api/v1/conversations", chat_message(email, "five", {{"subject", ref}})).status, 201);

    auto c = conversation(owner, id);
    EXPECT_EQ(c["id"], id);
    EXPECT_EQ(c["subject"], "Order 7");
    EXPECT_EQ(c["message_count"], 5);
    ASSERT_EQ(c["messages"].size(), 5u);
    const std::vector<std::pair<std::string, std::string>> expected{
        {"one", "inbound"}, {"two", "inbound"}, {"three", "reply"}, {"four", "note"}, {"five", "inbound"}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(c["messages"][i]["text"], expected[i].first) << i;
        EXPECT_EQ(c["messages"][i]["kind"], expected[i].second) << i;
        EXPECT_EQ(c["messages"][i]["conversation_id"], id) << i;
    }
    EXPECT_TRUE(c["replying"].is_array());
    expect_problem(owner.get("/api/v1/conversations/999999999"), 404);
    expect_problem(owner.get("/api/v1/conversations/not-an-id"), 404);
}

TEST_F(ServicedeskWorkApiTest, PatchChangesTheConversationAndRefusesAStaleVersion) {
    auto owner = owner_of(acme_);
    auto agent = new_acme_user("manager", "Piero Agent");
    // The viewer owns the customer's record, so they may read the conversation (not work on it).
    auto viewer = new_acme_user("viewer", "Vittorio Viewer");
    const auto email = unique_email();
    ASSERT_FALSE(
        create_record(owner, "/api/v1/people",
                      {{"first_name", "Ugo"}, {"last_name", "Owned"}, {"email", email}, {"owner_user_id", viewer.id}})
            .empty());
    const auto id = new_conversation(owner, email, "The app crashes when I pay");
    ASSERT_FALSE(id.empty());
    const auto version = conversation(owner, id)["version"].get<std::int64_t>();
    auto changed = owner.patch("/api/v1/conversations/" + id, {{"status", "open"},
                                                               {"priority", "urgent"},
                                                               {"topic", "product"},
                                                               {"tags", {"payments", " app ", "payments", ""}},
                                                               {"assignee_user_id", agent.id},
                                                               {"version", version}});
    ASSERT_EQ(changed.status, 200) << changed.body;
    auto c = changed.json();
    EXPECT_EQ(c["status"], "open");
    EXPECT_EQ(c["priority"], "urgent");
    EXPECT_EQ(c["topic"], "product");
    EXPECT_EQ(c["tags"], nlohmann::json::array({"app", "payments"}));
    EXPECT_EQ(c["assignee_user_id"], agent.id);
    EXPECT_GT(c["version"].get<std::int64_t>(), version);
    EXPECT_EQ(conversation(owner, id)["topic"], "product");

    // The version read before that change is stale now.
    auto stale = agent.client.patch("/api/v1/conversations/" + id, {{"priority", "low"}, {"version", version}});
    expect_problem(stale, 409);
    EXPECT_EQ(conversation(owner, id)["priority"], "urgent");

    // A topic can be cleared, an assignee removed.
    auto cleared = owner.patch("/api/v1/conversations/" + id,
                               {{"topic", nullptr}, {"assignee_user_id", nullptr}, {"version", c["version"]}});
    ASSERT_EQ(cleared.status, 200) << cleared.body;
    EXPECT_TRUE(cleared.json()["topic"].is_null());
    EXPECT_TRUE(cleared.json()["assignee_user_id"].is_null());

    auto bad =
        owner.patch("/api/v1/conversations/" + id, {{"status", "asleep"}, {"priority", 3}, {"topic", "weather"}});
    expect_problem(bad, 422);
    for (const char* p : {"/status", "/priority", "/topic", "/version"}) EXPECT_TRUE(has_error_at(bad, p)) << p;

    EXPECT_EQ(viewer.client.get("/api/v1/conversations/" + id).status, 200);
    expect_problem(viewer.client.patch("/api/v1/conversations/" + id,
                                       {{"priority", "low"}, {"version", cleared.json()["version"]}}),
                   403);
}

TEST_F(ServicedeskWorkApiTest, AReplyIsQueuedAndWarnsWhenAnotherMessageCameFirst) {
    auto owner = owner_of(acme_);
    auto agent = new_acme_user("manager", "Rita Agent");
    const auto email = unique_email();
    const auto id = new_conversation(owner, email, "Do you ship to Malta?");
    ASSERT_FALSE(id.empty());
    const auto read_before = latest_message_id(owner, id);

    auto first = owner.post("/api/v1/conversations/" + id + "/replies",
                            {{"text", "Yes, we do."}, {"after_message_id", read_before}, {"minutes_spent", 4}});
    ASSERT_EQ(first.status, 201) << first.body;
    auto m = first.json();
    EXPECT_EQ(m["kind"], "reply");
    EXPECT_EQ(m["delivery_status"], "queued");
    EXPECT_EQ(m["text"], "Yes, we do.");
    EXPECT_EQ(m["minutes_spent"], 4);
    EXPECT_EQ(m["channel"], "chat");  // a bridge fetches it from the outbox

    // The second agent read the thread before that reply: warned, with the new message's id.
    auto second = agent.client.post("/api/v1/conversations/" + id + "/replies",
                                    {{"text", "We ship to Malta."}, {"after_message_id", read_before}});
    expect_problem(second, 409);
    EXPECT_NE(second.json()["detail"].get<std::string>().find(m["id"].get<std::string>()), std::string::npos)
        << second.body;
    auto forced =
        agent.client.post("/api/v1/conversations/" + id + "/replies",
                          {{"text", "We ship to Malta."}, {"after_message_id", read_before}, {"force", true}});
    ASSERT_EQ(forced.status, 201) << forced.body;
    auto c = conversation(owner, id);
    ASSERT_EQ(c["messages"].size(), 3u);
    EXPECT_EQ(c["first_response_at"], m["occurred_at"]);

    auto empty = owner.post("/api/v1/conversations/" + id + "/replies",
                            {{"text", " \n "}, {"after_message_id", latest_message_id(owner, id)}});
    expect_problem(empty, 422);
    EXPECT_TRUE(has_error_at(empty, "/text")) << empty.body;
    EXPECT_EQ(conversation(owner, id)["messages"].size(), 3u);
}

TEST_F(ServicedeskWorkApiTest, AnEmailReplyWithoutAMailboxIsRefusedWithTheReason) {
    auto owner = owner_of(acme_);
    // A web-form message is answered by email; this workspace has no mailbox yet.
    auto res = owner.post("/api/v1/conversations", {{"channel", "web_form"},
                                                    {"sender", {{"name", "Lia Form"}, {"email", unique_email()}}},
                                                    {"body", "Please call me back"}});
    ASSERT_EQ(res.status, 201) << res.body;
    const std::string id = res.json()["conversation_id"];
    auto refused = reply(owner, id, "We will.");
    expect_problem(refused, 409);
    EXPECT_NE(refused.json()["detail"].get<std::string>().find("mailbox"), std::string::npos) << refused.body;
    EXPECT_EQ(conversation(owner, id)["messages"].size(), 1u);
    EXPECT_TRUE(contains(view_ids(owner, "unanswered"), id));  // still waiting for an answer

    // The same refusal in Italian.
    auto italian =
        owner.request("POST", "/api/v1/conversations/" + id + "/replies",
                      nlohmann::json{{"text", "Certo."}, {"after_message_id", latest_message_id(owner, id)}}.dump(),
                      {{"Content-Type", "application/json"}, {"Accept-Language", "it"}});
    expect_problem(italian, 409);
    EXPECT_NE(italian.json()["detail"].get<std::string>().find("casella"), std::string::npos) << italian.body;
}

TEST_F(ServicedeskWorkApiTest, NotesAreKeptApartFromTheCustomersTimeline) {
    auto owner = owner_of(acme_);
    auto res = owner.post("/api/v1/conversations", chat_message("", "My bill doubled"));
    ASSERT_EQ(res.status, 201) << res.body;
    const std::string id = res.json()["conversation_id"];
    const std::string person_id = res.json()["person_id"];

    auto note = owner.post("/api/v1/conversations/" + id + "/notes",
                           {{"text", "Internal: check the tariff change"}, {"minutes_spent", 3}});
    ASSERT_EQ(note.status, 201) << note.body;
    EXPECT_EQ(note.json()["kind"], "note");
    EXPECT_TRUE(note.json()["delivery_status"].is_null());  // never sent
    EXPECT_TRUE(note.json()["interaction_id"].is_null());
    expect_problem(owner.post("/api/v1/conversations/" + id + "/notes", {{"text", ""}}), 422);
    // A note is not an answer.
    EXPECT_TRUE(contains(view_ids(owner, "unanswered"), id));

    ASSERT_EQ(reply(owner, id, "We refunded the difference.", {{"minutes_spent", 7}}).status, 201);

    auto timeline = owner.get("/api/v1/people/" + person_id + "/timeline?limit=50");
    ASSERT_EQ(timeline.status, 200) << timeline.body;
    int inbound = 0, outbound = 0;
    const auto entries = timeline.json();  // kept: a range-for over a temporary's member dangles
    for (const auto& entry : entries["items"]) {
        EXPECT_EQ(entry["relationship_type"], "personal_assistance") << timeline.body;
        EXPECT_EQ(entry["body"].get<std::string>().find("Internal"), std::string::npos) << "a note leaked";
        if (entry["direction"] == "inbound") {
            ++inbound;
            EXPECT_EQ(entry["body"], "My bill doubled");
        } else if (entry["direction"] == "outbound") {
            ++outbound;
            EXPECT_EQ(entry["body"], "We refunded the difference.");
            EXPECT_EQ(entry["minutes_spent"], 7);
        }
    }
    EXPECT_EQ(inbound, 1) << timeline.body;
    EXPECT_EQ(outbound, 1) << timeline.body;
}

}  // namespace rapport::testing
