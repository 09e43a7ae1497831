// Right of access and right to erasure for people, over real HTTP.
#include "api/api_fixture.hpp"

namespace rapport::testing {

class PrivacyApiTest : public ApiTest {};

TEST_F(PrivacyApiTest, ExportsEverythingHeldAboutAPersonAndAuditsIt) {
    auto owner = owner_of(acme_);
    auto person =
        owner.post("/api/v1/people",
                   {{"fields", {{"first_name", "Marta"}, {"last_name", "Lopes"}, {"email", "marta@lopes.example"}}},
                    {"tags", {"newsletter"}}});
    ASSERT_EQ(person.status, 201);
    const std::string id = person.json()["id"];
    ASSERT_EQ(owner.patch("/api/v1/people/" + id, {{"fields", {{"city", "Braga"}}}}).status, 200);
    ASSERT_EQ(
        owner.post("/api/v1/interactions", {{"kind", "note"}, {"person_id", id}, {"body", "Asked about decaf"}}).status,
        201);
    auto res = owner.get("/api/v1/people/" + id + "/privacy-export");
    ASSERT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    EXPECT_EQ(doc["person"]["fields"]["email"], "marta@lopes.example");
    EXPECT_EQ(doc["person"]["tags"][0], "newsletter");
    EXPECT_TRUE(doc["provenance"].contains("city"));
    EXPECT_GE(doc["history"].size(), 4u);
    ASSERT_EQ(doc["interactions"].size(), 1u);
    EXPECT_EQ(doc["interactions"][0]["body"], "Asked about decaf");
    EXPECT_NE(res.header("content-disposition").find("attachment"), std::string::npos);
    EXPECT_NE(owner.get("/api/v1/audit?action=person.data_exported").body.find(id), std::string::npos);
}

TEST_F(PrivacyApiTest, ErasureRemovesPersonalDataButKeepsAggregates) {
    auto owner = owner_of(acme_);
    auto person = owner.post("/api/v1/people", {{"fields",
                                                 {{"first_name", "Rui"},
                                                  {"last_name", "Pereira"},
                                                  {"email", "rui@pereira.example"},
                                                  {"city", "Faro"},
                                                  {"birthday", "1980-02-29"}}},
                                                {"tags", {"vip"}}});
    const std::string id = person.json()["id"];
    ASSERT_EQ(owner
                  .post("/api/v1/interactions", {{"kind", "call"},
                                                 {"person_id", id},
                                                 {"body", "Private details"},
                                                 {"channel", "phone"},
                                                 {"minutes_spent", 7}})
                  .status,
              201);
    EXPECT_EQ(owner.post("/api/v1/people/" + id + "/erase", nlohmann::json::object()).status, 204);

    auto after = owner.get("/api/v1/people/" + id).json();
    EXPECT_EQ(after["fields"]["first_name"], "Erased");
    EXPECT_FALSE(after["fields"].contains("email"));
    EXPECT_FALSE(after["fields"].contains("city"));
    EXPECT_FALSE(after["fields"].contains("birthday"));
    EXPECT_TRUE(after["tags"].empty());
    auto history = owner.get("/api/v1/people/" + id + "/history?limit=500");
    EXPECT_EQ(history.body.find("rui@pereira.example"), std::string::npos);
    EXPECT_EQ(history.body.find("Faro"), std::string::npos);
    auto timeline = owner.get("/api/v1/people/" + id + "/timeline").json();
    ASSERT_EQ(timeline["items"].size(), 1u);  // the aggregate survives ...
    EXPECT_EQ(timeline["items"][0]["minutes_spent"], 7);
    EXPECT_EQ(timeline["items"][0]["body"], "");  // ... without its text
    EXPECT_TRUE(owner.get("/api/v1/search?q=pereira").json()["items"].empty());
    EXPECT_NE(owner.get("/api/v1/audit?action=person.erased").body.find(id), std::string::npos);
}

TEST_F(PrivacyApiTest, OnlyAdminsAndOnlyInTheirWorkspace) {
    auto owner = owner_of(acme_);
    auto person = owner.post("/api/v1/people", {{"fields", {{"first_name", "Ines"}, {"last_name", "Silva"}}}});
    const std::string id = person.json()["id"];
    auto member = with_key(server_->api_key("acme", "member"));
    expect_problem(member.post("/api/v1/people/" + id + "/erase", nlohmann::json::object()), 403);
    expect_problem(member.get("/api/v1/people/" + id + "/privacy-export"), 403);
    auto globex = owner_of(globex_);
    expect_problem(globex.post("/api/v1/people/" + id + "/erase", nlohmann::json::object()), 404);
    expect_problem(globex.get("/api/v1/people/" + id + "/privacy-export"), 404);
    EXPECT_EQ(owner.get("/api/v1/people/" + id).json()["fields"]["first_name"], "Ines");
}

}  // namespace rapport::testing
