// Lenient imports of invalid values ("invalid_values": "flag") over real HTTP: only admins
// may choose it, the dry run and the job count flagged rows apart from rejected ones, the
// raw value is kept with a flag on the record, the filter language lists flagged records,
// and a valid value written through a normal update clears the flag.
#include <chrono>
#include <thread>

#include "api/api_fixture.hpp"
#include "api/imports/import_client.hpp"

namespace rapport::testing {

class ImportFlagsApiTest : public ApiTest {
protected:
    static void SetUpTestSuite() {
        ApiTest::SetUpTestSuite();
        ws_ = server_->bootstrap("import-flags");
    }

    HttpClient owner() const { return signed_in_client(*server_, ws_.owner_email, ws_.password); }

    static nlohmann::json list(HttpClient& c, const nlohmann::json& filter) {
        auto res = c.get("/api/v1/people?filter=" + url_encode(filter.dump()));
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json()["items"];
    }

    static inline TestServer::Workspace ws_;
};

TEST_F(ImportFlagsApiTest, OnlyAdminsMayChooseFlagAndTheProblemNamesTheOption) {
    auto c = owner();
    const std::string email = unique_name("member") + "@example.com";
    ASSERT_EQ(
        c.post("/api/v1/users",
               {{"email", email}, {"display_name", "M"}, {"role", "manager"}, {"password", "long enough password"}})
            .status,
        201);
    auto manager = signed_in_client(*server_, email, "long enough password");
    auto up = upload_import(manager, "person", "mine.csv", "First name,Last name,Email\nAda,Lovelace,not-an-email\n");
    ASSERT_EQ(up.status, 201) << up.body;
    const std::string id = up.json()["id"];
    nlohmann::json mapping = {{"columns", up.json()["suggested_mapping"]["columns"]}, {"invalid_values", "flag"}};
    auto refused = manager.put("/api/v1/imports/" + id + "/mapping", mapping);
    expect_problem(refused, 403);
    ASSERT_TRUE(refused.json().contains("errors")) << refused.body;
    EXPECT_EQ(refused.json()["errors"][0]["pointer"], "/invalid_values") << refused.body;
    // Nothing was stored: the import is still waiting for a mapping.
    EXPECT_EQ(manager.get("/api/v1/imports/" + id).json()["status"], "uploaded");
    // "reject" is anyone's choice; an unknown mode is a validation error.
    mapping["invalid_values"] = "reject";
    EXPECT_EQ(manager.put("/api/v1/imports/" + id + "/mapping", mapping).status, 200);
    mapping["invalid_values"] = "maybe";
    auto bad = manager.put("/api/v1/imports/" + id + "/mapping", mapping);
    expect_problem(bad, 422);
    EXPECT_EQ(bad.json()["errors"][0]["pointer"], "/invalid_values") << bad.body;
    // An admin of the workspace may choose it for the same import.
    auto admin = with_key(server_->api_key("import-flags", "admin"));
    mapping["invalid_values"] = "flag";
    auto accepted = admin.put("/api/v1/imports/" + id + "/mapping", mapping);
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    EXPECT_EQ(accepted.json()["mapping"]["invalid_values"], "flag");
}

TEST_F(ImportFlagsApiTest, InvalidValuesAreKeptRawFlaggedCountedFilterableAndClearedByAValidUpdate) {
    auto c = owner();
    const std::string city = unique_name("Flagtown");
    std::string file = "First name,Last name,Email,Phone,Country,City\n";
    file += "Valid,One,valid.one." + city + "@example.com,+39 02 1234 5678,IT," + city + "\n";
    file += "Bad,Email,Mario.Rossi(at)Example,+39 02 1234 5679,IT," + city + "\n";
    file += "Bad,Phone,bad.phone." + city + "@example.com,12,IT," + city + "\n";
    file += "Missing,,no.last." + city + "@example.com,,IT," + city + "\n";
    auto up = upload_import(c, "person", "flags.csv", file);
    ASSERT_EQ(up.status, 201) << up.body;
    const std::string id = up.json()["id"];
    nlohmann::json mapping = {{"columns", up.json()["suggested_mapping"]["columns"]}, {"invalid_values", "flag"}};
    ASSERT_EQ(mapping["columns"].size(), 6u) << up.body;

    // Rejecting (the default) would reject three rows: the two invalid values and the missing name.
    nlohmann::json strict = mapping;
    strict.erase("invalid_values");
    ASSERT_EQ(c.put("/api/v1/imports/" + id + "/mapping", strict).status, 200);
    auto strict_dry = c.post("/api/v1/imports/" + id + "/dry-run", nlohmann::json::object()).json();
    EXPECT_EQ(strict_dry["rejected"], 3) << strict_dry.dump();
    EXPECT_EQ(strict_dry["flagged"], 0) << strict_dry.dump();

    auto mapped = c.put("/api/v1/imports/" + id + "/mapping", mapping);
    ASSERT_EQ(mapped.status, 200) << mapped.body;
    auto dry = c.post("/api/v1/imports/" + id + "/dry-run", nlohmann::json::object());
    ASSERT_EQ(dry.status, 200) << dry.body;
    auto report = dry.json();
    EXPECT_EQ(report["would_create"], 3) << dry.body;
    EXPECT_EQ(report["rejected"], 1) << dry.body;
    EXPECT_EQ(report["flagged"], 2) << dry.body;
    ASSERT_EQ(report["flagged_rows"].size(), 2u) << dry.body;
    EXPECT_EQ(report["flagged_rows"][0]["row"], 2);
    EXPECT_EQ(report["flagged_rows"][0]["errors"][0]["field"], "email");
    EXPECT_EQ(report["flagged_rows"][0]["errors"][0]["column"], "Email");
    EXPECT_EQ(report["flagged_rows"][0]["errors"][0]["detail"], "not a valid email address");
    EXPECT_EQ(report["flagged_rows"][1]["row"], 3);
    EXPECT_EQ(report["flagged_rows"][1]["errors"][0]["field"], "phone");
    EXPECT_EQ(report["rejected_rows"][0]["row"], 4);
    EXPECT_EQ(report["rejected_rows"][0]["errors"][0]["field"], "last_name");

    ASSERT_EQ(c.post("/api/v1/imports/" + id + "/start", nlohmann::json::object()).status, 202);
    auto done = wait_import_finished(c, id);
    EXPECT_EQ(done["status"], "completed") << done.dump();
    EXPECT_EQ(done["created"], 3) << done.dump();
    EXPECT_EQ(done["rejected"], 1) << done.dump();
    EXPECT_EQ(done["flagged"], 2) << done.dump();

    // The filter language lists the flagged records, and one flagged field.
    const nlohmann::json in_city = {{"field", "city"}, {"op", "eq"}, {"value", city}};
    const nlohmann::json flagged = {{"and", {in_city, {{"field", "flags"}, {"op", "is_not_empty"}}}}};
    auto items = list(c, flagged);
    ASSERT_EQ(items.size(), 2u) << items.dump();
    auto phones = list(c, {{"and", {in_city, {{"field", "flags"}, {"op", "has_tag"}, {"value", "phone"}}}}});
    ASSERT_EQ(phones.size(), 1u) << phones.dump();
    EXPECT_EQ(phones[0]["fields"]["last_name"], "Phone");
    auto clean = list(c, {{"and", {in_city, {{"field", "flags"}, {"op", "is_empty"}}}}});
    ASSERT_EQ(clean.size(), 1u) << clean.dump();
    EXPECT_EQ(clean[0]["fields"]["phone"], "+390212345678");  // valid values are normalised as always

    // The record keeps the raw text and says why, and where it came from.
    std::string bad_email_id;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i]["fields"]["last_name"] == "Email") bad_email_id = items[i]["id"];
    }
    ASSERT_FALSE(bad_email_id.empty()) << items.dump();
    auto record = c.get("/api/v1/people/" + bad_email_id);
    ASSERT_EQ(record.status, 200) << record.body;
    auto body = record.json();
    EXPECT_EQ(body["fields"]["email"], "Mario.Rossi(at)Example");  // not lower-cased, not normalised
    ASSERT_EQ(body["flags"].size(), 1u) << record.body;
    EXPECT_EQ(body["flags"][0]["field"], "email");
    EXPECT_EQ(body["flags"][0]["rule"], "not a valid email address");
    EXPECT_EQ(body["flags"][0]["value"], "Mario.Rossi(at)Example");
    EXPECT_EQ(body["flags"][0]["source"]["kind"], "import");
    EXPECT_EQ(body["flags"][0]["source"]["import_id"], id);

    // Another write that leaves the email alone keeps the flag, also when the country changes.
    auto touched = c.patch("/api/v1/people/" + bad_email_id, {{"fields", {{"city", city + " Nord"}}}});
    ASSERT_EQ(touched.status, 200) << touched.body;
    EXPECT_EQ(touched.json()["flags"].size(), 1u) << touched.body;
    // An invalid correction through the API is rejected as always and changes nothing.
    expect_problem(c.patch("/api/v1/people/" + bad_email_id, {{"fields", {{"email", "still wrong"}}}}), 422);
    // A valid value replaces the flagged one and clears the flag.
    auto fixed = c.patch("/api/v1/people/" + bad_email_id, {{"fields", {{"email", "Mario.Rossi@Example.com"}}}});
    ASSERT_EQ(fixed.status, 200) << fixed.body;
    EXPECT_EQ(fixed.json()["fields"]["email"], "mario.rossi@example.com");
    EXPECT_TRUE(fixed.json()["flags"].empty()) << fixed.body;
    EXPECT_TRUE(c.get("/api/v1/people/" + bad_email_id).json()["flags"].empty());
    const nlohmann::json any_flag = {{"field", "flags"}, {"op", "is_not_empty"}};
    auto left = list(c, {{"and", {{{"field", "city"}, {"op", "starts_with"}, {"value", city}}, any_flag}}});
    ASSERT_EQ(left.size(), 1u) << left.dump();
    EXPECT_EQ(left[0]["fields"]["last_name"], "Phone");
}

TEST_F(ImportFlagsApiTest, AFlaggedValueIsNeverAnUpsertKey) {
    auto c = owner();
    const std::string city = unique_name("Keyless");
    // Two rows with the same invalid email: matched on email they would be one record.
    std::string file = "First name,Last name,Email,City\n";
    file += "Anna,Uno,n/a," + city + "\nBruno,Due,n/a," + city + "\n";
    auto up = upload_import(c, "person", "keys.csv", file);
    ASSERT_EQ(up.status, 201) << up.body;
    const std::string id = up.json()["id"];
    nlohmann::json mapping = {
        {"columns", up.json()["suggested_mapping"]["columns"]}, {"match_on", {"email"}}, {"invalid_values", "flag"}};
    ASSERT_EQ(c.put("/api/v1/imports/" + id + "/mapping", mapping).status, 200);
    auto dry = c.post("/api/v1/imports/" + id + "/dry-run", nlohmann::json::object()).json();
    EXPECT_EQ(dry["would_create"], 2) << dry.dump();
    EXPECT_EQ(dry["flagged"], 2) << dry.dump();
    ASSERT_EQ(c.post("/api/v1/imports/" + id + "/start", nlohmann::json::object()).status, 202);
    auto done = wait_import_finished(c, id);
    EXPECT_EQ(done["created"], 2) << done.dump();
    EXPECT_EQ(done["updated"], 0) << done.dump();
    EXPECT_EQ(done["flagged"], 2) << done.dump();
    auto items = list(c, {{"field", "city"}, {"op", "eq"}, {"value", city}});
    ASSERT_EQ(items.size(), 2u) << items.dump();
    EXPECT_EQ(items[0]["fields"]["email"], "n/a");
    EXPECT_EQ(items[1]["fields"]["email"], "n/a");
}

// An invalid value may fill an empty field (flagged), never replace a valid one: a later
// row's invalid phone for the same record, in the same file or in a later import, is
// reported on its row and not stored.
TEST_F(ImportFlagsApiTest, AnInvalidValueNeverReplacesAValidOne) {
    auto c = owner();
    const std::string city = unique_name("Keepvalid");
    const std::string ada = "ada." + city + "@example.com";
    const std::string bob = "bob." + city + "@example.com";
    const auto import_file = [&](const std::string& file) {
        auto up = upload_import(c, "person", "keep.csv", file);
        EXPECT_EQ(up.status, 201) << up.body;
        const std::string id = up.json()["id"];
        nlohmann::json mapping = {{"columns", up.json()["suggested_mapping"]["columns"]},
                                  {"match_on", {"email"}},
                                  {"invalid_values", "flag"}};
        EXPECT_EQ(c.put("/api/v1/imports/" + id + "/mapping", mapping).status, 200);
        auto dry = c.post("/api/v1/imports/" + id + "/dry-run", nlohmann::json::object()).json();
        EXPECT_EQ(c.post("/api/v1/imports/" + id + "/start", nlohmann::json::object()).status, 202);
        return std::make_pair(dry, wait_import_finished(c, id));
    };
    const auto person = [&](const std::string& email) {
        auto items = list(c, {{"field", "email"}, {"op", "eq"}, {"value", email}});
        EXPECT_EQ(items.size(), 1u) << items.dump();
        auto res = c.get("/api/v1/people/" + items[0]["id"].get<std::string>());
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json();
    };

    // One file: the second row for Ada has an invalid phone; Bob has no phone yet.
    std::string file = "First name,Last name,Email,Phone,Country,City\n";
    file += "Ada,Lovelace," + ada + ",+39 02 1234 5678,IT," + city + "\n";
    file += "Ada,Lovelace," + ada + ",12,IT," + city + "\n";
    file += "Bob,Bianchi," + bob + ",,IT," + city + "\n";
    auto [dry, done] = import_file(file);
    EXPECT_EQ(dry["would_create"], 2) << dry.dump();
    EXPECT_EQ(dry["flagged"], 1) << dry.dump();
    ASSERT_EQ(dry["flagged_rows"].size(), 1u) << dry.dump();
    EXPECT_EQ(dry["flagged_rows"][0]["row"], 2);
    EXPECT_EQ(dry["flagged_rows"][0]["errors"][0]["field"], "phone");
    EXPECT_EQ(dry["flagged_rows"][0]["errors"][0]["column"], "Phone");
    EXPECT_NE(dry["flagged_rows"][0]["errors"][0]["detail"].get<std::string>().find("kept"), std::string::npos)
        << dry.dump();
    EXPECT_EQ(done["status"], "completed") << done.dump();
    EXPECT_EQ(done["created"], 2) << done.dump();
    EXPECT_EQ(done["flagged"], 1) << done.dump();
    auto first = person(ada);
    EXPECT_EQ(first["fields"]["phone"], "+390212345678") << first.dump();
    EXPECT_TRUE(first["flags"].empty()) << first.dump();

    // A later import: Ada's invalid phone is ignored again; Bob's empty phone is filled and flagged.
    std::string again = "First name,Last name,Email,Phone,Country,City\n";
    again += "Ada,Lovelace," + ada + ",not a phone,IT," + city + "\n";
    again += "Bob,Bianchi," + bob + ",12,IT," + city + "\n";
    auto [dry2, done2] = import_file(again);
    EXPECT_EQ(dry2["flagged"], 2) << dry2.dump();
    EXPECT_EQ(dry2["rejected"], 0) << dry2.dump();
    EXPECT_EQ(done2["status"], "completed") << done2.dump();
    EXPECT_EQ(done2["flagged"], 2) << done2.dump();
    auto kept = person(ada);
    EXPECT_EQ(kept["fields"]["phone"], "+390212345678") << kept.dump();
    EXPECT_TRUE(kept["flags"].empty()) << kept.dump();
    auto filled = person(bob);
    EXPECT_EQ(filled["fields"]["phone"], "12") << filled.dump();
    ASSERT_EQ(filled["flags"].size(), 1u) << filled.dump();
    EXPECT_EQ(filled["flags"][0]["field"], "phone");
}

}  // namespace rapport::testing
