// Server messages in the reader's language across the areas (docs/adr/0005-server-messages.md):
// validation of teams and segments, the filter language's "did you mean", paging, merges,
// imports, malformed JSON, storage conflicts and the router's own 404/405, in Italian and
// Brazilian Portuguese, from Accept-Language or the user's language setting. Problem types
// and field pointers stay as they are; Content-Language names the language.
#include "api/api_fixture.hpp"

namespace rapport::testing {

using nlohmann::json;

class LocalizedAreasApiTest : public ApiTest {
protected:
    static inline const std::map<std::string, std::string> kItalian = {{"Content-Type", "application/json"},
                                                                       {"Accept-Language", "it"}};
    static inline const std::map<std::string, std::string> kPortuguese = {{"Content-Type", "application/json"},
                                                                          {"Accept-Language", "pt-BR,pt;q=0.9"}};

    static std::string message_at(const HttpResult& res, const std::string& pointer) {
        const auto body = res.json();  // kept: a range-for over a temporary's member would dangle
        for (const auto& e : body["errors"]) {
            if (e["pointer"] == pointer) return e["detail"].get<std::string>();
        }
        return {};
    }
    static std::string detail(const HttpResult& res) { return res.json()["detail"].get<std::string>(); }
    static bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

    // A member of acme whose language setting is Brazilian Portuguese.
    HttpClient portuguese_user() const {
        auto owner = owner_of(acme_);
        const auto email = unique_name("pt") + "@acme.test";
        auto created = owner.post("/api/v1/users", {{"email", email},
                                                    {"display_name", "João"},
                                                    {"role", "manager"},
                                                    {"language", "pt"},
                                                    {"password", "long enough password"}});
        EXPECT_EQ(created.status, 201) << created.body;
        return signed_in_client(*server_, email, "long enough password");
    }
};

TEST_F(LocalizedAreasApiTest, TeamValidationInItalian) {
    auto owner = owner_of(acme_);
    auto res = owner.request("POST", "/api/v1/teams", json{{"name", ""}, {"kind", "sales"}}.dump(), kItalian);
    expect_problem(res, 422);
    EXPECT_EQ(res.json()["type"], "/problems/validation");
    EXPECT_EQ(detail(res), "il team non può essere creato");
    EXPECT_EQ(message_at(res, "/name"), "dai al team un nome da 1 a 100 caratteri");
    EXPECT_EQ(res.header("content-language"), "it");

    auto kind = owner.request("POST", "/api/v1/teams", json{{"name", "Vendite"}, {"kind", "sails"}}.dump(), kItalian);
    expect_problem(kind, 422);
    EXPECT_EQ(detail(kind), "il team non può essere creato: 1 campo da correggere");
    EXPECT_EQ(message_at(kind, "/kind"), "deve essere uno tra sales, marketing, service, it, interdisciplinary");
}

TEST_F(LocalizedAreasApiTest, SegmentValidationFollowsTheUsersLanguageWithAPluralSummary) {
    auto joao = portuguese_user();
    // The setting wins over the Accept-Language header.
    auto res = joao.request("POST", "/api/v1/segments", json{{"description", "sem nome"}}.dump(), kItalian);
    expect_problem(res, 422);
    EXPECT_EQ(res.json()["type"], "/problems/validation");
    EXPECT_EQ(detail(res), "o segmento não pode ser salvo: 4 campos precisam de atenção");
    EXPECT_EQ(message_at(res, "/name"), "obrigatório");
    EXPECT_EQ(message_at(res, "/entity_type"), "obrigatório");
    EXPECT_EQ(res.header("content-language"), "pt-BR");

    auto one = joao.request("POST", "/api/v1/segments",
                            json{{"name", "Clientes"},
                                 {"kind", "b2b"},
                                 {"entity_type", "company"},
                                 {"type", "static"},
                                 {"filter", json::object()}}
                                .dump(),
                            kItalian);
    expect_problem(one, 422);
    EXPECT_EQ(detail(one), "o segmento não pode ser salvo: 1 campo precisa de atenção");
    EXPECT_EQ(message_at(one, "/filter"),
              "um segmento estático contém membros explícitos; somente segmentos dinâmicos têm filtro");
}

TEST_F(LocalizedAreasApiTest, FilterErrorsAndDidYouMeanInPortuguese) {
    auto owner = owner_of(acme_);
    const std::string filter = R"({"field":"citty","op":"eq","value":"Milano"})";
    auto res = owner.request("GET", "/api/v1/companies?filter=" + url_encode(filter), "", kPortuguese);
    expect_problem(res, 422);
    EXPECT_EQ(res.json()["type"], "/problems/validation");
    EXPECT_EQ(detail(res), "a solicitação da lista não é válida");
    EXPECT_EQ(message_at(res, "?filter/field"), "campo desconhecido 'citty'; você quis dizer 'city'?") << res.body;
    EXPECT_EQ(res.header("content-language"), "pt-BR");

    auto english = owner.get("/api/v1/companies?filter=" + url_encode(filter));
    expect_problem(english, 422);
    EXPECT_EQ(message_at(english, "?filter/field"), "unknown field 'citty'; did you mean 'city'?") << english.body;

    auto paging = owner.request("GET", "/api/v1/companies?limit=0&order=up", "", kPortuguese);
    expect_problem(paging, 422);
    EXPECT_EQ(detail(paging), "a solicitação da lista não é válida");
    EXPECT_EQ(message_at(paging, "?limit"), "deve ser um número inteiro de 1 a 500");
    EXPECT_EQ(message_at(paging, "?order"), "deve ser asc ou desc");
}

TEST_F(LocalizedAreasApiTest, MergeImportAndMalformedJsonInItalian) {
    auto owner = owner_of(acme_);
    auto created =
        owner.post("/api/v1/companies", {{"fields", {{"legal_name", unique_name("Unione")}, {"country", "IT"}}}});
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = created.json()["id"];
    auto merge = owner.request("POST", "/api/v1/companies/" + id + "/merge", json{{"merged_id", id}}.dump(), kItalian);
    expect_problem(merge, 422);
    EXPECT_EQ(detail(merge), "un record non può essere unito a se stesso");
    EXPECT_TRUE(has_error_at(merge, "/merged_id")) << merge.body;

    auto upload = owner.request("POST", "/api/v1/imports?entity=company", "",
                                {{"Content-Type", "text/csv"}, {"Accept-Language", "it"}});
    expect_problem(upload, 422);
    EXPECT_EQ(detail(upload), "il file è vuoto: invia il file CSV come corpo della richiesta");

    auto broken = owner.request("POST", "/api/v1/teams", "{\"name\": ", kItalian);
    expect_problem(broken, 400);
    EXPECT_EQ(broken.json()["type"], "/problems/bad-request");
    EXPECT_TRUE(starts_with(detail(broken), "il corpo non è un JSON valido: errore")) << broken.body;
    EXPECT_EQ(broken.header("content-language"), "it");
}

TEST_F(LocalizedAreasApiTest, AStorageConflictInPortuguese) {
    auto owner = owner_of(acme_);
    const json field = {{"key", "codice_sdi"}, {"label", "Codice SDI"}, {"type", "text"}};
    ASSERT_EQ(owner.post("/api/v1/custom-fields/company", field).status, 201);
    auto again = owner.request("POST", "/api/v1/custom-fields/company", field.dump(), kPortuguese);
    expect_problem(again, 409);
    EXPECT_EQ(again.json()["type"], "/problems/conflict");
    EXPECT_EQ(detail(again), "já existe um campo personalizado 'codice_sdi'") << again.body;
    EXPECT_EQ(message_at(again, "/key"), "já está em uso");
    EXPECT_EQ(again.header("content-language"), "pt-BR");
}

TEST_F(LocalizedAreasApiTest, TheRoutersOwnAnswersFollowAcceptLanguage) {
    auto client = server_->client();
    auto missing = client.request("GET", "/api/v1/no-such-thing", "", {{"Accept-Language", "it"}});
    expect_problem(missing, 404);
    EXPECT_EQ(missing.json()["type"], "/problems/not-found");
    EXPECT_TRUE(starts_with(detail(missing), "nessuna risorsa")) << missing.body;
    EXPECT_EQ(missing.header("content-language"), "it");

    auto method = client.request("DELETE", "/api/v1/companies", "", {{"Accept-Language", "pt-BR"}});
    expect_problem(method, 405);
    EXPECT_EQ(method.json()["type"], "/problems/method-not-allowed");
    EXPECT_TRUE(starts_with(detail(method), "este recurso não aceita DELETE; use ")) << method.body;
    EXPECT_EQ(method.header("content-language"), "pt-BR");

    auto english = client.get("/api/v1/no-such-thing");
    EXPECT_TRUE(starts_with(english.json()["detail"].get<std::string>(), "no ")) << english.body;
    EXPECT_EQ(english.header("content-language"), "en");
}

}  // namespace rapport::testing
