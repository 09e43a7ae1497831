// The inbox views over real HTTP: unanswered (oldest first, and never wrong: a reply or "no
// reply needed" takes a conversation off, a new customer message brings it back), unassigned,
// mine, waiting, open, resolved and all, with keyset paging and the counts.
#include <set>

#include "api/servicedesk/servicedesk_fixture.hpp"

namespace rapport::testing {

class ServicedeskViewsApiTest : public ServicedeskApiTest {};

TEST_F(ServicedeskViewsApiTest, UnansweredListsTheOldestFirst) {
    auto owner = owner_of(acme_);
    // Posted newest first, with their own times: the view orders by when the customer wrote.
    const std::int64_t base = 1'700'000'000'000;
    const auto late = new_conversation(owner, "", "third", {{"occurred_at", base + 3'000}});
    const auto early = new_conversation(owner, "", "first", {{"occurred_at", base + 1'000}});
    const auto middle = new_conversation(owner, "", "second", {{"occurred_at", base + 2'000}});
    auto res = owner.get("/api/v1/conversations?view=unanswered&limit=200");
    ASSERT_EQ(res.status, 200) << res.body;
    std::vector<std::string> mine;
    std::int64_t previous = 0;
    const auto listed = res.json();
    for (const auto& item : listed["items"]) {
        const auto since = item["awaiting_since"].get<std::int64_t>();
        EXPECT_LE(previous, since) << res.body;
        previous = since;
        const std::string id = item["id"];
        if (id == late || id == early || id == middle) mine.push_back(id);
    }
    EXPECT_EQ(mine, (std::vector<std::string>{early, middle, late}));
}

TEST_F(ServicedeskViewsApiTest, UnansweredIsNeverWrong) {
    auto owner = owner_of(acme_);
    const auto email = unique_email();
    const auto id = new_conversation(owner, email, "Where is my parcel?");
    ASSERT_FALSE(id.empty());
    EXPECT_TRUE(contains(view_ids(owner, "unanswered"), id));

    // A reply takes it off and marks the customer's message answered.
    auto sent = reply(owner, id, "It left our warehouse today.");
    ASSERT_EQ(sent.status, 201) << sent.body;
    EXPECT_FALSE(contains(view_ids(owner, "unanswered"), id));
    auto c = conversation(owner, id);
    EXPECT_TRUE(c["awaiting_since"].is_null());
    EXPECT_FALSE(c["messages"][0]["answered_at"].is_null());

    // The customer writes again (threaded by the ticket reference): it is back.
    const auto number = c["number"].get<std::int64_t>();
    auto again = owner.post("/api/v1/conversations",
                            chat_message(email, "Still nothing.", {{"subject", "[#" + std::to_string(number) + "]"}}));
    ASSERT_EQ(again.status, 201) << again.body;
    ASSERT_EQ(again.json()["conversation_id"], id);
    EXPECT_TRUE(contains(view_ids(owner, "unanswered"), id));
    EXPECT_FALSE(conversation(owner, id)["awaiting_since"].is_null());

    // "No reply needed" needs a reason; with one it takes it off and records the reason.
    auto no_reason = owner.post("/api/v1/conversations/" + id + "/no-reply", {{"reason", "   "}});
    expect_problem(no_reason, 422);
    EXPECT_TRUE(has_error_at(no_reason, "/reason")) << no_reason.body;
    EXPECT_TRUE(contains(view_ids(owner, "unanswered"), id));
    auto closed = owner.post("/api/v1/conversations/" + id + "/no-reply", {{"reason", "the customer said thanks"}});
    ASSERT_EQ(closed.status, 200) << closed.body;
    EXPECT_TRUE(closed.json()["awaiting_since"].is_null());
    EXPECT_FALSE(contains(view_ids(owner, "unanswered"), id));
    auto messages = conversation(owner, id)["messages"];
    ASSERT_EQ(messages.size(), 3u);
    EXPECT_EQ(messages[2]["kind"], "inbound");
    EXPECT_EQ(messages[2]["no_reply_reason"], "the customer said thanks");
    EXPECT_FALSE(messages[2]["answered_at"].is_null());
    EXPECT_TRUE(messages[0]["no_reply_reason"].is_null());  // answered by the reply, not closed
}

TEST_F(ServicedeskViewsApiTest, TheViewsFollowStatusAndAssignee) {
    auto owner = owner_of(acme_);
    auto agent = new_acme_user("manager", "Agnese Agent");
    const auto id = new_conversation(owner, "", "Can I change my order?");
    ASSERT_FALSE(id.empty());
    EXPECT_TRUE(contains(view_ids(owner, "unassigned"), id));
    EXPECT_TRUE(contains(view_ids(owner, "open"), id));
    EXPECT_TRUE(contains(view_ids(owner, "all"), id));
    EXPECT_FALSE(contains(view_ids(agent.client, "mine"), id));
    EXPECT_FALSE(contains(view_ids(owner, "waiting"), id));
    EXPECT_FALSE(contains(view_ids(owner, "resolved"), id));

    auto version = conversation(owner, id)["version"];
    auto assigned = owner.patch("/api/v1/conversations/" + id, {{"assignee_user_id", agent.id}, {"version", version}});
    ASSERT_EQ(assigned.status, 200) << assigned.body;
    EXPECT_EQ(assigned.json()["assignee_user_id"], agent.id);
    EXPECT_EQ(assigned.json()["assignee_name"], "Agnese Agent");
    EXPECT_TRUE(contains(view_ids(agent.client, "mine"), id));
    EXPECT_FALSE(contains(view_ids(owner, "mine"), id));
    EXPECT_FALSE(contains(view_ids(owner, "unassigned"), id));

    // The agent answers and waits on the customer.
    auto sent = reply(agent.client, id, "Yes, tell me what to change.", {{"status_after", "pending"}});
    ASSERT_EQ(sent.status, 201) << sent.body;
    EXPECT_TRUE(contains(view_ids(owner, "waiting"), id));
    EXPECT_TRUE(contains(view_ids(owner, "open"), id));

    version = conversation(owner, id)["version"];
    auto resolved = agent.client.patch("/api/v1/conversations/" + id, {{"status", "resolved"}, {"version", version}});
    ASSERT_EQ(resolved.status, 200) << resolved.body;
    EXPECT_EQ(resolved.json()["status"], "resolved");
    EXPECT_TRUE(contains(view_ids(owner, "resolved"), id));
    EXPECT_FALSE(contains(view_ids(owner, "open"), id));
    EXPECT_FALSE(contains(view_ids(owner, "waiting"), id));
    EXPECT_FALSE(contains(view_ids(agent.client, "mine"), id));
    EXPECT_TRUE(contains(view_ids(owner, "all"), id));

    // The customer writes again: the conversation is open and unanswered again.
    const auto number = resolved.json()["number"].get<std::int64_t>();
    auto again = owner.post("/api/v1/conversations", chat_message(unique_email(), "One more thing",
                                                                  {{"subject", "[#" + std::to_string(number) + "]"}}));
    ASSERT_EQ(again.status, 201) << again.body;
    EXPECT_EQ(again.json()["conversation_id"], id);
    EXPECT_EQ(conversation(owner, id)["status"], "open");
    EXPECT_TRUE(contains(view_ids(owner, "open"), id));
    EXPECT_TRUE(contains(view_ids(owner, "unanswered"), id));
    EXPECT_FALSE(contains(view_ids(owner, "resolved"), id));

    auto bad = owner.get("/api/v1/conversations?view=someday&limit=0");
    expect_problem(bad, 422);
    EXPECT_TRUE(has_error_at(bad, "?view")) << bad.body;
    EXPECT_TRUE(has_error_at(bad, "?limit")) << bad.body;
}

TEST_F(ServicedeskViewsApiTest, PagingVisitsEveryConversationOnce) {
    auto owner = owner_of(acme_);
    const std::int64_t base = 1'650'000'000'000;
    std::set<std::string> created;
    for (int i = 0; i < 7; ++i) {
        // Two share each time, so the id must break the ties.
        created.insert(new_conversation(owner, "", "message " + std::to_string(i), {{"occurred_at", base + i / 2}}));
    }
    for (const std::string view : {"all", "unanswered"}) {
        std::vector<std::string> seen;
        std::string cursor;
        int pages = 0;
        do {
            auto res = owner.get("/api/v1/conversations?view=" + view + "&limit=3" +
                                 (cursor.empty() ? "" : "&cursor=" + url_encode(cursor)));
            ASSERT_EQ(res.status, 200) << res.body;
            auto body = res.json();
            EXPECT_LE(body["items"].size(), 3u);
            for (const auto& i : body["items"]) seen.push_back(i["id"]);
            cursor = body["next_cursor"].is_string() ? body["next_cursor"].get<std::string>() : "";
        } while (!cursor.empty() && ++pages < 200);
        std::set<std::string> unique(seen.begin(), seen.end());
        EXPECT_EQ(unique.size(), seen.size()) << view << ": a conversation was listed twice";
        EXPECT_EQ(seen, view_ids(owner, view)) << view << ": pages differ from one long page";
        for (const auto& id : created) EXPECT_TRUE(unique.count(id)) << view << " lost " << id;
    }
    expect_problem(owner.get("/api/v1/conversations?cursor=not-a-cursor"), 422);
}

TEST_F(ServicedeskViewsApiTest, CountsAgreeWithTheViews) {
    auto owner = owner_of(acme_);
    auto counts = [&] {
        auto res = owner.get("/api/v1/conversations/counts");
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json();
    };
    const auto before = counts();
    for (const char* k : {"unanswered", "unassigned", "mine", "waiting", "breaching", "open"}) {
        EXPECT_TRUE(before[k].is_number_integer()) << k;
    }
    const auto id = new_conversation(owner, "", "Counting on you");
    ASSERT_FALSE(id.empty());
    const auto after = counts();
    EXPECT_EQ(after["unanswered"], before["unanswered"].get<int>() + 1);
    EXPECT_EQ(after["unassigned"], before["unassigned"].get<int>() + 1);
    EXPECT_EQ(after["open"], before["open"].get<int>() + 1);
    EXPECT_EQ(after["unanswered"].get<std::size_t>(), view_ids(owner, "unanswered").size());
    EXPECT_EQ(after["open"].get<std::size_t>(), view_ids(owner, "open").size());

    ASSERT_EQ(reply(owner, id, "Counted.").status, 201);  // answers it and makes the owner its assignee
    const auto answered = counts();
    EXPECT_EQ(answered["unanswered"], before["unanswered"]);
    EXPECT_EQ(answered["unassigned"], before["unassigned"]);
    EXPECT_EQ(answered["mine"], before["mine"].get<int>() + 1);
    EXPECT_EQ(answered["mine"].get<std::size_t>(), view_ids(owner, "mine").size());
}

}  // namespace rapport::testing
