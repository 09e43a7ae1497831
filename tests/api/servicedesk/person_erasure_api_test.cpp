// Erasing a person (GDPR art. 17) erases what the service desk holds about them, over real HTTP
// and in the privacy area's one transaction: the text, addresses and subject of every message
// of their conversations (their own and the replies to them) and their inbox rows' previews,
// while the figures stay: messages, kinds and times.
#include "api/servicedesk/servicedesk_fixture.hpp"

namespace rapport::testing {

class ServicedeskPersonErasureApiTest : public ServicedeskApiTest {};

TEST_F(ServicedeskPersonErasureApiTest, ErasingAPersonErasesTheirConversationsButKeepsTheFigures) {
    auto owner = owner_of(acme_);
    const auto email = unique_email();
    const auto id =
        new_conversation(owner, email, "My card ending 4242 was charged twice", {{"subject", "Double charge"}});
    ASSERT_FALSE(id.empty());
    auto reply = owner.post("/api/v1/conversations/" + id + "/replies",
                            {{"text", "Dear customer, we refunded the card ending 4242."},
                             {"after_message_id", latest_message_id(owner, id)},
                             {"minutes_spent", 6}});
    ASSERT_EQ(reply.status, 201) << reply.body;
    // Someone else's conversation stays as it is.
    const auto other = new_conversation(owner, unique_email(), "Where is my parcel?", {{"subject", "Parcel"}});
    ASSERT_FALSE(other.empty());

    const auto before = conversation(owner, id);
    const std::string person_id = before["person"]["id"];
    auto erased = owner.post("/api/v1/people/" + person_id + "/erase", nlohmann::json::object());
    ASSERT_TRUE(erased.status == 200 || erased.status == 204) << erased.status << " " << erased.body;

    const auto after = conversation(owner, id);
    EXPECT_EQ(after["subject"], "");
    ASSERT_EQ(after["messages"].size(), 2u);
    for (const auto& m : after["messages"]) {
        EXPECT_EQ(m["text"], "") << m.dump();
        EXPECT_EQ(m["subject"], "") << m.dump();
        EXPECT_TRUE(m["from_address"].is_null()) << m.dump();
        EXPECT_EQ(after.dump().find("4242"), std::string::npos);
    }
    EXPECT_EQ(after["messages"][0]["kind"], "inbound");
    EXPECT_EQ(after["messages"][1]["kind"], "reply");
    EXPECT_EQ(after["messages"][1]["minutes_spent"], 6);
    auto row = row_of(owner, id);
    ASSERT_TRUE(row.is_object());
    EXPECT_EQ(row["preview"], "");
    EXPECT_EQ(row["message_count"], 2);

    const auto untouched = conversation(owner, other);
    EXPECT_EQ(untouched["subject"], "Parcel");
    EXPECT_EQ(untouched["messages"][0]["text"], "Where is my parcel?");
}

}  // namespace rapport::testing
