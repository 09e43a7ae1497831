// Canned replies over real HTTP: managers write them, members read and render them for a
// conversation in the customer's language, unknown placeholders are refused naming them, and
// workspaces never see each other's templates.
#include "api/api_fixture.hpp"

namespace rapport::testing {

class CannedReplyApiTest : public ApiTest {
protected:
    static std::string create_reply(HttpClient& c, const std::string& name, const std::string& language,
                                    const std::string& body) {
        auto res = c.post("/api/v1/canned-replies", {{"name", name}, {"language", language}, {"body", body}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["id"].get<std::string>() : std::string();
    }
    // A conversation from a customer (created with their language) through the API channel.
    static std::string conversation_with(HttpClient& owner, const std::string& first, const std::string& last,
                                         const std::string& language, const std::string& subject,
                                         const std::string& agent_id) {
        const auto email = unique_name("c") + "@example.com";
        // The agent's own customer, so that a member may read the conversation.
        nlohmann::json fields = {
            {"first_name", first}, {"last_name", last}, {"email", email}, {"owner_user_id", agent_id}};
        if (!language.empty()) fields["language"] = language;
        create_record(owner, "/api/v1/people", fields);
        auto res = owner.post("/api/v1/conversations", {{"channel", "chat"},
                                                        {"subject", subject},
                                                        {"body", "Hello, where is my order?"},
                                                        {"sender", {{"name", first + " " + last}, {"email", email}}}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["conversation_id"].get<std::string>() : std::string();
    }
};

TEST_F(CannedReplyApiTest, ManagersWriteMembersReadViewersCannot) {
    auto manager = new_acme_user("manager", "Mara Manager");
    auto member = new_acme_user("member", "Milo Member");
    const auto id = create_reply(manager.client, unique_name("Welcome"), "en", "Hi {{customer.first_name}}");
    ASSERT_FALSE(id.empty());
    auto list = member.client.get("/api/v1/canned-replies");
    ASSERT_EQ(list.status, 200) << list.body;
    bool found = false;
    const auto listed = list.json();
    for (const auto& item : listed["items"]) found = found || item["id"] == id;
    EXPECT_TRUE(found) << list.body;
    expect_problem(member.client.post("/api/v1/canned-replies", {{"name", "x"}, {"language", "en"}, {"body", "y"}}),
                   403);
    expect_problem(member.client.patch("/api/v1/canned-replies/" + id, {{"body", "changed"}}), 403);
    expect_problem(member.client.del("/api/v1/canned-replies/" + id), 403);

    auto patched = manager.client.patch("/api/v1/canned-replies/" + id, {{"body", "Hello {{customer.name}}"}});
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(patched.json()["body"], "Hello {{customer.name}}");
    EXPECT_EQ(manager.client.del("/api/v1/canned-replies/" + id).status, 204);
    expect_problem(manager.client.patch("/api/v1/canned-replies/" + id, {{"body", "gone"}}), 404);
}

TEST_F(CannedReplyApiTest, UnknownPlaceholdersAreA422NamingThem) {
    auto owner = owner_of(acme_);
    auto res = owner.post(
        "/api/v1/canned-replies",
        {{"name", unique_name("Bad")}, {"language", "en"}, {"body", "Hi {{customer.nickname}}, order {{order.id}}"}});
    expect_problem(res, 422);
    EXPECT_TRUE(has_error_at(res, "/body")) << res.body;
    EXPECT_NE(res.body.find("{{customer.nickname}}"), std::string::npos) << res.body;
    EXPECT_NE(res.body.find("{{order.id}}"), std::string::npos) << res.body;
    // In the reader's language, with the plural count of the fields.
    auto it = owner.request("POST", "/api/v1/canned-replies",
                            nlohmann::json{{"name", ""}, {"language", "fr"}, {"body", "x"}}.dump(),
                            {{"Content-Type", "application/json"}, {"Accept-Language", "it"}});
    expect_problem(it, 422);
    EXPECT_NE(it.json()["detail"].get<std::string>().find("2 campi"), std::string::npos) << it.body;
    EXPECT_TRUE(has_error_at(it, "/name"));
    EXPECT_TRUE(has_error_at(it, "/language"));
}

TEST_F(CannedReplyApiTest, ASecondVersionInTheSameLanguageIsAConflict) {
    auto owner = owner_of(acme_);
    const auto name = unique_name("Dup");
    create_reply(owner, name, "en", "one");
    expect_problem(owner.post("/api/v1/canned-replies", {{"name", name}, {"language", "en"}, {"body", "two"}}), 409);
    create_reply(owner, name, "it", "uno");
}

TEST_F(CannedReplyApiTest, RendersInTheCustomersLanguageWithTheirDetails) {
    auto owner = owner_of(acme_);
    auto agent = new_acme_user("member", "Alba Agente");
    const auto name = unique_name("Thanks");
    const auto en = create_reply(owner, name, "en",
                                 "Dear {{customer.first_name}} {{customer.last_name}}, {{agent.name}} here about "
                                 "#{{conversation.number}} ({{conversation.subject}})");
    create_reply(owner, name, "it", "Ciao {{customer.first_name}}, sono {{agent.name}}: {{customer.name}}");

    const auto italian = conversation_with(owner, "Giulia", "Rossi", "it", "Ordine in ritardo", agent.id);
    auto res = agent.client.get("/api/v1/conversations/" + italian + "/canned-replies/" + en);
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json()["text"], "Ciao Giulia, sono Alba Agente: Giulia Rossi");
    EXPECT_EQ(res.json()["language"], "it");

    // No Portuguese version: the workspace default (English).
    const auto portuguese = conversation_with(owner, "Ana", "Souza", "pt", "Pedido", agent.id);
    auto conv = owner.get("/api/v1/conversations/" + portuguese).json();
    res = agent.client.get("/api/v1/conversations/" + portuguese + "/canned-replies/" + en);
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json()["text"],
              "Dear Ana Souza, Alba Agente here about #" + std::to_string(conv["number"].get<int>()) + " (Pedido)");
    EXPECT_EQ(res.json()["language"], "en");

    // A viewer only reads; another workspace sees neither the template nor the conversation.
    auto viewer = new_acme_user("viewer", "Vera Viewer");
    expect_problem(viewer.client.get("/api/v1/conversations/" + italian + "/canned-replies/" + en), 403);
    auto globex = owner_of(globex_);
    expect_problem(globex.get("/api/v1/conversations/" + italian + "/canned-replies/" + en), 404);
    const auto theirs = globex.get("/api/v1/canned-replies").json();
    ASSERT_TRUE(theirs["items"].is_array());
    for (const auto& item : theirs["items"]) EXPECT_NE(item["id"], en);
    expect_problem(globex.patch("/api/v1/canned-replies/" + en, {{"body", "mine"}}), 404);
}

}  // namespace rapport::testing
