// What an import fills in that the file does not say, over real HTTP: a default country for
// rows without one (an Italian company file with no country column; Spanish people with
// national phone numbers) and constant values for every row, checked once when the mapping is
// saved.
#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "api/api_fixture.hpp"
#include "api/imports/import_client.hpp"
#include "domain/customers/tax_id.hpp"

namespace rapport::testing {

class ImportDefaultsApiTest : public ApiTest {
protected:
    static void SetUpTestSuite() {
        ApiTest::SetUpTestSuite();
        ws_ = server_->bootstrap("import-defaults");
    }

    HttpClient owner() const { return signed_in_client(*server_, ws_.owner_email, ws_.password); }

    // Uploads `file`; answers the import's id.
    static std::string upload(HttpClient& c, const std::string& entity, const std::string& file) {
        auto up = upload_import(c, entity, "defaults.csv", file);
        EXPECT_EQ(up.status, 201) << up.body;
        return up.json()["id"];
    }
    static nlohmann::json dry_run(HttpClient& c, const std::string& id) {
        auto res = c.post("/api/v1/imports/" + id + "/dry-run", nlohmann::json::object());
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json();
    }
    static nlohmann::json run(HttpClient& c, const std::string& id) {
        auto res = c.post("/api/v1/imports/" + id + "/start", nlohmann::json::object());
        EXPECT_EQ(res.status, 202) << res.body;
        return wait_import_finished(c, id);
    }
    static nlohmann::json list(HttpClient& c, const std::string& what, const nlohmann::json& filter) {
        auto res = c.get("/api/v1/" + what + "?limit=500&filter=" + url_encode(filter.dump()));
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json()["items"];
    }

    static inline TestServer::Workspace ws_;
};

TEST_F(ImportDefaultsApiTest, AnItalianCompanyFileWithoutACountryColumnImportsWithTheDefaultIt) {
    auto c = owner();
    const std::string city = unique_name("Cremona");
    std::mt19937_64 random(std::random_device{}());
    std::vector<std::string> vat;
    for (int i = 0; i < 3; ++i) vat.push_back(domain::make_partita_iva(random() % 1'000'000));
    std::string wrong = vat[0];
    wrong.back() = static_cast<char>('0' + (wrong.back() - '0' + 1) % 10);  // a mistyped check digit
    std::string file = "Ragione sociale;Partita IVA;Citt\xC3\xA0\n";
    for (int i = 0; i < 3; ++i) file += "Azienda " + std::to_string(i) + " S.r.l.;" + vat[i] + ";" + city + "\n";
    file += "Sbagliata S.r.l.;" + wrong + ";" + city + "\n";
    const std::string id = upload(c, "company", file);
    nlohmann::json mapping = {
        {"columns", {{"Ragione sociale", "legal_name"}, {"Partita IVA", "vat_id"}, {"Citt\xC3\xA0", "city"}}}};

    // Without a country column the mapping says how to give one.
    auto refused = c.put("/api/v1/imports/" + id + "/mapping", mapping);
    expect_problem(refused, 422);
    ASSERT_TRUE(has_error_at(refused, "/columns")) << refused.body;
    EXPECT_NE(refused.body.find("default_country"), std::string::npos) << refused.body;
    // A default country is a country code.
    mapping["default_country"] = "Italia";
    auto bad = c.put("/api/v1/imports/" + id + "/mapping", mapping);
    expect_problem(bad, 422);
    EXPECT_TRUE(has_error_at(bad, "/default_country")) << bad.body;

    mapping["default_country"] = "it";
    auto mapped = c.put("/api/v1/imports/" + id + "/mapping", mapping);
    ASSERT_EQ(mapped.status, 200) << mapped.body;
    EXPECT_EQ(mapped.json()["mapping"]["default_country"], "IT") << mapped.body;
    EXPECT_EQ(c.get("/api/v1/imports/" + id).json()["mapping"]["default_country"], "IT");

    // The P.IVAs are checked as Italian ones: the mistyped one is rejected.
    auto dry = dry_run(c, id);
    EXPECT_EQ(dry["would_create"], 3) << dry.dump();
    EXPECT_EQ(dry["rejected"], 1) << dry.dump();
    ASSERT_EQ(dry["rejected_rows"].size(), 1u) << dry.dump();
    EXPECT_EQ(dry["rejected_rows"][0]["row"], 4);
    EXPECT_EQ(dry["rejected_rows"][0]["errors"][0]["field"], "vat_id");
    EXPECT_NE(dry["rejected_rows"][0]["errors"][0]["detail"].get<std::string>().find("check digit"), std::string::npos)
        << dry.dump();

    auto done = run(c, id);
    EXPECT_EQ(done["status"], "completed") << done.dump();
    EXPECT_EQ(done["created"], 3) << done.dump();
    EXPECT_EQ(done["rejected"], 1) << done.dump();
    auto items = list(c, "companies", {{"field", "city"}, {"op", "eq"}, {"value", city}});
    ASSERT_EQ(items.size(), 3u) << items.dump();
    std::set<std::string> stored;
    for (const auto& item : items) {
        EXPECT_EQ(item["fields"]["country"], "IT") << item.dump();
        stored.insert(item["fields"]["vat_id"].get<std::string>());
    }
    EXPECT_EQ(stored, std::set<std::string>(vat.begin(), vat.end()));
}

TEST_F(ImportDefaultsApiTest, SpanishNationalPhonesAreReadWithTheDefaultCountryAndARowsOwnCountryWins) {
    auto c = owner();
    const std::string city = unique_name("Sevilla");
    // Two thirds of such a file were rejected without a country: every row is imported with ES.
    std::string file =
        "Nombre,Apellidos,Tel\xC3\xA9"
        "fono,Pa\xC3\xADs,Ciudad\n";
    file +=
        "Luc\xC3\xAD"
        "a,Garc\xC3\xAD"
        "a,612 34 56 78,," +
        city + "\n";
    file += "Javier,L\xC3\xB3pez,623 45 67 89,," + city + "\n";
    file += "Jo\xC3\xA3o,Silva,912 345 678,PT," + city + "\n";
    const std::string id = upload(c, "person", file);
    nlohmann::json mapping = {{"columns",
                               {{"Nombre", "first_name"},
                                {"Apellidos", "last_name"},
                                {"Tel\xC3\xA9"
                                 "fono",
                                 "phone"},
                                {"Pa\xC3\xADs", "country"},
                                {"Ciudad", "city"}}}};
    ASSERT_EQ(c.put("/api/v1/imports/" + id + "/mapping", mapping).status, 200);
    auto without = dry_run(c, id);
    EXPECT_EQ(without["rejected"], 2) << without.dump();
    EXPECT_EQ(without["rejected_rows"][0]["errors"][0]["field"], "phone") << without.dump();

    mapping["default_country"] = "ES";
    ASSERT_EQ(c.put("/api/v1/imports/" + id + "/mapping", mapping).status, 200);
    auto dry = dry_run(c, id);
    EXPECT_EQ(dry["would_create"], 3) << dry.dump();
    EXPECT_EQ(dry["rejected"], 0) << dry.dump();
    auto done = run(c, id);
    EXPECT_EQ(done["status"], "completed") << done.dump();
    EXPECT_EQ(done["created"], 3) << done.dump();
    EXPECT_EQ(done["rejected"], 0) << done.dump();

    std::map<std::string, std::pair<std::string, std::string>> by_name;  // last name -> phone, country
    for (const auto& item : list(c, "people", {{"field", "city"}, {"op", "eq"}, {"value", city}})) {
        by_name[item["fields"]["last_name"].get<std::string>()] = {item["fields"]["phone"].get<std::string>(),
                                                                   item["fields"]["country"].get<std::string>()};
    }
    ASSERT_EQ(by_name.size(), 3u);
    EXPECT_EQ(by_name["Garc\xC3\xAD"
                      "a"],
              std::make_pair(std::string("+34612345678"), std::string("ES")));
    EXPECT_EQ(by_name["L\xC3\xB3pez"], std::make_pair(std::string("+34623456789"), std::string("ES")));
    EXPECT_EQ(by_name["Silva"], std::make_pair(std::string("+351912345678"), std::string("PT")));
}

TEST_F(ImportDefaultsApiTest, TheDefaultCountryNeverChangesAStoredOne) {
    auto c = owner();
    const std::string email = unique_name("amelie") + "@example.fr";
    auto created = c.post("/api/v1/people", {{"fields",
                                              {{"first_name", "Am\xC3\xA9lie"},
                                               {"last_name", "Martin"},
                                               {"email", email},
                                               {"country", "FR"},
                                               {"phone", "+33 1 23 45 67 89"}}}});
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string person = created.json()["id"];
    const std::string id =
        upload(c, "person", "First name,Last name,Email,City\nAm\xC3\xA9lie,Martin," + email + ",Lyon\n");
    nlohmann::json mapping = {
        {"columns", {{"First name", "first_name"}, {"Last name", "last_name"}, {"Email", "email"}, {"City", "city"}}},
        {"default_country", "IT"}};
    ASSERT_EQ(c.put("/api/v1/imports/" + id + "/mapping", mapping).status, 200);
    auto done = run(c, id);
    EXPECT_EQ(done["updated"], 1) << done.dump();
    auto after = c.get("/api/v1/people/" + person).json();
    EXPECT_EQ(after["fields"]["city"], "Lyon") << after.dump();
    EXPECT_EQ(after["fields"]["country"], "FR") << after.dump();
    EXPECT_EQ(after["fields"]["phone"], "+33123456789") << after.dump();
}

TEST_F(ImportDefaultsApiTest, ConstantsFillEveryRowAndAreCheckedOnceWhenTheMappingIsSaved) {
    auto c = owner();
    const std::string city = unique_name("Braga");
    const std::string tag = unique_name("feira");
    std::string file = "First name,Last name,Tags,Language\n";
    file += "Ana,Sousa,lead,\nRui,Costa,,\nInês,Rocha,cliente;lead,es\n";
    const std::string id = upload(c, "person", file);
    nlohmann::json mapping = {
        {"columns",
         {{"First name", "first_name"}, {"Last name", "last_name"}, {"Tags", "tags"}, {"Language", "language"}}},
        {"constants", {{"tags", tag + ", 2026"}, {"city", city}, {"phone", "12"}, {"email", "not-an-email"}}}};

    // Invalid constants are reported once each, where they were given, and nothing is saved.
    auto refused = c.put("/api/v1/imports/" + id + "/mapping", mapping);
    expect_problem(refused, 422);
    auto problem = refused.json();
    ASSERT_EQ(problem["errors"].size(), 2u) << refused.body;
    EXPECT_TRUE(has_error_at(refused, "/constants/phone")) << refused.body;
    EXPECT_TRUE(has_error_at(refused, "/constants/email")) << refused.body;
    EXPECT_EQ(c.get("/api/v1/imports/" + id).json()["status"], "uploaded");
    // A constant for a field a column fills is refused too: one or the other.
    mapping["constants"] = {{"language", "pt"}};
    auto clash = c.put("/api/v1/imports/" + id + "/mapping", mapping);
    expect_problem(clash, 422);
    EXPECT_TRUE(has_error_at(clash, "/constants/language")) << clash.body;
    // A bad constant tag is named once, not once per row.
    mapping["constants"] = {{"tags", std::string(61, 'x')}};
    auto long_tag = c.put("/api/v1/imports/" + id + "/mapping", mapping);
    expect_problem(long_tag, 422);
    ASSERT_EQ(long_tag.json()["errors"].size(), 1u) << long_tag.body;
    EXPECT_EQ(long_tag.json()["errors"][0]["pointer"], "/constants/tags") << long_tag.body;

    mapping["constants"] = {{"tags", tag + ", 2026"}, {"city", city}};
    auto mapped = c.put("/api/v1/imports/" + id + "/mapping", mapping);
    ASSERT_EQ(mapped.status, 200) << mapped.body;
    EXPECT_EQ(mapped.json()["mapping"]["constants"], nlohmann::json({{"city", city}, {"tags", tag + ", 2026"}}));
    auto dry = dry_run(c, id);
    EXPECT_EQ(dry["would_create"], 3) << dry.dump();
    EXPECT_EQ(dry["rejected"], 0) << dry.dump();
    auto done = run(c, id);
    EXPECT_EQ(done["created"], 3) << done.dump();

    auto items = list(c, "people", {{"field", "tags"}, {"op", "has_tag"}, {"value", tag}});
    ASSERT_EQ(items.size(), 3u) << items.dump();
    for (const auto& item : items) {
        EXPECT_EQ(item["fields"]["city"], city) << item.dump();
        const auto tags = item["tags"].get<std::vector<std::string>>();
        EXPECT_NE(std::find(tags.begin(), tags.end(), "2026"), tags.end()) << item.dump();
        if (item["fields"]["first_name"] == "Ana") {
            EXPECT_EQ(tags, (std::vector<std::string>{"2026", tag, "lead"})) << item.dump();
        }
        if (item["fields"]["first_name"] == "Rui") {
            EXPECT_EQ(tags.size(), 2u) << item.dump();
        }
    }
}

}  // namespace rapport::testing
