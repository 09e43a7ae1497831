// Records as people read them, over real HTTP: several labelled emails and phones (validated
// like the primary ones, errors naming the entry, found by search), industry as a coded
// value, a company's contacts with their job titles, and merges that keep the loser's email
// and phone and may clear a field.
#include <algorithm>
#include <cctype>

#include "api/api_fixture.hpp"

namespace rapport::testing {

class ContactListsApiTest : public ApiTest {
protected:
    static std::string message_at(const HttpResult& res, const std::string& pointer) {
        const auto body = res.json();
        for (const auto& e : body["errors"]) {
            if (e["pointer"] == pointer) return e["detail"].get<std::string>();
        }
        return {};
    }
    static std::vector<std::string> values_of(const nlohmann::json& list) {
        std::vector<std::string> out;
        if (list.is_array()) {
            for (const auto& e : list) out.push_back(e["value"]);
        }
        return out;
    }
    static bool search_finds(HttpClient& c, const std::string& q, const std::string& id) {
        auto res = c.get("/api/v1/search?q=" + url_encode(q));
        EXPECT_EQ(res.status, 200) << res.body;
        const auto body = res.json();
        for (const auto& i : body["items"]) {
            if (i["id"] == id) return true;
        }
        return false;
    }
};

TEST_F(ContactListsApiTest, OtherEmailsAndPhonesAreNormalisedLikeThePrimaryOnes) {
    auto owner = owner_of(acme_);
    const auto work = unique_name("giulia") + "@Work.Example";
    auto res = owner.post(
        "/api/v1/people",
        {{"fields",
          {{"first_name", "Giulia"},
           {"last_name", "Ferraresi"},
           {"country", "IT"},
           {"email", "giulia@example.com"},
           {"other_emails", {{{"label", "work"}, {"value", work}}, {{"label", "Circolo del tennis"}, {"value", work}}}},
           {"other_phones", {{{"label", "mobile"}, {"value", "333 123 4567"}}}}}}});
    ASSERT_EQ(res.status, 201) << res.body;
    auto fields = res.json()["fields"];
    ASSERT_EQ(fields["other_emails"].size(), 1u) << fields.dump();  // a value appears once
    std::string lower = work;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    EXPECT_EQ(fields["other_emails"][0]["value"], lower);
    EXPECT_EQ(fields["other_emails"][0]["label"], "work");
    EXPECT_EQ(fields["other_phones"][0]["value"], "+393331234567");
    EXPECT_EQ(fields["other_phones"][0]["label"], "mobile");
    const std::string id = res.json()["id"];
    // Read back as written, and cleared with null.
    auto read = owner.get("/api/v1/people/" + id);
    EXPECT_EQ(read.json()["fields"]["other_phones"][0]["value"], "+393331234567");
    auto cleared = owner.patch("/api/v1/people/" + id, {{"fields", {{"other_phones", nullptr}}}});
    ASSERT_EQ(cleared.status, 200) << cleared.body;
    EXPECT_TRUE(!cleared.json()["fields"].contains("other_phones") ||
                cleared.json()["fields"]["other_phones"].is_null());
}

TEST_F(ContactListsApiTest, AWrongEntryIsNamedInTheReadersLanguage) {
    auto owner = owner_of(acme_);
    const nlohmann::json body = {
        {"fields",
         {{"first_name", "Rui"},
          {"last_name", "Costa"},
          {"other_emails", {{{"label", "work"}, {"value", "rui@example.pt"}}, {{"label", "home"}, {"value", "nope"}}}},
          {"other_phones", {{{"label", "home"}, {"value", "12"}, {"colour", "red"}}}}}}};
    auto english = owner.post("/api/v1/people", body);
    expect_problem(english, 422);
    EXPECT_EQ(message_at(english, "/fields/other_emails/1/value"), "not a valid email address") << english.body;
    EXPECT_TRUE(has_error_at(english, "/fields/other_phones/0/colour")) << english.body;
    auto portuguese = owner.request("POST", "/api/v1/people", body.dump(),
                                    {{"Content-Type", "application/json"}, {"Accept-Language", "pt-BR,pt;q=0.9"}});
    expect_problem(portuguese, 422);
    EXPECT_EQ(message_at(portuguese, "/fields/other_emails/1/value"), "não é um endereço de e-mail válido");
    EXPECT_EQ(portuguese.header("content-language"), "pt-BR");
    auto shape = owner.post("/api/v1/people",
                            {{"fields", {{"first_name", "A"}, {"last_name", "B"}, {"other_emails", {{"x", 1}}}}}});
    expect_problem(shape, 422);
    EXPECT_TRUE(has_error_at(shape, "/fields/other_emails")) << shape.body;
}

TEST_F(ContactListsApiTest, SearchFindsAPersonByAnotherEmailOrPhone) {
    auto owner = owner_of(acme_);
    const auto local = unique_name("zanzibar");
    auto res = owner.post("/api/v1/people",
                          {{"fields",
                            {{"first_name", "Ottavio"},
                             {"last_name", "Quintavalle"},
                             {"other_emails", {{{"label", "home"}, {"value", local + "@secondary.example"}}}},
                             {"other_phones", {{{"label", "work"}, {"value", "+39 06 9876 5432"}}}}}}});
    ASSERT_EQ(res.status, 201) << res.body;
    const std::string id = res.json()["id"];
    EXPECT_TRUE(search_finds(owner, local, id));
    EXPECT_TRUE(search_finds(owner, "390698765432", id));
    // Changed lists are indexed again: the old address no longer finds the person.
    ASSERT_EQ(owner.patch("/api/v1/people/" + id, {{"fields", {{"other_emails", nullptr}}}}).status, 200);
    EXPECT_FALSE(search_finds(owner, local, id));
}

TEST_F(ContactListsApiTest, IndustryIsACodeGivenByCodeOrByNameInAnyLanguage) {
    auto owner = owner_of(acme_);
    const auto create = [&](const std::string& industry) {
        auto res = owner.post(
            "/api/v1/companies",
            {{"fields", {{"legal_name", unique_name("Industry Co")}, {"country", "IT"}, {"industry", industry}}}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.json()["fields"]["industry"];
    };
    EXPECT_EQ(create("manufacturing"), "manufacturing");
    EXPECT_EQ(create("Manifattura"), "manufacturing");
    EXPECT_EQ(create("Alimentos e bebidas"), "food_beverage");
    EXPECT_EQ(create("Deep-sea salvage"), "Deep-sea salvage");  // other text is kept as written
    auto filtered =
        owner.get("/api/v1/companies/count?filter=" +
                  url_encode(nlohmann::json({{"field", "industry"}, {"op", "eq"}, {"value", "manufacturing"}}).dump()));
    ASSERT_EQ(filtered.status, 200) << filtered.body;
    EXPECT_GE(filtered.json()["count"].get<int>(), 2);
}

TEST_F(ContactListsApiTest, ACompanysContactsComeWithTheirJobTitles) {
    auto owner = owner_of(acme_);
    auto company =
        owner.post("/api/v1/companies", {{"fields", {{"legal_name", unique_name("Contacts Co")}, {"country", "IT"}}}});
    const std::string company_id = company.json()["id"];
    auto p = owner.post("/api/v1/people", {{"fields", {{"first_name", "Lia"}, {"last_name", "Moro"}}}});
    const std::string p_id = p.json()["id"];
    ASSERT_EQ(owner
                  .put("/api/v1/people/" + p_id + "/affiliations",
                       {{"items", {{{"company_id", company_id}, {"job_title", "Head of purchasing"}}}}})
                  .status,
              200);
    auto contacts = owner.get("/api/v1/companies/" + company_id + "/contacts");
    ASSERT_EQ(contacts.status, 200) << contacts.body;
    ASSERT_EQ(contacts.json()["items"].size(), 1u);
    const auto c = contacts.json()["items"][0];
    EXPECT_EQ(c["id"], p_id);
    EXPECT_EQ(c["fields"]["first_name"], "Lia");
    EXPECT_EQ(c["job_title"], "Head of purchasing");
    EXPECT_EQ(c["is_primary"], true);
}

TEST_F(ContactListsApiTest, AMergeKeepsTheLosersEmailAndPhoneAndCanClearAField) {
    auto owner = owner_of(acme_);
    const auto email = unique_name("ada") + "@example.com";
    const auto other = unique_name("ada.work") + "@example.com";
    auto a = owner.post("/api/v1/people", {{"fields",
                                            {{"first_name", "Ada"},
                                             {"last_name", "Lovelace"},
                                             {"email", email},
                                             {"city", "Londra"},
                                             {"phone", "+39 02 1111 2222"}}}});
    ASSERT_EQ(a.status, 201) << a.body;
    auto b = owner.post("/api/v1/people", {{"fields",
                                            {{"first_name", "Ada"},
                                             {"last_name", "Lovelace"},
                                             {"email", other},
                                             {"city", "Londra"},
                                             {"phone", "+39 02 3333 4444"}}}});
    ASSERT_EQ(b.status, 201) << b.body;
    const std::string survivor = a.json()["id"], merged = b.json()["id"];
    auto res =
        owner.post("/api/v1/people/" + survivor + "/merge", {{"merged_id", merged}, {"choices", {{"city", "clear"}}}});
    ASSERT_EQ(res.status, 200) << res.body;
    const auto fields = res.json()["fields"];
    EXPECT_EQ(fields["email"], email);
    EXPECT_EQ(values_of(fields["other_emails"]), std::vector<std::string>{other});
    EXPECT_EQ(values_of(fields["other_phones"]), std::vector<std::string>{"+390233334444"});
    EXPECT_TRUE(!fields.contains("city") || fields["city"].is_null()) << fields.dump();
    // The loser's email still finds the survivor.
    EXPECT_TRUE(search_finds(owner, other, survivor));
    // A required field cannot be cleared; an unknown choice is refused.
    auto c = owner.post("/api/v1/people", {{"fields", {{"first_name", "Bo"}, {"last_name", "Ek"}}}});
    auto d = owner.post("/api/v1/people", {{"fields", {{"first_name", "Bo"}, {"last_name", "Ek"}}}});
    const std::string c_id = c.json()["id"], d_id = d.json()["id"];
    auto bad =
        owner.post("/api/v1/people/" + c_id + "/merge", {{"merged_id", d_id}, {"choices", {{"last_name", "clear"}}}});
    expect_problem(bad, 422);
    EXPECT_TRUE(has_error_at(bad, "/choices/last_name")) << bad.body;
    expect_problem(
        owner.post("/api/v1/people/" + c_id + "/merge", {{"merged_id", d_id}, {"choices", {{"city", "none"}}}}), 422);
}

}  // namespace rapport::testing
