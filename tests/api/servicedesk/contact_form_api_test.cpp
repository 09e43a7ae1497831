// The public contact form over real HTTP: admins set it up; anyone fetches a token and posts
// (JSON or an HTML form); spam is refused and stored nowhere; the limits answer 429 with
// Retry-After; an accepted message is a "web_form" conversation of the chosen team.
#include <chrono>
#include <thread>

#include "api/api_fixture.hpp"

namespace rapport::testing {

class ContactFormApiTest : public ApiTest {
protected:
    static std::string team_of(HttpClient& owner) {
        auto res = owner.post("/api/v1/teams", {{"name", unique_name("Web")}, {"kind", "service"}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json()["id"].get<std::string>() : std::string();
    }
    static nlohmann::json visitor(const std::string& token) {
        return {{"name", "Paola Pubblico"},
                {"email", unique_name("p") + "@example.com"},
                {"subject", "Question about delivery"},
                {"message", "When will my order arrive? I ordered last week."},
                {"website", ""},
                {"token", token}};
    }
    static std::vector<nlohmann::json> web_form_conversations(HttpClient& owner) {
        std::vector<nlohmann::json> out;
        auto res = owner.get("/api/v1/conversations?view=all&limit=200");
        EXPECT_EQ(res.status, 200) << res.body;
        const auto page = res.json();
        for (const auto& c : page["items"]) {
            if (c["channel"] == "web_form") out.push_back(c);
        }
        return out;
    }
};

TEST_F(ContactFormApiTest, AdminsSetItUpAndItIsHiddenUntilEnabled) {
    auto ws = server_->bootstrap("cfsetup");
    auto owner = owner_of(ws);
    auto anonymous = server_->client();
    expect_problem(anonymous.get("/api/v1/public/contact/" + ws.slug), 404);
    auto got = owner.get("/api/v1/contact-form");
    ASSERT_EQ(got.status, 200) << got.body;
    EXPECT_FALSE(got.json()["enabled"].get<bool>());
    EXPECT_FALSE(got.json().contains("secret"));

    auto bad = owner.put(
        "/api/v1/contact-form",
        {{"enabled", true}, {"allowed_origins", {"https://ok.example.com", "not a site"}}, {"team_id", "123456789"}});
    expect_problem(bad, 422);
    EXPECT_TRUE(has_error_at(bad, "/allowed_origins/1")) << bad.body;
    EXPECT_TRUE(has_error_at(bad, "/team_id")) << bad.body;
    expect_problem(anonymous.get("/api/v1/public/contact/" + ws.slug), 404);  // nothing was saved

    auto saved = owner.put("/api/v1/contact-form", {{"enabled", true},
                                                    {"allowed_origins", {"HTTPS://Shop.Example.com/"}},
                                                    {"success_message", "Thanks, we answer within a day."}});
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(saved.json()["allowed_origins"], nlohmann::json::array({"https://shop.example.com"}));
    auto form =
        anonymous.request("GET", "/api/v1/public/contact/" + ws.slug, "", {{"Origin", "https://shop.example.com"}});
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_TRUE(form.json()["token"].is_string());
    EXPECT_EQ(form.header("access-control-allow-origin"), "https://shop.example.com");
    auto other =
        anonymous.request("GET", "/api/v1/public/contact/" + ws.slug, "", {{"Origin", "https://evil.example"}});
    EXPECT_EQ(other.header("access-control-allow-origin"), "");
    auto preflight =
        anonymous.request("OPTIONS", "/api/v1/public/contact/" + ws.slug, "",
                          {{"Origin", "https://shop.example.com"}, {"Access-Control-Request-Method", "POST"}});
    EXPECT_EQ(preflight.status, 204);
    EXPECT_EQ(preflight.header("access-control-allow-origin"), "https://shop.example.com");

    // Only admins and owners.
    auto manager = new_acme_user("manager", "Mirko Manager");
    expect_problem(manager.client.get("/api/v1/contact-form"), 403);
    expect_problem(manager.client.put("/api/v1/contact-form", {{"enabled", true}}), 403);
}

TEST_F(ContactFormApiTest, SubmissionsSpamAndLimits) {
    auto ws = server_->bootstrap("cfsubmit");
    auto owner = owner_of(ws);
    const auto team = team_of(owner);
    ASSERT_EQ(owner.put("/api/v1/contact-form", {{"enabled", true}, {"team_id", team}}).status, 200);
    auto anonymous = server_->client();
    const auto slug = "/api/v1/public/contact/" + ws.slug;
    const auto token = anonymous.get(slug).json()["token"].get<std::string>();

    // 1: at once after the form was rendered: a bot.
    auto fast = anonymous.post(slug, visitor(token));
    expect_problem(fast, 422);
    // 2: the honeypot filled.
    auto trap = visitor(token);
    trap["website"] = "http://spam.example";
    expect_problem(anonymous.post(slug, trap), 422);
    EXPECT_TRUE(web_form_conversations(owner).empty());  // spam is stored nowhere

    std::this_thread::sleep_for(std::chrono::milliseconds(3100));  // a person takes longer than 3 s
    // 3: a person, in JSON.
    auto person = visitor(token);
    auto ok = anonymous.request("POST", slug, person.dump(),
                                {{"Content-Type", "application/json"}, {"Accept-Language", "es"}});
    ASSERT_EQ(ok.status, 201) << ok.body;
    EXPECT_EQ(ok.json()["message"], "Gracias: hemos recibido tu mensaje y te responderemos pronto.");
    auto conversations = web_form_conversations(owner);
    ASSERT_EQ(conversations.size(), 1u);
    EXPECT_EQ(conversations[0]["team_id"], team);
    EXPECT_EQ(conversations[0]["subject"], "Question about delivery");
    EXPECT_EQ(conversations[0]["person"]["email"], person["email"]);

    // 4: an HTML form post answers with a page in the form's language.
    const std::string form_body = "name=Luca+Lettore&email=" + url_encode(unique_name("l") + "@example.com") +
                                  "&message=" + url_encode("Vorrei sapere i vostri orari, grazie.") +
                                  "&website=&lang=it&token=" + url_encode(token);
    auto html = anonymous.request("POST", slug, form_body,
                                  {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "text/html"}});
    ASSERT_EQ(html.status, 200) << html.body;
    EXPECT_NE(html.body.find("Grazie"), std::string::npos) << html.body;
    EXPECT_EQ(web_form_conversations(owner).size(), 2u);

    // 5: too many links.
    auto links = visitor(token);
    links["message"] = "see https://a.example https://b.example https://c.example https://d.example for details";
    auto spam = anonymous.post(slug, links);
    expect_problem(spam, 422);
    EXPECT_NE(spam.json()["detail"].get<std::string>().find("spam"), std::string::npos);
    EXPECT_EQ(web_form_conversations(owner).size(), 2u);

    // 6: the sixth attempt from this address within ten minutes.
    auto limited = anonymous.post(slug, visitor(token));
    expect_problem(limited, 429);
    EXPECT_FALSE(limited.header("retry-after").empty());
    EXPECT_GT(std::stoi(limited.header("retry-after")), 0);
}

TEST_F(ContactFormApiTest, InvalidFieldsAreNamed) {
    auto ws = server_->bootstrap("cfinvalid");
    auto owner = owner_of(ws);
    ASSERT_EQ(owner.put("/api/v1/contact-form", {{"enabled", true}}).status, 200);
    auto anonymous = server_->client();
    const auto slug = "/api/v1/public/contact/" + ws.slug;
    auto bad = anonymous.post(slug, {{"name", ""}, {"email", "not-an-email"}, {"message", " "}, {"token", "x"}});
    expect_problem(bad, 422);
    EXPECT_TRUE(has_error_at(bad, "/name"));
    EXPECT_TRUE(has_error_at(bad, "/email"));
    EXPECT_TRUE(has_error_at(bad, "/message"));
    EXPECT_NE(bad.json()["detail"].get<std::string>().find("3 fields"), std::string::npos) << bad.body;
}

TEST_F(ContactFormApiTest, TheEmbeddableFormIsTranslatedAndFramedOnlyByAllowedSites) {
    auto ws = server_->bootstrap("cfembed");
    auto owner = owner_of(ws);
    ASSERT_EQ(
        owner.put("/api/v1/contact-form", {{"enabled", true}, {"allowed_origins", {"https://www.example.com"}}}).status,
        200);
    auto anonymous = server_->client();
    auto it = anonymous.get("/api/v1/public/contact/" + ws.slug + "/embed.html?lang=it");
    ASSERT_EQ(it.status, 200) << it.body;
    EXPECT_EQ(it.header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(it.body.find("Il tuo nome"), std::string::npos);
    EXPECT_NE(it.body.find("name=\"token\""), std::string::npos);
    EXPECT_NE(it.body.find("name=\"website\""), std::string::npos);
    EXPECT_NE(it.body.find("action=\"/api/v1/public/contact/" + ws.slug + "\""), std::string::npos);
    EXPECT_NE(it.header("content-security-policy").find("frame-ancestors https://www.example.com"), std::string::npos);
    auto en = anonymous.get("/api/v1/public/contact/" + ws.slug + "/embed.html");
    EXPECT_NE(en.body.find("Your name"), std::string::npos);
    expect_problem(anonymous.get("/api/v1/public/contact/no-such-workspace/embed.html"), 404);
}

}  // namespace rapport::testing
