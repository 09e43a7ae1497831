// Who sees which conversations, over real HTTP: another workspace sees none of them (nor the
// mailboxes), and a buyer's partner user sees only the conversations with that buyer's
// consumers.
#include "api/servicedesk/servicedesk_fixture.hpp"

namespace rapport::testing {

class ServicedeskIsolationApiTest : public ServicedeskApiTest {};

TEST_F(ServicedeskIsolationApiTest, AnotherWorkspaceSeesNoneOfTheConversationsOrMailboxes) {
    auto acme = owner_of(acme_);
    auto globex = owner_of(globex_);
    const auto id = new_conversation(acme, "", "Acme's customer writes");
    ASSERT_FALSE(id.empty());
    auto mailbox = acme.post("/api/v1/mailboxes", {{"name", "Acme support"},
                                                   {"address", "support@acme.test"},
                                                   {"imap", {{"host", "127.0.0.1"}, {"port", 1}}},
                                                   {"smtp", {{"host", "127.0.0.1"}, {"port", 1}}},
                                                   {"enabled", false}});
    ASSERT_EQ(mailbox.status, 201) << mailbox.body;
    const std::string mailbox_id = mailbox.json()["id"];

    for (const char* view : {"all", "unanswered", "unassigned", "open"}) {
        EXPECT_TRUE(view_ids(globex, view).empty()) << view;
    }
    auto counts = globex.get("/api/v1/conversations/counts").json();
    EXPECT_EQ(counts["unanswered"], 0);
    EXPECT_EQ(counts["open"], 0);
    expect_problem(globex.get("/api/v1/conversations/" + id), 404);
    expect_problem(globex.patch("/api/v1/conversations/" + id, {{"priority", "low"}, {"version", 1}}), 404);
    expect_problem(globex.post("/api/v1/conversations/" + id + "/replies", {{"text", "mine now"}, {"force", true}}),
                   404);
    expect_problem(globex.post("/api/v1/conversations/" + id + "/notes", {{"text", "peek"}}), 404);
    expect_problem(globex.post("/api/v1/conversations/" + id + "/no-reply", {{"reason", "peek"}}), 404);

    // Globex's own conversation cannot be merged into Acme's.
    const auto theirs = new_conversation(globex, "", "Globex's customer writes");
    expect_problem(globex.post("/api/v1/conversations/" + theirs + "/merge", {{"into_id", id}}), 404);
    EXPECT_EQ(conversation(acme, id)["messages"].size(), 1u);
    EXPECT_FALSE(contains(view_ids(acme, "all"), theirs));

    auto mailboxes = globex.get("/api/v1/mailboxes");
    ASSERT_EQ(mailboxes.status, 200) << mailboxes.body;
    EXPECT_TRUE(mailboxes.json()["items"].empty());
    expect_problem(globex.get("/api/v1/mailboxes/" + mailbox_id), 404);
    expect_problem(globex.patch("/api/v1/mailboxes/" + mailbox_id, {{"name", "Mine"}}), 404);
    expect_problem(globex.del("/api/v1/mailboxes/" + mailbox_id), 404);
    EXPECT_EQ(acme.get("/api/v1/mailboxes/" + mailbox_id).json()["name"], "Acme support");

    // The same external id in two workspaces is two messages.
    auto body = chat_message("", "same id", {{"external_id", "shared-7"}});
    EXPECT_EQ(acme.post("/api/v1/conversations", body).status, 201);
    EXPECT_EQ(globex.post("/api/v1/conversations", body).status, 201);
}

TEST_F(ServicedeskIsolationApiTest, APartnerSeesOnlyTheConversationsWithTheirBuyersConsumers) {
    auto owner = owner_of(acme_);
    const auto buyer =
        create_record(owner, "/api/v1/companies",
                      {{"legal_name", "Nordic Retail Ltd"}, {"country", "GB"}, {"buyer_kind", "retailer"}});
    const auto other_buyer =
        create_record(owner, "/api/v1/companies",
                      {{"legal_name", "Sur Distribucion SL"}, {"country", "ES"}, {"buyer_kind", "distributor"}});
    ASSERT_FALSE(buyer.empty());
    const auto consumer_email = unique_email();
    const auto other_email = unique_email();
    create_record(
        owner, "/api/v1/people",
        {{"first_name", "Nora"}, {"last_name", "North"}, {"email", consumer_email}, {"buyer_company_id", buyer}});
    create_record(
        owner, "/api/v1/people",
        {{"first_name", "Sara"}, {"last_name", "South"}, {"email", other_email}, {"buyer_company_id", other_buyer}});

    const auto ours = new_conversation(owner, consumer_email, "My kettle leaks");
    const auto theirs = new_conversation(owner, other_email, "My toaster burns");
    const auto direct = new_conversation(owner, "", "A direct customer");
    ASSERT_FALSE(ours.empty());
    EXPECT_EQ(conversation(owner, ours)["company"]["id"], buyer);

    auto partner = new_acme_user("member", "Paolo Partner");
    ASSERT_EQ(owner.put("/api/v1/companies/" + buyer + "/partition/partners/" + partner.id, nlohmann::json{}).status,
              200);

    for (const char* view : {"all", "unanswered", "unassigned", "open"}) {
        auto ids = view_ids(partner.client, view);
        EXPECT_TRUE(contains(ids, ours)) << view;
        EXPECT_FALSE(contains(ids, theirs)) << view;
        EXPECT_FALSE(contains(ids, direct)) << view;
    }
    EXPECT_EQ(partner.client.get("/api/v1/conversations/counts").json()["unanswered"], 1);
    EXPECT_EQ(conversation(partner.client, ours)["messages"].size(), 1u);
    expect_problem(partner.client.get("/api/v1/conversations/" + theirs), 404);
    expect_problem(partner.client.get("/api/v1/conversations/" + direct), 404);
    expect_problem(partner.client.post("/api/v1/conversations/" + direct + "/notes", {{"text", "peek"}}), 404);
    // They work on their own consumer's conversation.
    auto answered = reply(partner.client, ours, "We will send a new one.");
    EXPECT_EQ(answered.status, 201) << answered.body;

    // A manager without a grant on the buyers sees the direct customer only.
    auto member = new_acme_user("manager", "Mino Manager");
    auto ids = view_ids(member.client, "all");
    EXPECT_TRUE(contains(ids, direct));
    EXPECT_FALSE(contains(ids, ours));
    EXPECT_FALSE(contains(ids, theirs));
}

}  // namespace rapport::testing

namespace rapport::testing {

// A member (read scope "team") who does not own the customer's record still sees what they are
// assigned and their team's inbox: an agent's work follows the conversation, not only the record.
TEST_F(ServicedeskIsolationApiTest, AMemberSeesTheConversationsAssignedToThemOrTheirTeam) {
    auto owner = owner_of(acme_);
    auto agent = new_acme_user("member", "Marco Member");
    auto team = owner.post(
        "/api/v1/teams", {{"name", unique_name("Care")}, {"kind", "service"}, {"members", {{{"user_id", agent.id}}}}});
    ASSERT_EQ(team.status, 201) << team.body;
    const std::string team_id = team.json()["id"];

    const auto assigned = new_conversation(owner, "", "Assigned to Marco");
    auto version = conversation(owner, assigned)["version"];
    ASSERT_EQ(
        owner.patch("/api/v1/conversations/" + assigned, {{"assignee_user_id", agent.id}, {"version", version}}).status,
        200);
    EXPECT_TRUE(contains(view_ids(agent.client, "mine"), assigned));
    EXPECT_EQ(agent.client.get("/api/v1/conversations/" + assigned).status, 200);
    EXPECT_EQ(reply(agent.client, assigned, "On it.").status, 201);

    const auto teams = new_conversation(owner, "", "For the care team", {{"team_id", team_id}});
    EXPECT_TRUE(contains(view_ids(agent.client, "unassigned"), teams));
    EXPECT_EQ(agent.client.get("/api/v1/conversations/" + teams).status, 200);
}

}  // namespace rapport::testing
