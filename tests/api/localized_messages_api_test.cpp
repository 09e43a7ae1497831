// Server messages in the reader's language (docs/adr/0005-server-messages.md): a problem's
// detail and field messages follow the user's language setting, else Accept-Language, else
// English; problem types and field pointers never change, and Content-Language says which.
#include "api/api_fixture.hpp"

namespace rapport::testing {

class LocalizedMessagesApiTest : public ApiTest {
protected:
    static nlohmann::json bad_company() {
        return {{"fields", {{"legal_name", "Rossi S.r.l."}, {"country", "IT"}, {"phone", "+39 12"}}}};
    }
    static std::string message_at(const HttpResult& res, const std::string& pointer) {
        const auto body = res.json();  // kept: a range-for over a temporary's member would dangle
        for (const auto& e : body["errors"]) {
            if (e["pointer"] == pointer) return e["detail"].get<std::string>();
        }
        return {};
    }
};

TEST_F(LocalizedMessagesApiTest, AcceptLanguageItalianTranslatesDetailAndFieldMessages) {
    auto owner = owner_of(acme_);
    auto res = owner.request("POST", "/api/v1/companies", bad_company().dump(),
                             {{"Content-Type", "application/json"}, {"Accept-Language", "it-IT,it;q=0.9,en;q=0.8"}});
    expect_problem(res, 422);
    auto body = res.json();
    EXPECT_EQ(body["type"], "/problems/validation");
    EXPECT_EQ(body["detail"], "l'azienda non può essere salvata: 1 campo da correggere");
    ASSERT_TRUE(has_error_at(res, "/fields/phone")) << res.body;
    EXPECT_EQ(message_at(res, "/fields/phone"),
              "non è un numero di telefono possibile per il suo paese (lunghezza errata)");
    EXPECT_EQ(res.header("content-language"), "it");
}

TEST_F(LocalizedMessagesApiTest, WithoutAPreferenceTheMessagesStayEnglish) {
    auto owner = owner_of(acme_);
    auto res = owner.post("/api/v1/companies", bad_company());
    expect_problem(res, 422);
    EXPECT_EQ(res.json()["detail"], "the company cannot be saved: 1 field needs attention");
    EXPECT_EQ(message_at(res, "/fields/phone"), "not a possible phone number for its country (wrong length)");
    EXPECT_EQ(res.header("content-language"), "en");
    // A language Rapport does not serve falls back to English too.
    auto german = owner.request("POST", "/api/v1/companies", bad_company().dump(),
                                {{"Content-Type", "application/json"}, {"Accept-Language", "de-DE,de;q=0.9"}});
    EXPECT_EQ(german.json()["detail"], "the company cannot be saved: 1 field needs attention");
}

TEST_F(LocalizedMessagesApiTest, TheUsersLanguageSettingWinsOverAcceptLanguage) {
    auto owner = owner_of(acme_);
    const auto email = unique_name("es") + "@acme.test";
    auto created = owner.post("/api/v1/users", {{"email", email},
                                                {"display_name", "Lucía"},
                                                {"role", "member"},
                                                {"language", "es"},
                                                {"password", "long enough password"}});
    ASSERT_EQ(created.status, 201) << created.body;
    auto lucia = signed_in_client(*server_, email, "long enough password");
    auto res = lucia.request(
        "POST", "/api/v1/people",
        nlohmann::json{{"fields", {{"first_name", "Ana"}, {"last_name", "Ruiz"}, {"email", "not-an-email"}}}}.dump(),
        {{"Content-Type", "application/json"}, {"Accept-Language", "it"}});
    expect_problem(res, 422);
    auto body = res.json();
    EXPECT_EQ(body["type"], "/problems/validation");
    EXPECT_EQ(body["detail"], "no se puede guardar la persona: 1 campo requiere atención") << res.body;
    ASSERT_TRUE(has_error_at(res, "/fields/email")) << res.body;
    EXPECT_EQ(message_at(res, "/fields/email"), "no es una dirección de correo electrónico válida");
    EXPECT_EQ(res.header("content-language"), "es");

    auto missing = lucia.get("/api/v1/companies/999999999");
    expect_problem(missing, 404);
    EXPECT_EQ(missing.json()["type"], "/problems/not-found");
    EXPECT_EQ(missing.json()["detail"], "no hay ninguna empresa 999999999 que puedas ver");
}

TEST_F(LocalizedMessagesApiTest, SignInErrorsFollowAcceptLanguage) {
    auto client = server_->client();
    auto res = client.request("POST", "/api/v1/auth/login",
                              nlohmann::json{{"email", acme_.owner_email}, {"password", "wrong password!"}}.dump(),
                              {{"Content-Type", "application/json"}, {"Accept-Language", "pt-BR"}});
    expect_problem(res, 401);
    EXPECT_EQ(res.json()["type"], "/problems/unauthenticated");
    EXPECT_EQ(res.json()["detail"], "o e-mail ou a senha não estão corretos");
    EXPECT_EQ(res.header("content-language"), "pt-BR");

    auto anonymous = client.request("GET", "/api/v1/companies", "", {{"Accept-Language", "es"}});
    expect_problem(anonymous, 401);
    EXPECT_EQ(anonymous.json()["detail"],
              "inicia sesión primero (POST /api/v1/auth/login) o envía una clave de API como token Bearer");
}

}  // namespace rapport::testing
