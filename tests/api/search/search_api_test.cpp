// Global search over real HTTP: prefixes, substrings of phones and tax ids, typos, note
// text, permissions and workspace isolation.
#include "api/api_fixture.hpp"

namespace rapport::testing {

class SearchApiTest : public ApiTest {
protected:
    static void SetUpTestSuite() {
        ApiTest::SetUpTestSuite();
        auto owner = signed_in_client(*server_, acme_.owner_email, acme_.password);
        auto company = owner.post("/api/v1/companies", {{"fields",
                                                         {{"legal_name", "Torrefazione Aurora S.r.l."},
                                                          {"country", "IT"},
                                                          {"vat_id", "00743110157"},
                                                          {"phone", "+39 02 8765 4321"}}}});
        ASSERT_EQ(company.status, 201) << company.body;
        company_id_ = company.json()["id"];
        auto person = owner.post("/api/v1/people", {{"fields",
                                                     {{"first_name", "Giovanna"},
                                                      {"last_name", "Ferraresi"},
                                                      {"email", "giovanna.ferraresi@aurora.example"}}}});
        ASSERT_EQ(person.status, 201) << person.body;
        person_id_ = person.json()["id"];
        ASSERT_EQ(owner
                      .post("/api/v1/interactions", {{"kind", "note"},
                                                     {"person_id", person_id_},
                                                     {"body", "Wants the decaffeinated Sidamo in spring"}})
                      .status,
                  201);
        auto globex = signed_in_client(*server_, globex_.owner_email, globex_.password);
        ASSERT_EQ(
            globex.post("/api/v1/companies", {{"fields", {{"legal_name", "Torrefazione Globex"}, {"country", "IT"}}}})
                .status,
            201);
    }
    static std::vector<std::string> ids_of(const HttpResult& res) {
        std::vector<std::string> out;
        auto body = res.json();
        for (const auto& i : body["items"]) out.push_back(i["id"]);
        return out;
    }
    static bool found(const HttpResult& res, const std::string& id) {
        auto ids = ids_of(res);
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    }
    static inline std::string company_id_, person_id_;
};

TEST_F(SearchApiTest, FindsByNamePrefixAccentFoldedAndGroupsByType) {
    auto owner = owner_of(acme_);
    auto res = owner.get("/api/v1/search?q=torref%20aur");
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_TRUE(found(res, company_id_));
    EXPECT_EQ(res.json()["groups"]["companies"][0]["id"], company_id_);
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=GIOV"), person_id_));
    // Short words beside a longer one: prefixes of one and two letters.
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=giovanna%20fe"), person_id_));
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=g%20ferraresi"), person_id_));
}

TEST_F(SearchApiTest, FindsByEmailPhoneAndTaxIdFragments) {
    auto owner = owner_of(acme_);
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=giovanna.ferraresi%40aurora.example"), person_id_));
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=87654321"), company_id_));
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=00743110157"), company_id_));
    // Inside a name: a person's and a company's.
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=rrares"), person_id_));
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=efazion"), company_id_));
}

TEST_F(SearchApiTest, ToleratesATypo) {
    auto owner = owner_of(acme_);
    auto res = owner.get("/api/v1/search?q=ferarresi");
    ASSERT_EQ(res.status, 200);
    EXPECT_TRUE(found(res, person_id_)) << res.body;
}

TEST_F(SearchApiTest, ATypoInOneOfSeveralWordsOrInAnAccentedNameStillFinds) {
    auto owner = owner_of(acme_);
    auto noelia = owner.post("/api/v1/people", {{"fields", {{"first_name", "Noelia"}, {"last_name", "González"}}}});
    ASSERT_EQ(noelia.status, 201) << noelia.body;
    const std::string id = noelia.json()["id"];
    // The first word is right, the second is off by a letter.
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=giovanna%20ferarresi"), person_id_));
    // An exact name ranks above the names it resembles.
    auto exact = owner.get("/api/v1/search?q=ferraresi");
    ASSERT_FALSE(exact.json()["items"].empty()) << exact.body;
    EXPECT_EQ(exact.json()["items"][0]["id"], person_id_);
    // The vocabulary compares names accents folded (on PostgreSQL too: pg_trgm in the C
    // locale takes only ASCII letters for word characters, so it is given folded words).
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=gonzales"), id));
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=noelia%20gonzales"), id));
    // Erased, the person is not found under her old name, with or without a typo.
    ASSERT_EQ(owner.post("/api/v1/people/" + id + "/erase", nlohmann::json::object()).status, 204);
    EXPECT_FALSE(found(owner.get("/api/v1/search?q=gonzalez"), id));
    EXPECT_FALSE(found(owner.get("/api/v1/search?q=gonzales"), id));
}

// What Meilisearch and Typesense users expect of a typo: a swapped pair, a doubled or a
// missing letter, in one word or beside a right one.
TEST_F(SearchApiTest, ASwappedPairADoubledOrAMissingLetterStillFinds) {
    auto owner = owner_of(acme_);
    auto lombardo = owner.post("/api/v1/people", {{"fields", {{"first_name", "Ettore"}, {"last_name", "Lombardo"}}}});
    ASSERT_EQ(lombardo.status, 201) << lombardo.body;
    auto galli =
        owner.post("/api/v1/companies", {{"fields", {{"legal_name", "Consulenze Galli S.r.l."}, {"country", "IT"}}}});
    ASSERT_EQ(galli.status, 201) << galli.body;

    EXPECT_TRUE(found(owner.get("/api/v1/search?q=lombrado"), lombardo.json()["id"]));  // swapped pair
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=ettore%20lombrado"), lombardo.json()["id"]));
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=lombbardo"), lombardo.json()["id"]));       // doubled
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=lombado"), lombardo.json()["id"]));         // missing
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=consulenze%20gali"), galli.json()["id"]));  // missing
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=gallli"), galli.json()["id"]));             // doubled
    // And no typo where the words are right: an exact name is found as typed only.
    auto galileo = owner.post("/api/v1/people", {{"fields", {{"first_name", "Galileo"}, {"last_name", "Sarti"}}}});
    ASSERT_EQ(galileo.status, 201) << galileo.body;
    auto exact = owner.get("/api/v1/search?q=galileo");
    ASSERT_EQ(exact.status, 200);
    EXPECT_TRUE(found(exact, galileo.json()["id"]));
    EXPECT_FALSE(found(exact, galli.json()["id"]));
}

// A common name fills a mixed page with people; a search within one type finds the
// companies of that name behind them.
TEST_F(SearchApiTest, OneTypeOfRecordCanBeSearchedAlone) {
    auto owner = owner_of(acme_);
    auto company =
        owner.post("/api/v1/companies", {{"fields", {{"legal_name", "Vitrani Logistica"}, {"country", "IT"}}}});
    ASSERT_EQ(company.status, 201) << company.body;
    std::vector<std::string> people;
    for (int i = 0; i < 5; ++i) {
        auto p = owner.post("/api/v1/people",
                            {{"fields", {{"first_name", "Nome" + std::to_string(i)}, {"last_name", "Vitrani"}}}});
        ASSERT_EQ(p.status, 201) << p.body;
        people.push_back(p.json()["id"]);
    }
    auto mixed = owner.get("/api/v1/search?q=vitrani&limit=3");
    ASSERT_EQ(mixed.status, 200) << mixed.body;
    EXPECT_EQ(mixed.json()["items"].size(), 3u);
    EXPECT_FALSE(found(mixed, company.json()["id"]));  // the newer people come first on equal scores

    auto companies = owner.get("/api/v1/search?q=vitrani&limit=3&type=company");
    ASSERT_EQ(companies.status, 200) << companies.body;
    ASSERT_EQ(companies.json()["items"].size(), 1u);
    EXPECT_EQ(companies.json()["items"][0]["id"], company.json()["id"]);
    EXPECT_EQ(companies.json()["groups"]["people"].size(), 0u);

    auto all_people = owner.get("/api/v1/search?q=vitrani&limit=100&type=person");
    ASSERT_EQ(all_people.status, 200);
    for (const auto& id : people) EXPECT_TRUE(found(all_people, id)) << id;
    EXPECT_FALSE(found(all_people, company.json()["id"]));

    // A typo within one type, too.
    EXPECT_TRUE(found(owner.get("/api/v1/search?q=vitarni&type=company"), company.json()["id"]));

    auto bad = owner.get("/api/v1/search?q=vitrani&type=deal");
    EXPECT_EQ(bad.status, 422) << bad.body;
    EXPECT_EQ(bad.json()["errors"][0]["pointer"], "?type") << bad.body;
}

TEST_F(SearchApiTest, FindsNoteTextAndLeadsToItsPerson) {
    auto owner = owner_of(acme_);
    auto res = owner.get("/api/v1/search?q=sidamo");
    ASSERT_EQ(res.status, 200);
    ASSERT_FALSE(res.json()["groups"]["interactions"].empty()) << res.body;
    EXPECT_EQ(res.json()["groups"]["interactions"][0]["person_id"], person_id_);
}

TEST_F(SearchApiTest, RespectsWorkspacesAndPermissions) {
    auto owner = owner_of(acme_);
    auto res = owner.get("/api/v1/search?q=torrefazione");
    EXPECT_EQ(res.body.find("Globex"), std::string::npos);
    // A viewer key has no user and no teams: with the default grants it reads nothing.
    auto viewer = with_key(server_->api_key("acme", "viewer"));
    auto none = viewer.get("/api/v1/search?q=torrefazione");
    ASSERT_EQ(none.status, 200);
    EXPECT_TRUE(none.json()["items"].empty()) << none.body;
    EXPECT_TRUE(viewer.get("/api/v1/search?q=sidamo").json()["items"].empty());
}

TEST_F(SearchApiTest, EmptyOrOversizedQueriesAreRejected) {
    auto owner = owner_of(acme_);
    auto empty = owner.get("/api/v1/search?q=%20%21");
    expect_problem(empty, 422);
    EXPECT_TRUE(has_error_at(empty, "?q"));
    expect_problem(owner.get("/api/v1/search?q=x&limit=1000"), 422);
}

}  // namespace rapport::testing
