// Satisfaction over real HTTP: resolving a conversation asks for a CSAT rating once per
// resolution; its signed link opens a public page and is answered once; a changed token is
// refused; results per topic, the feedback list and the service report count the answer; NPS
// surveys go to a segment's people (managers and above); another workspace sees nothing.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "api/api_fixture.hpp"

namespace rapport::testing {

namespace {

// The watcher asks for the rating on its own thread, woken by the change: wait for it (a bound,
// not a measurement: the assertion is on what exists, however long it took).
nlohmann::json wait_for_requests(HttpClient& c, const std::string& conversation_id, std::size_t count) {
    nlohmann::json items = nlohmann::json::array();
    for (int attempt = 0; attempt < 300; ++attempt) {
        auto res = c.get("/api/v1/satisfaction/csat-requests?conversation_id=" + conversation_id);
        EXPECT_EQ(res.status, 200) << res.body;
        items = res.json()["items"];
        if (items.size() >= count) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return items;
}

std::string token_of(const nlohmann::json& request) {
    const std::string link = request["link"];
    return link.substr(link.rfind('/') + 1);
}

}  // namespace

class SatisfactionApiTest : public ApiTest {
protected:
    // A conversation from a customer (a new person with this email), with a topic.
    static std::string conversation(HttpClient& c, const std::string& email, const std::string& subject) {
        auto res = c.post("/api/v1/conversations", {{"channel", "chat"},
                                                    {"subject", subject},
                                                    {"body", "Hello, " + subject},
                                                    {"sender", {{"name", "Ana Souza"}, {"email", email}}}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.json()["conversation_id"];
    }
    static void set_status(HttpClient& c, const std::string& id, const std::string& status,
                           const nlohmann::json& extra = nlohmann::json::object()) {
        auto got = c.get("/api/v1/conversations/" + id);
        ASSERT_EQ(got.status, 200) << got.body;
        auto body = got.json();
        const auto version = body.contains("conversation") ? body["conversation"]["version"] : body["version"];
        nlohmann::json change = extra;
        change["status"] = status;
        change["version"] = version;
        auto res = c.patch("/api/v1/conversations/" + id, change);
        ASSERT_EQ(res.status, 200) << res.body;
    }
};

TEST_F(SatisfactionApiTest, AResolutionAsksOnceAndTheLinkIsAnsweredOnce) {
    auto owner = owner_of(acme_);
    const auto id = conversation(owner, unique_name("ana") + "@example.com", "The sofa arrived scratched");
    set_status(owner, id, "resolved", {{"topic", "product"}});
    auto requests = wait_for_requests(owner, id, 1);
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_TRUE(requests[0]["rating"].is_null());
    EXPECT_TRUE(requests[0]["email"].is_string());
    const std::string token = token_of(requests[0]);

    // The public page, without signing in, in the reader's language.
    auto anonymous = server_->client();
    auto page = anonymous.request("GET", "/survey/csat/" + token, "", {{"Accept-Language", "es"}});
    EXPECT_EQ(page.status, 200) << page.body;
    EXPECT_NE(page.header("content-type").find("text/html"), std::string::npos);
    EXPECT_NE(page.body.find("¿Qué tal lo hicimos?"), std::string::npos) << page.body;
    for (int r = 1; r <= 5; ++r) {
        EXPECT_NE(page.body.find("data-rating=\"" + std::to_string(r) + "\""), std::string::npos);
    }
    EXPECT_NE(page.body.find("The sofa arrived scratched"), std::string::npos);

    auto shown = anonymous.get("/api/v1/public/csat/" + token);
    ASSERT_EQ(shown.status, 200) << shown.body;
    EXPECT_FALSE(shown.json()["answered"].get<bool>());

    expect_problem(anonymous.post("/api/v1/public/csat/" + token, {{"rating", 6}}), 422);
    auto answered = anonymous.post("/api/v1/public/csat/" + token, {{"rating", 4}, {"comment", "Quick and kind"}});
    ASSERT_EQ(answered.status, 200) << answered.body;
    EXPECT_TRUE(answered.json()["answered"].get<bool>());
    EXPECT_EQ(answered.json()["value"], 4);
    expect_problem(anonymous.post("/api/v1/public/csat/" + token, {{"rating", 1}}), 409);
    auto form = anonymous.request("POST", "/survey/csat/" + token, "rating=1&comment=again",
                                  {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(form.status, 409) << form.body;

    // Still one request for that resolution; a second resolution asks again.
    EXPECT_EQ(wait_for_requests(owner, id, 1).size(), 1u);
    set_status(owner, id, "open");
    set_status(owner, id, "resolved");
    auto again = wait_for_requests(owner, id, 2);
    ASSERT_EQ(again.size(), 2u);
    const std::string second = token_of(again[1]);
    EXPECT_NE(second, token);
    // The page's form answers it (no script needed), once.
    auto submitted = anonymous.request("POST", "/survey/csat/" + second, "rating=5&comment=Better+now",
                                       {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(submitted.status, 200) << submitted.body;
    EXPECT_EQ(anonymous.get("/api/v1/public/csat/" + second).json()["value"], 5);

    // Results: the topic's average, the comments, the feedback list and the service report.
    auto csat = owner.get("/api/v1/satisfaction/csat?group_by=topic");
    ASSERT_EQ(csat.status, 200) << csat.body;
    const auto csat_body = csat.json();  // kept: a loop over a temporary's member would dangle
    bool product = false;
    for (const auto& g : csat_body["groups"]) {
        if (g["key"] == "product") {
            product = true;
            EXPECT_GE(g["count"].get<int>(), 2);
        }
    }
    EXPECT_TRUE(product) << csat.body;
    bool comment = false;
    for (const auto& c : csat_body["comments"]) comment = comment || c["comment"] == "Quick and kind";
    EXPECT_TRUE(comment) << csat.body;
    auto feedback = owner.get("/api/v1/satisfaction/feedback?topic=product");
    ASSERT_EQ(feedback.status, 200) << feedback.body;
    const auto feedback_body = feedback.json();
    bool listed = false;
    for (const auto& f : feedback_body["items"]) listed = listed || f["text"] == "Better now";
    EXPECT_TRUE(listed) << feedback.body;
    auto report = owner.get("/api/v1/satisfaction/service-report");
    ASSERT_EQ(report.status, 200) << report.body;
    EXPECT_GE(report.json()["conversations"].get<int>(), 1);
    EXPECT_GE(report.json()["resolution"]["count"].get<int>(), 1);
    EXPECT_EQ(report.json()["backlog"].size(), 31u);
    const auto report_body = report.json();
    bool chat = false;
    for (const auto& c : report_body["by_channel"]) chat = chat || c["key"] == "chat";
    EXPECT_TRUE(chat) << report.body;
}

TEST_F(SatisfactionApiTest, AReplyThatResolvesAsksToo) {
    auto owner = owner_of(acme_);
    const auto id = conversation(owner, unique_name("dan") + "@example.com", "Where is my order?");
    auto reply = owner.post("/api/v1/conversations/" + id + "/replies",
                            {{"text", "It ships today."}, {"status_after", "resolved"}, {"force", true}});
    ASSERT_EQ(reply.status, 201) << reply.body;
    auto requests = wait_for_requests(owner, id, 1);
    ASSERT_EQ(requests.size(), 1u);
    // Only admins and owners see the links.
    auto member = new_acme_user("member", "Mo Member");
    expect_problem(member.client.get("/api/v1/satisfaction/csat-requests?conversation_id=" + id), 403);
    // The public page shows the conversation's subject.
    auto shown = server_->client().get("/api/v1/public/csat/" + token_of(requests[0]));
    ASSERT_EQ(shown.status, 200) << shown.body;
    EXPECT_EQ(shown.json()["subject"], "Where is my order?");
}

TEST_F(SatisfactionApiTest, AChangedOrForeignTokenIsRefused) {
    auto owner = owner_of(acme_);
    const auto id = conversation(owner, unique_name("bea") + "@example.com", "Invoice twice");
    set_status(owner, id, "resolved");
    auto requests = wait_for_requests(owner, id, 1);
    ASSERT_EQ(requests.size(), 1u);
    const std::string token = token_of(requests[0]);
    std::string tampered = token;
    tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
    auto anonymous = server_->client();
    expect_problem(anonymous.post("/api/v1/public/csat/" + tampered, {{"rating", 5}}), 404);
    expect_problem(anonymous.get("/api/v1/public/csat/" + tampered), 404);
    EXPECT_EQ(anonymous.get("/survey/csat/" + tampered).status, 404);
    expect_problem(anonymous.get("/api/v1/public/csat/not-a-token"), 404);
    // A CSAT token is not an NPS one.
    expect_problem(anonymous.get("/api/v1/public/nps/" + token), 404);
    // Another survey id under the same tag.
    const auto dot = token.find('.', token.find('.', 2) + 1);
    std::string other = token.substr(0, dot + 1) + "1" + token.substr(dot + 1);
    expect_problem(anonymous.get("/api/v1/public/csat/" + other), 404);
    // The original still works.
    EXPECT_EQ(anonymous.get("/api/v1/public/csat/" + token).status, 200);
}

TEST_F(SatisfactionApiTest, AnotherWorkspaceSeesNothing) {
    auto owner = owner_of(acme_);
    const auto id = conversation(owner, unique_name("cai") + "@example.com", "Acme only");
    set_status(owner, id, "resolved", {{"topic", "billing"}});
    auto requests = wait_for_requests(owner, id, 1);
    ASSERT_EQ(requests.size(), 1u);
    ASSERT_EQ(server_->client()
                  .post("/api/v1/public/csat/" + token_of(requests[0]), {{"rating", 2}, {"comment", "acme"}})
                  .status,
              200);

    auto globex = owner_of(globex_);
    auto theirs = globex.get("/api/v1/satisfaction/csat-requests?conversation_id=" + id);
    ASSERT_EQ(theirs.status, 200) << theirs.body;
    EXPECT_TRUE(theirs.json()["items"].empty());
    auto csat = globex.get("/api/v1/satisfaction/csat?group_by=agent");
    ASSERT_EQ(csat.status, 200);
    EXPECT_EQ(csat.json()["overall"]["count"], 0) << csat.body;
    EXPECT_TRUE(globex.get("/api/v1/satisfaction/feedback").json()["items"].empty());
    EXPECT_EQ(globex.get("/api/v1/satisfaction/service-report").json()["conversations"], 0);
}

TEST_F(SatisfactionApiTest, NpsGoesToASegmentsPeopleAndOnlyManagersSendIt) {
    auto owner = owner_of(acme_);
    const auto with_email =
        create_record(owner, "/api/v1/people",
                      {{"first_name", "Dora"}, {"last_name", "Nps"}, {"email", unique_name("dora") + "@example.com"}});
    const auto without = create_record(owner, "/api/v1/people", {{"first_name", "Eli"}, {"last_name", "Nps"}});
    auto segment =
        owner.post("/api/v1/segments",
                   {{"name", unique_name("NPS")}, {"kind", "b2c"}, {"entity_type", "person"}, {"type", "static"}});
    ASSERT_EQ(segment.status, 201) << segment.body;
    const std::string segment_id = segment.json()["id"];
    ASSERT_EQ(owner.post("/api/v1/segments/" + segment_id + "/members", {{"ids", {with_email, without}}}).status, 200);

    auto member = new_acme_user("member", "Mel Member");
    expect_problem(member.client.post("/api/v1/satisfaction/nps-surveys", {{"segment_id", segment_id}}), 403);
    expect_problem(owner.post("/api/v1/satisfaction/nps-surveys", {{"segment_id", "nope"}}), 422);
    auto sent = owner.post("/api/v1/satisfaction/nps-surveys", {{"segment_id", segment_id}});
    ASSERT_EQ(sent.status, 201) << sent.body;
    EXPECT_EQ(sent.json()["recipients"], 1);
    EXPECT_FALSE(sent.json()["question"].get<std::string>().empty());

    auto results = owner.get("/api/v1/satisfaction/nps?segment_id=" + segment_id);
    ASSERT_EQ(results.status, 200) << results.body;
    const auto series = results.json()["series"];
    ASSERT_EQ(series.size(), 1u);
    EXPECT_EQ(series[0]["points"].size(), 1u);
    EXPECT_TRUE(series[0]["overall"]["score"].is_null());
    EXPECT_TRUE(owner_of(globex_).get("/api/v1/satisfaction/nps").json()["series"].empty());
}

// With the test SMTP server (scripts/mail-test-servers.sh; scripts/test.sh exports its port and
// folder), the request goes out by mail from the workspace's mailbox with the survey link.
TEST_F(SatisfactionApiTest, TheRequestIsMailedWithItsLink) {
    const char* port = std::getenv("RAPPORT_TEST_SMTP_PORT");
    const char* dir = std::getenv("RAPPORT_TEST_MAIL_DIR");
    if (!port || !dir || !*port || !*dir) GTEST_SKIP() << "no test SMTP server (RAPPORT_TEST_SMTP_PORT)";
    auto owner = owner_of(acme_);
    auto mailbox = owner.post("/api/v1/mailboxes",
                              {{"name", "Acme Support"},
                               {"address", "support@acme.test"},
                               {"enabled", false},
                               {"imap", {{"host", "127.0.0.1"}, {"port", 1}, {"security", "none"}}},
                               {"smtp", {{"host", "127.0.0.1"}, {"port", std::atoi(port)}, {"security", "none"}}}});
    ASSERT_EQ(mailbox.status, 201) << mailbox.body;
    const std::string customer = unique_name("fay") + "@example.com";
    const auto id = conversation(owner, customer, "Mailed survey");
    set_status(owner, id, "resolved");
    auto requests = wait_for_requests(owner, id, 1);
    ASSERT_EQ(requests.size(), 1u);
    const std::string link = requests[0]["link"];
    std::string found;
    for (int attempt = 0; attempt < 600 && found.empty(); ++attempt) {
        const std::filesystem::path messages = std::filesystem::path(dir) / "smtp" / "messages";
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(messages, ec)) {
            if (entry.path().extension() != ".eml") continue;
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            if (text.str().find(customer) != std::string::npos) found = text.str();
        }
        if (found.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_FALSE(found.empty()) << "no mail to " << customer;
    EXPECT_NE(found.find("support@acme.test"), std::string::npos);
    // The link, possibly folded by the mail's transfer encoding: its token's last characters.
    const std::string tail = link.substr(link.size() - 12);
    EXPECT_NE(found.find(tail), std::string::npos) << found;
}

}  // namespace rapport::testing
