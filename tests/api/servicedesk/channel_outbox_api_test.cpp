// The bridges' outbox over real HTTP: a reply in a chat conversation waits in
// GET /api/v1/outbox?channel=chat until the bridge says it was delivered (sent) or not (failed,
// with the reason, which the agent sees and may retry); other workspaces and email are apart.
#include "api/servicedesk/servicedesk_fixture.hpp"

namespace rapport::testing {

class ServicedeskOutboxApiTest : public ServicedeskApiTest {
protected:
    static std::vector<std::string> outbox_ids(HttpClient& c, const std::string& channel) {
        auto res = c.get("/api/v1/outbox?limit=500&channel=" + channel);
        EXPECT_EQ(res.status, 200) << res.body;
        std::vector<std::string> out;
        const auto body = res.json();
        for (const auto& m : body["items"]) out.push_back(m["id"]);
        return out;
    }
};

TEST_F(ServicedeskOutboxApiTest, ABridgeTakesItsRepliesAndReportsEachDelivery) {
    auto owner = owner_of(acme_);
    const auto first = new_conversation(owner, "", "Is my order on its way?");
    const auto second = new_conversation(owner, "", "Can I change the colour?");
    auto a = reply(owner, first, "Yes, it left today.");
    auto b = reply(owner, second, "Of course: which one?");
    ASSERT_EQ(a.status, 201) << a.body;
    ASSERT_EQ(b.status, 201) << b.body;
    const std::string a_id = a.json()["id"], b_id = b.json()["id"];
    EXPECT_EQ(a.json()["delivery_status"], "queued");

    auto waiting = outbox_ids(owner, "chat");
    EXPECT_TRUE(contains(waiting, a_id));
    EXPECT_TRUE(contains(waiting, b_id));
    EXPECT_TRUE(outbox_ids(owner, "whatsapp").empty() || !contains(outbox_ids(owner, "whatsapp"), a_id));

    auto sent = owner.post("/api/v1/outbox/" + a_id + "/delivery", {{"delivered", true}});
    ASSERT_EQ(sent.status, 200) << sent.body;
    EXPECT_EQ(sent.json()["delivery_status"], "sent");
    auto failed = owner.post("/api/v1/outbox/" + b_id + "/delivery",
                             {{"delivered", false}, {"error", "the customer blocked the business number"}});
    ASSERT_EQ(failed.status, 200) << failed.body;
    EXPECT_EQ(failed.json()["delivery_status"], "failed");
    EXPECT_EQ(failed.json()["delivery_error"], "the customer blocked the business number");
    waiting = outbox_ids(owner, "chat");
    EXPECT_FALSE(contains(waiting, a_id));
    EXPECT_FALSE(contains(waiting, b_id));

    // The agent sees the failure in the thread and sends it again: it is back in the outbox.
    auto retry =
        owner.post("/api/v1/conversations/" + second + "/messages/" + b_id + "/retry", nlohmann::json::object());
    ASSERT_EQ(retry.status, 200) << retry.body;
    EXPECT_TRUE(contains(outbox_ids(owner, "chat"), b_id));
}

TEST_F(ServicedeskOutboxApiTest, EmailIsNotABridgeAndOtherWorkspacesSeeNothing) {
    auto owner = owner_of(acme_);
    const auto id = new_conversation(owner, "", "Hello from the chat");
    auto r = reply(owner, id, "Hello!");
    ASSERT_EQ(r.status, 201) << r.body;
    const std::string reply_id = r.json()["id"];

    auto email = owner.get("/api/v1/outbox?channel=email");
    EXPECT_EQ(email.status, 422) << email.body;
    EXPECT_EQ(owner.get("/api/v1/outbox").status, 422);

    auto other = owner_of(globex_);
    EXPECT_FALSE(contains(outbox_ids(other, "chat"), reply_id));
    EXPECT_EQ(other.post("/api/v1/outbox/" + reply_id + "/delivery", {{"delivered", true}}).status, 404);
    EXPECT_EQ(owner.post("/api/v1/outbox/" + reply_id + "/delivery", nlohmann::json::object()).status, 422);
}

}  // namespace rapport::testing
