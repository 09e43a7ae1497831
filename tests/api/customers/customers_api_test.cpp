// Companies and people over real HTTP: validation and normalisation, provenance, history,
// custom fields, tags, record-level permissions and workspace isolation.
#include "api/api_fixture.hpp"

namespace rapport::testing {

class CustomersApiTest : public ApiTest {
protected:
    // A signed-in user of acme with `role`, optionally in a new team; returns client and ids.
    struct Member {
        HttpClient client;
        std::string user_id;
    };
    Member member_of_acme(const std::string& role) {
        auto owner = owner_of(acme_);
        const auto email = unique_name("m") + "@acme.test";
        auto created =
            owner.post("/api/v1/users",
                       {{"email", email}, {"display_name", "M"}, {"role", role}, {"password", "long enough password"}});
        EXPECT_EQ(created.status, 201) << created.body;
        return {signed_in_client(*server_, email, "long enough password"), created.json()["id"]};
    }
};

TEST_F(CustomersApiTest, CreatesACompanyWithNormalisedValuesAndProvenance) {
    auto owner = owner_of(acme_);
    auto res = owner.post("/api/v1/companies", {{"fields",
                                                 {{"legal_name", "Rossi Meccanica S.r.l."},
                                                  {"country", "it"},
                                                  {"vat_id", "IT 007.431.101-57"},
                                                  {"pec", " Rossi@PEC.example "},
                                                  {"phone", "02 1234 5678"},
                                                  {"website", "rossi.example"},
                                                  {"city", "Milano"}}},
                                                {"tags", {"vip", "meccanica", "vip"}}});
    ASSERT_EQ(res.status, 201) << res.body;
    auto body = res.json();
    EXPECT_EQ(body["fields"]["country"], "IT");
    EXPECT_EQ(body["fields"]["vat_id"], "00743110157");
    EXPECT_EQ(body["fields"]["pec"], "rossi@pec.example");
    EXPECT_EQ(body["fields"]["phone"], "+390212345678");
    EXPECT_EQ(body["fields"]["website"], "https://rossi.example");
    EXPECT_EQ(body["fields"]["market"], "b2b");
    EXPECT_EQ(body["tags"], nlohmann::json({"meccanica", "vip"}));
    EXPECT_EQ(body["provenance"]["legal_name"]["source"], "manual");
    EXPECT_EQ(body["provenance"]["legal_name"]["data_kind"], "first_party");
    EXPECT_FALSE(body["owner_user_id"].is_null());  // the creator owns it
    EXPECT_EQ(res.header("location"), "/api/v1/companies/" + body["id"].get<std::string>());
}

TEST_F(CustomersApiTest, InvalidValuesAreRejectedWithTheReasonAndNothingIsWritten) {
    auto owner = owner_of(acme_);
    auto res = owner.post("/api/v1/companies", {{"fields",
                                                 {{"legal_name", ""},
                                                  {"country", "IT"},
                                                  {"vat_id", "00743110158"},
                                                  {"email", "not-an-email"},
                                                  {"phone", "12"},
                                                  {"size", "huge"},
                                                  {"colour", "red"}}},
                                                {"flavour", 1}});
    expect_problem(res, 422);
    for (const char* p : {"/fields/legal_name", "/fields/vat_id", "/fields/email", "/fields/phone", "/fields/size",
                          "/fields/colour", "/flavour"}) {
        EXPECT_TRUE(has_error_at(res, p)) << p << " in " << res.body;
    }
    EXPECT_NE(res.body.find("check digit"), std::string::npos);
    auto spanish =
        owner.post("/api/v1/companies",
                   {{"fields", {{"legal_name", "Bad CIF S.L."}, {"country", "ES"}, {"vat_id", "B1234567X"}}}});
    expect_problem(spanish, 422);
    EXPECT_TRUE(has_error_at(spanish, "/fields/vat_id"));
    auto list = owner.get("/api/v1/companies?limit=500");
    EXPECT_EQ(list.body.find("Bad CIF"), std::string::npos);
}

TEST_F(CustomersApiTest, LengthLimitsCountCharactersAndReportOneErrorPerField) {
    auto owner = owner_of(acme_);
    const auto accents = [](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += "\u00e9";  // two bytes each in UTF-8
        return s;
    };
    const auto errors_at = [](const HttpResult& res, const std::string& pointer) {
        int n = 0;
        const auto body = res.json();
        for (const auto& e : body["errors"]) n += e["pointer"] == pointer ? 1 : 0;
        return n;
    };
    auto def =
        owner.post("/api/v1/custom-fields/person", {{"key", "motto"}, {"label", accents(100)}, {"type", "text"}});
    ASSERT_EQ(def.status, 201) << def.body;
    auto ok = owner.post("/api/v1/people", {{"fields", {{"first_name", accents(500)}, {"last_name", "Accenti"}}},
                                            {"custom", {{"motto", accents(2000)}}},
                                            {"tags", {accents(60)}}});
    ASSERT_EQ(ok.status, 201) << ok.body.substr(0, 2000);
    EXPECT_EQ(ok.json()["fields"]["first_name"], accents(500));

    auto refused = owner.post("/api/v1/people", {{"fields", {{"first_name", accents(501)}, {"last_name", "Accenti"}}},
                                                 {"custom", {{"motto", accents(2001)}}},
                                                 {"tags", {accents(61)}}});
    expect_problem(refused, 422);
    EXPECT_EQ(errors_at(refused, "/fields/first_name"), 1) << refused.body.substr(0, 2000);
    EXPECT_EQ(errors_at(refused, "/custom/motto"), 1);
    EXPECT_EQ(errors_at(refused, "/tags/0"), 1);
    EXPECT_NE(refused.body.find("at most 500 characters"), std::string::npos);
    EXPECT_EQ(refused.body.find("\"required\""), std::string::npos);
}

TEST_F(CustomersApiTest, UpdatesKeepFieldHistoryAndDeclaredSources) {
    auto owner = owner_of(acme_);
    auto created = owner.post(
        "/api/v1/people",
        {{"fields", {{"first_name", "Ana"}, {"last_name", "Sousa"}, {"country", "PT"}, {"phone", "912 345 678"}}}});
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = created.json()["id"];
    EXPECT_EQ(created.json()["fields"]["phone"], "+351912345678");
    EXPECT_EQ(created.json()["fields"]["kind"], "b2b_contact");

    auto key = with_key(server_->api_key("acme", "admin"));
    auto patched =
        key.patch("/api/v1/people/" + id, {{"fields", {{"email", "ana.sousa@example.pt"}, {"city", "Porto"}}},
                                           {"source", {{"data_kind", "third_party"}, {"connector", "data-broker"}}}});
    ASSERT_EQ(patched.status, 200) << patched.body;
    auto prov = patched.json()["provenance"];
    EXPECT_EQ(prov["email"]["source"], "connector");
    EXPECT_EQ(prov["email"]["ref"], "connector:data-broker");
    EXPECT_EQ(prov["email"]["data_kind"], "third_party");
    EXPECT_EQ(prov["first_name"]["source"], "manual");

    ASSERT_EQ(owner.patch("/api/v1/people/" + id, {{"fields", {{"city", "Lisboa"}}}}).status, 200);
    auto history = owner.get("/api/v1/people/" + id + "/history");
    ASSERT_EQ(history.status, 200);
    auto items = history.json()["items"];
    ASSERT_GE(items.size(), 5u);
    EXPECT_EQ(items[0]["field"], "city");
    EXPECT_EQ(items[0]["old_value"], "Porto");
    EXPECT_EQ(items[0]["new_value"], "Lisboa");
    EXPECT_EQ(items[0]["actor"], acme_.owner_email);
    EXPECT_EQ(items[1]["source"], "connector");

    // Clearing a field records the clearing.
    ASSERT_EQ(owner.patch("/api/v1/people/" + id, {{"fields", {{"city", nullptr}}}}).status, 200);
    auto after = owner.get("/api/v1/people/" + id).json();
    EXPECT_FALSE(after["fields"].contains("city"));
}

TEST_F(CustomersApiTest, CustomFieldsAreDefinedByAdminsAndValidatedOnEveryWrite) {
    auto owner = owner_of(acme_);
    auto def = owner.post("/api/v1/custom-fields/company",
                          {{"key", "annual_volume"}, {"label", "Annual coffee volume (kg)"}, {"type", "number"}});
    ASSERT_EQ(def.status, 201) << def.body;
    ASSERT_EQ(owner
                  .post("/api/v1/custom-fields/company", {{"key", "roast"},
                                                          {"label", "Preferred roast"},
                                                          {"type", "select"},
                                                          {"options", {"light", "medium", "dark"}}})
                  .status,
              201);
    expect_problem(
        owner.post("/api/v1/custom-fields/company", {{"key", "roast"}, {"label", "Again"}, {"type", "text"}}), 409);
    auto bad_def = owner.post("/api/v1/custom-fields/company", {{"key", "Bad Key"}, {"label", ""}, {"type", "select"}});
    expect_problem(bad_def, 422);
    EXPECT_TRUE(has_error_at(bad_def, "/key"));
    EXPECT_TRUE(has_error_at(bad_def, "/options"));

    auto ok = owner.post("/api/v1/companies", {{"fields", {{"legal_name", "Bar Centrale"}, {"country", "IT"}}},
                                               {"custom", {{"annual_volume", 1200}, {"roast", "dark"}}}});
    ASSERT_EQ(ok.status, 201) << ok.body;
    EXPECT_EQ(ok.json()["custom"]["roast"], "dark");
    EXPECT_EQ(ok.json()["provenance"]["custom.roast"]["source"], "manual");
    auto bad =
        owner.post("/api/v1/companies", {{"fields", {{"legal_name", "Bar Sbagliato"}, {"country", "IT"}}},
                                         {"custom", {{"annual_volume", "lots"}, {"roast", "burnt"}, {"nope", 1}}}});
    expect_problem(bad, 422);
    EXPECT_TRUE(has_error_at(bad, "/custom/annual_volume"));
    EXPECT_TRUE(has_error_at(bad, "/custom/roast"));
    EXPECT_TRUE(has_error_at(bad, "/custom/nope"));
    auto viewer = with_key(server_->api_key("acme", "viewer"));
    expect_problem(viewer.post("/api/v1/custom-fields/person", {{"key", "x"}, {"label", "X"}, {"type", "text"}}), 403);
}

TEST_F(CustomersApiTest, ValuesOfARemovedCustomFieldCanStillBeCleared) {
    auto owner = owner_of(acme_);
    ASSERT_EQ(
        owner.post("/api/v1/custom-fields/person", {{"key", "shoe_size"}, {"label", "Shoe size"}, {"type", "number"}})
            .status,
        201);
    auto rec = owner.post("/api/v1/people", {{"fields", {{"first_name", "Old"}, {"last_name", "Field"}}},
                                             {"custom", {{"shoe_size", 42}}}});
    ASSERT_EQ(rec.status, 201) << rec.body;
    EXPECT_EQ(rec.json()["provenance"]["owner_user_id"]["source"], "manual");
    const std::string id = rec.json()["id"];
    EXPECT_EQ(owner.del("/api/v1/custom-fields/person/shoe_size").status, 204);
    expect_problem(owner.patch("/api/v1/people/" + id, {{"custom", {{"shoe_size", 43}}}}), 422);
    auto cleared = owner.patch("/api/v1/people/" + id, {{"custom", {{"shoe_size", nullptr}}}});
    ASSERT_EQ(cleared.status, 200) << cleared.body;
    EXPECT_FALSE(cleared.json()["custom"].contains("shoe_size"));
}

TEST_F(CustomersApiTest, RecordLevelPermissionsApplyToEveryReadAndWrite) {
    auto owner = owner_of(acme_);
    auto ada = member_of_acme("member");
    auto bob = member_of_acme("member");
    auto team = owner.post("/api/v1/teams", {{"name", unique_name("Team")},
                                             {"kind", "sales"},
                                             {"members", {{{"user_id", ada.user_id}, {"sales_role", "farmer"}}}}});
    ASSERT_EQ(team.status, 201) << team.body;
    const std::string team_id = team.json()["id"];

    // Ada creates one record for her team; Bob creates one of his own.
    auto ada_rec = ada.client.post("/api/v1/companies",
                                   {{"fields", {{"legal_name", "Ada Co"}, {"country", "IT"}}}, {"team_id", team_id}});
    ASSERT_EQ(ada_rec.status, 201) << ada_rec.body;
    auto bob_rec = bob.client.post("/api/v1/companies", {{"fields", {{"legal_name", "Bob Co"}, {"country", "IT"}}}});
    ASSERT_EQ(bob_rec.status, 201) << bob_rec.body;
    const std::string ada_id = ada_rec.json()["id"], bob_id = bob_rec.json()["id"];

    // Members read their team's and their own records only; the other one is "not found".
    expect_problem(ada.client.get("/api/v1/companies/" + bob_id), 404);
    expect_problem(bob.client.get("/api/v1/companies/" + ada_id), 404);
    auto ada_list = ada.client.get("/api/v1/companies?limit=500");
    EXPECT_NE(ada_list.body.find("Ada Co"), std::string::npos);
    EXPECT_EQ(ada_list.body.find("Bob Co"), std::string::npos);
    // Members may not create records owned by someone else.
    expect_problem(ada.client.post("/api/v1/companies", {{"fields", {{"legal_name", "Gift"}, {"country", "IT"}}},
                                                         {"owner_user_id", bob.user_id}}),
                   403);
    // Owners see and change everything.
    EXPECT_EQ(owner.get("/api/v1/companies/" + bob_id).status, 200);
    EXPECT_EQ(owner.patch("/api/v1/companies/" + ada_id, {{"fields", {{"city", "Torino"}}}}).status, 200);

    // Viewers read team records and write nothing.
    auto viewer = member_of_acme("viewer");
    ASSERT_EQ(owner
                  .patch("/api/v1/teams/" + team_id,
                         {{"members", {{{"user_id", ada.user_id}}, {{"user_id", viewer.user_id}}}}})
                  .status,
              200);
    EXPECT_EQ(viewer.client.get("/api/v1/companies/" + ada_id).status, 200);
    expect_problem(viewer.client.patch("/api/v1/companies/" + ada_id, {{"fields", {{"city", "Roma"}}}}), 403);
    expect_problem(viewer.client.del("/api/v1/companies/" + ada_id), 403);
}

TEST_F(CustomersApiTest, AnotherWorkspaceNeverSeesOrTouchesTheRecords) {
    auto acme = owner_of(acme_);
    auto globex = owner_of(globex_);
    auto rec = acme.post("/api/v1/people", {{"fields", {{"first_name", "Secret"}, {"last_name", "Person"}}}});
    ASSERT_EQ(rec.status, 201);
    const std::string id = rec.json()["id"];
    for (auto res :
         {globex.get("/api/v1/people/" + id), globex.patch("/api/v1/people/" + id, {{"fields", {{"city", "X"}}}}),
          globex.del("/api/v1/people/" + id), globex.get("/api/v1/people/" + id + "/history")}) {
        expect_problem(res, 404);
        EXPECT_EQ(res.body.find("Secret"), std::string::npos);
    }
    EXPECT_EQ(globex.get("/api/v1/people?limit=500").body.find("Secret"), std::string::npos);
    const std::string acme_owner = acme.get("/api/v1/me").json()["user"]["id"];
    auto cross = globex.post("/api/v1/people",
                             {{"fields", {{"first_name", "A"}, {"last_name", "B"}}}, {"owner_user_id", acme_owner}});
    expect_problem(cross, 422);
    EXPECT_TRUE(has_error_at(cross, "/owner_user_id"));
    EXPECT_EQ(acme.get("/api/v1/people/" + id).json()["fields"]["first_name"], "Secret");
}

TEST_F(CustomersApiTest, ConsumersBelongOnlyToBuyers) {
    auto owner = owner_of(acme_);
    auto plain = owner.post("/api/v1/companies", {{"fields", {{"legal_name", "Not A Buyer"}, {"country", "ES"}}}});
    auto buyer = owner.post(
        "/api/v1/companies",
        {{"fields", {{"legal_name", "Cafetería Luna S.L."}, {"country", "ES"}, {"buyer_kind", "retailer"}}}});
    ASSERT_EQ(buyer.status, 201) << buyer.body;
    const std::string plain_id = plain.json()["id"], buyer_id = buyer.json()["id"];
    auto wrong = owner.post(
        "/api/v1/people", {{"fields", {{"first_name", "Eva"}, {"last_name", "Gil"}, {"buyer_company_id", plain_id}}}});
    expect_problem(wrong, 422);
    EXPECT_TRUE(has_error_at(wrong, "/fields/buyer_company_id"));
    auto consumer = owner.post(
        "/api/v1/people", {{"fields", {{"first_name", "Eva"}, {"last_name", "Gil"}, {"buyer_company_id", buyer_id}}}});
    ASSERT_EQ(consumer.status, 201) << consumer.body;
    EXPECT_EQ(consumer.json()["fields"]["kind"], "b2c_consumer");
}

TEST_F(CustomersApiTest, DeleteRemovesTheRecordAndAuditsIt) {
    auto owner = owner_of(acme_);
    auto rec = owner.post("/api/v1/companies", {{"fields", {{"legal_name", "Short Lived"}, {"country", "PT"}}}});
    const std::string id = rec.json()["id"];
    EXPECT_EQ(owner.del("/api/v1/companies/" + id).status, 204);
    expect_problem(owner.get("/api/v1/companies/" + id), 404);
    auto audit = owner.get("/api/v1/audit?action=company.deleted");
    EXPECT_NE(audit.body.find(id), std::string::npos);
}

TEST_F(CustomersApiTest, AffiliationsMakeContactsAndBuyersListTheirConsumers) {
    auto owner = owner_of(acme_);
    auto a = owner.post("/api/v1/companies", {{"fields", {{"legal_name", "Alfa Bar"}, {"country", "IT"}}}});
    auto b = owner.post("/api/v1/companies",
                        {{"fields", {{"legal_name", "Beta Bar"}, {"country", "IT"}, {"buyer_kind", "retailer"}}}});
    const std::string a_id = a.json()["id"], b_id = b.json()["id"];
    auto p = owner.post("/api/v1/people", {{"fields", {{"first_name", "Sara"}, {"last_name", "Conti"}}}});
    const std::string p_id = p.json()["id"];
    auto set = owner.put("/api/v1/people/" + p_id + "/affiliations",
                         {{"items", {{{"company_id", a_id}, {"job_title", "Buyer"}}, {{"company_id", b_id}}}}});
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_EQ(set.json()["items"][0]["is_primary"], true);
    auto contacts = owner.get("/api/v1/companies/" + a_id + "/contacts");
    ASSERT_EQ(contacts.status, 200);
    ASSERT_EQ(contacts.json()["items"].size(), 1u);
    EXPECT_EQ(contacts.json()["items"][0]["id"], p_id);
    auto history = owner.get("/api/v1/people/" + p_id + "/history");
    EXPECT_NE(history.body.find("affiliations"), std::string::npos);
    auto bad = owner.put(
        "/api/v1/people/" + p_id + "/affiliations",
        {{"items", {{{"company_id", a_id}}, {{"company_id", a_id}}, {{"company_id", "999"}, {"role", "x"}}}}});
    expect_problem(bad, 422);
    EXPECT_TRUE(has_error_at(bad, "/items/2/role"));
    auto consumer = owner.post(
        "/api/v1/people", {{"fields", {{"first_name", "Leo"}, {"last_name", "Gatti"}, {"buyer_company_id", b_id}}}});
    ASSERT_EQ(consumer.status, 201);
    auto consumers = owner.get("/api/v1/companies/" + b_id + "/consumers");
    ASSERT_EQ(consumers.status, 200);
    ASSERT_EQ(consumers.json()["items"].size(), 1u);
    EXPECT_EQ(consumers.json()["items"][0]["fields"]["first_name"], "Leo");
    // Another workspace sees none of it.
    expect_problem(owner_of(globex_).get("/api/v1/companies/" + b_id + "/consumers"), 404);
}

}  // namespace rapport::testing
