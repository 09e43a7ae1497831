// POST /api/v1/conversations over real HTTP: a message from a chat or WhatsApp bridge finds or
// creates its sender (source "channel:<name>", first-party), a repeated delivery is stored
// once, bad input names each field, and only members may post.
#include "api/servicedesk/servicedesk_fixture.hpp"

namespace rapport::testing {

class ServicedeskIntakeApiTest : public ServicedeskApiTest {};

TEST_F(ServicedeskIntakeApiTest, AWhatsAppMessageCreatesAFirstPartyPersonAndAConversation) {
    auto owner = owner_of(acme_);
    auto res =
        owner.post("/api/v1/conversations", {{"channel", "whatsapp"},
                                             {"sender", {{"name", "Giulia Verdi"}, {"phone", "+39 347 123 4567"}}},
                                             {"body", "Buongiorno, il mio ordine non è arrivato"}});
    ASSERT_EQ(res.status, 201) << res.body;
    auto out = res.json();
    EXPECT_EQ(out["outcome"], "stored");
    EXPECT_EQ(out["created_conversation"], true);
    EXPECT_EQ(out["created_person"], true);
    ASSERT_TRUE(out["person_id"].is_string()) << res.body;

    auto person = owner.get("/api/v1/people/" + out["person_id"].get<std::string>());
    ASSERT_EQ(person.status, 200) << person.body;
    auto p = person.json();
    EXPECT_EQ(p["fields"]["first_name"], "Giulia");
    EXPECT_EQ(p["fields"]["last_name"], "Verdi");
    EXPECT_EQ(p["fields"]["phone"], "+393471234567");
    ASSERT_TRUE(p["provenance"].contains("phone")) << person.body;
    EXPECT_EQ(p["provenance"]["phone"]["source"], "connector");
    EXPECT_NE(p["provenance"]["phone"]["ref"].get<std::string>().find("channel:whatsapp"), std::string::npos)
        << person.body;
    EXPECT_EQ(p["provenance"]["phone"]["data_kind"], "first_party");

    auto c = conversation(owner, out["conversation_id"]);
    EXPECT_EQ(c["channel"], "whatsapp");
    EXPECT_EQ(c["status"], "new");
    EXPECT_EQ(c["subject"], "Buongiorno, il mio ordine non è arrivato");  // the first line, when no subject
    EXPECT_EQ(c["person"]["id"], out["person_id"]);
    ASSERT_EQ(c["messages"].size(), 1u);
    EXPECT_EQ(c["messages"][0]["kind"], "inbound");
    EXPECT_EQ(c["messages"][0]["id"], out["message_id"]);
    EXPECT_EQ(c["messages"][0]["from_address"], "+39 347 123 4567");  // as the bridge gave it

    // The same phone written another way is the same person.
    auto again = owner.post("/api/v1/conversations", {{"channel", "whatsapp"},
                                                      {"sender", {{"name", "Giulia"}, {"phone", "+393471234567"}}},
                                                      {"body", "Ciao, ci sono novità?"}});
    ASSERT_EQ(again.status, 201) << again.body;
    EXPECT_EQ(again.json()["person_id"], out["person_id"]);
    EXPECT_EQ(again.json()["created_person"], false);
}

TEST_F(ServicedeskIntakeApiTest, TheSameExternalIdTwiceIsStoredOnce) {
    auto owner = owner_of(acme_);
    const auto email = unique_email();
    auto body = chat_message(email, "Is the shop open on Sunday?", {{"external_id", "msg-42"}});
    auto first = owner.post("/api/v1/conversations", body);
    ASSERT_EQ(first.status, 201) << first.body;
    auto again = owner.post("/api/v1/conversations", body);
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.json()["outcome"], "duplicate");
    EXPECT_EQ(again.json()["message_id"], first.json()["message_id"]);
    EXPECT_EQ(again.json()["conversation_id"], first.json()["conversation_id"]);
    EXPECT_EQ(conversation(owner, first.json()["conversation_id"])["messages"].size(), 1u);
    // The same id from another channel is another message.
    body["channel"] = "telegram";
    EXPECT_EQ(owner.post("/api/v1/conversations", body).status, 201);
}

TEST_F(ServicedeskIntakeApiTest, AKnownEmailMatchesTheExistingPerson) {
    auto owner = owner_of(acme_);
    const auto email = unique_email();
    const auto person_id =
        create_record(owner, "/api/v1/people", {{"first_name", "Marta"}, {"last_name", "Rossi"}, {"email", email}});
    ASSERT_FALSE(person_id.empty());
    std::string upper = email;
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    auto res = owner.post("/api/v1/conversations", chat_message(upper, "Hello again"));
    ASSERT_EQ(res.status, 201) << res.body;
    EXPECT_EQ(res.json()["person_id"], person_id);
    EXPECT_EQ(res.json()["created_person"], false);
    EXPECT_EQ(conversation(owner, res.json()["conversation_id"])["person"]["id"], person_id);
}

TEST_F(ServicedeskIntakeApiTest, BadInputNamesEachField) {
    auto owner = owner_of(acme_);
    auto res = owner.post("/api/v1/conversations", {{"channel", "Email!"}, {"body", "  "}});
    expect_problem(res, 422);
    EXPECT_TRUE(has_error_at(res, "/channel")) << res.body;
    EXPECT_TRUE(has_error_at(res, "/sender")) << res.body;
    EXPECT_TRUE(has_error_at(res, "/body")) << res.body;

    auto missing = owner.post("/api/v1/conversations", nlohmann::json::object());
    expect_problem(missing, 422);
    for (const char* p : {"/channel", "/sender", "/body"}) EXPECT_TRUE(has_error_at(missing, p)) << p << missing.body;

    // "email" arrives through mailboxes only; a sender needs an email or a phone.
    auto email_channel = owner.post("/api/v1/conversations",
                                    {{"channel", "email"}, {"sender", {{"name", "No Contact"}}}, {"body", "hello"}});
    expect_problem(email_channel, 422);
    EXPECT_TRUE(has_error_at(email_channel, "/channel")) << email_channel.body;
    EXPECT_TRUE(has_error_at(email_channel, "/sender")) << email_channel.body;
}

TEST_F(ServicedeskIntakeApiTest, AViewerMayNotPostAMessage) {
    auto viewer = new_acme_user("viewer", "Vera Viewer");
    auto res = viewer.client.post("/api/v1/conversations", chat_message("", "I am not an agent"));
    expect_problem(res, 403);
    auto key = with_key(server_->api_key("acme", "viewer"));
    expect_problem(key.post("/api/v1/conversations", chat_message("", "nor am I")), 403);
    // An API key of a member is how a bridge posts.
    auto bridge = with_key(server_->api_key("acme", "member"));
    EXPECT_EQ(bridge.post("/api/v1/conversations", chat_message("", "from the bridge")).status, 201);
}

TEST_F(ServicedeskIntakeApiTest, ASubjectWithATicketReferenceThreadsIntoThatConversation) {
    auto owner = owner_of(acme_);
    const auto email = unique_email();
    const auto id = new_conversation(owner, email, "My invoice is wrong", {{"subject", "Invoice 2026-17"}});
    ASSERT_FALSE(id.empty());
    const auto number = conversation(owner, id)["number"].get<std::int64_t>();
    auto follow = owner.post("/api/v1/conversations",
                             chat_message(unique_email(), "Any news?",
                                          {{"subject", "Re: Invoice 2026-17 [#" + std::to_string(number) + "]"}}));
    ASSERT_EQ(follow.status, 201) << follow.body;
    EXPECT_EQ(follow.json()["conversation_id"], id);
    EXPECT_EQ(follow.json()["created_conversation"], false);
    auto c = conversation(owner, id);
    ASSERT_EQ(c["messages"].size(), 2u);
    EXPECT_EQ(c["messages"][0]["text"], "My invoice is wrong");
    EXPECT_EQ(c["messages"][1]["text"], "Any news?");
    // A reference to a conversation that does not exist starts a new one.
    auto stray = owner.post("/api/v1/conversations", chat_message(email, "Hi", {{"subject", "Re: [#999999]"}}));
    ASSERT_EQ(stray.status, 201) << stray.body;
    EXPECT_EQ(stray.json()["created_conversation"], true);
}

}  // namespace rapport::testing
