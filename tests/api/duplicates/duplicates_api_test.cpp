// Duplicates over real HTTP: flagged (or refused) on create, found for imported rows, the
// review queue with dismissals, and merges that move timeline, affiliations and tags,
// keep the old id resolving, and show in history and the audit log; permissions and
// workspace isolation.
#include <chrono>
#include <thread>

#include "api/api_fixture.hpp"

namespace rapport::testing {

class DuplicatesApiTest : public ApiTest {
protected:
    static std::string person(HttpClient& c, const nlohmann::json& fields, const nlohmann::json& tags = {}) {
        nlohmann::json body = {{"fields", fields}};
        if (!tags.is_null()) body["tags"] = tags;
        auto res = c.post("/api/v1/people", body);
        EXPECT_EQ(res.status, 201) << res.body;
        return res.json()["id"];
    }
};

TEST_F(DuplicatesApiTest, CreateFlagsLikelyDuplicatesOrRefusesThem) {
    auto owner = owner_of(acme_);
    const auto email = unique_name("dup") + "@example.com";
    const std::string first = person(owner, {{"first_name", "Giulia"}, {"last_name", "Bianchi"}, {"email", email}});
    auto second =
        owner.post("/api/v1/people", {{"fields", {{"first_name", "G."}, {"last_name", "Bianchi"}, {"email", email}}}});
    ASSERT_EQ(second.status, 201) << second.body;
    const auto body = second.json();
    const auto duplicates = body["duplicates"];
    ASSERT_EQ(duplicates.size(), 1u) << second.body;
    EXPECT_EQ(duplicates[0]["record"]["id"], first);
    EXPECT_EQ(duplicates[0]["score"], 95);
    EXPECT_EQ(duplicates[0]["reasons"][0]["rule"], "email");
    EXPECT_TRUE(duplicates[0]["candidate_id"].is_string());

    auto refused = owner.post("/api/v1/people?on_duplicate=refuse",
                              {{"fields", {{"first_name", "Giulia"}, {"last_name", "B."}, {"email", email}}}});
    expect_problem(refused, 409);
    EXPECT_NE(refused.body.find(first), std::string::npos) << refused.body;
    expect_problem(
        owner.post("/api/v1/people?on_duplicate=maybe", {{"fields", {{"first_name", "X"}, {"last_name", "Y"}}}}), 422);

    // The other workspace sees neither the pair nor the records.
    auto other = owner_of(globex_);
    const std::string candidate = duplicates[0]["candidate_id"];
    expect_problem(other.get("/api/v1/duplicates/" + candidate), 404);
    auto queue = other.get("/api/v1/duplicates?type=person");
    ASSERT_EQ(queue.status, 200) << queue.body;
    EXPECT_TRUE(queue.json()["items"].empty());
}

TEST_F(DuplicatesApiTest, TheQueueListsScansAndDismisses) {
    auto owner = owner_of(acme_);
    const auto phone = "+39 06 " + std::to_string(1000000 + std::rand() % 8999999);
    const std::string a = person(owner, {{"first_name", "Luca"}, {"last_name", "Neri"}, {"phone", phone}});
    const std::string b = person(owner, {{"first_name", "Luca"}, {"last_name", "Neri"}, {"phone", phone}});
    auto list = owner.get("/api/v1/duplicates?type=person&record_id=" + a);
    ASSERT_EQ(list.status, 200) << list.body;
    const auto items = list.json()["items"];
    ASSERT_EQ(items.size(), 1u) << list.body;
    EXPECT_EQ(items[0]["records"][0]["id"], a);
    EXPECT_EQ(items[0]["records"][1]["id"], b);
    EXPECT_EQ(items[0]["records"][0]["name"], "Luca Neri");
    EXPECT_EQ(items[0]["status"], "open");
    const std::string id = items[0]["id"];

    auto scan = owner.post("/api/v1/duplicates/scan", {{"type", "person"}});
    ASSERT_EQ(scan.status, 200) << scan.body;
    EXPECT_GE(scan.json()["records"].get<int>(), 2);
    EXPECT_GE(scan.json()["pairs"].get<int>(), 1);
    expect_problem(owner.post("/api/v1/duplicates/scan", {{"type", "robot"}}), 422);
    expect_problem(owner.post("/api/v1/duplicates/scan", {{"kind", "person"}}), 422);
    expect_problem(owner.get("/api/v1/duplicates?type=robot"), 422);
    expect_problem(owner.get("/api/v1/duplicates?type=person&status=maybe"), 422);
    expect_problem(owner.get("/api/v1/duplicates?type=person&cursor=zzz"), 422);

    auto dismissed = owner.post("/api/v1/duplicates/" + id + "/dismiss", nlohmann::json::object());
    ASSERT_EQ(dismissed.status, 200) << dismissed.body;
    EXPECT_EQ(dismissed.json()["status"], "dismissed");
    expect_problem(owner.post("/api/v1/duplicates/" + id + "/dismiss", nlohmann::json::object()), 409);
    auto after = owner.get("/api/v1/duplicates?type=person&record_id=" + a);
    EXPECT_TRUE(after.json()["items"].empty()) << after.body;
    auto listed = owner.get("/api/v1/duplicates?type=person&status=dismissed&record_id=" + a);
    EXPECT_EQ(listed.json()["items"].size(), 1u) << listed.body;
}

TEST_F(DuplicatesApiTest, MergeMovesTimelineAffiliationsAndTagsAndTheOldIdResolves) {
    auto owner = owner_of(acme_);
    auto company =
        owner.post("/api/v1/companies", {{"fields", {{"legal_name", unique_name("Merge Co")}, {"country", "IT"}}}});
    ASSERT_EQ(company.status, 201) << company.body;
    const std::string company_id = company.json()["id"];
    const auto email = unique_name("merge") + "@example.com";
    const std::string survivor =
        person(owner, {{"first_name", "Anna"}, {"last_name", "Rossi"}, {"email", email}}, {"vip"});
    const std::string merged = person(
        owner, {{"first_name", "Anna Maria"}, {"last_name", "Rossi"}, {"email", email}, {"phone", "+39 02 8765 4321"}},
        {"newsletter"});
    ASSERT_EQ(owner
                  .put("/api/v1/people/" + merged + "/affiliations",
                       {{"items", {{{"company_id", company_id}, {"job_title", "Buyer"}, {"is_primary", true}}}}})
                  .status,
              200);
    auto note =
        owner.post("/api/v1/interactions", {{"kind", "note"}, {"person_id", merged}, {"body", "Met at the fair"}});
    ASSERT_EQ(note.status, 201) << note.body;
    auto queue = owner.get("/api/v1/duplicates?type=person&record_id=" + survivor);
    const auto pairs = queue.json()["items"];
    ASSERT_EQ(pairs.size(), 1u) << queue.body;
    const std::string candidate = pairs[0]["id"];

    // Bad input first: problems, nothing merged.
    expect_problem(owner.post("/api/v1/people/" + survivor + "/merge", {{"merged_id", survivor}}), 422);
    expect_problem(owner.post("/api/v1/people/" + survivor + "/merge",
                              {{"merged_id", merged}, {"choices", {{"colour", "merged"}}}}),
                   422);
    expect_problem(owner.post("/api/v1/people/" + survivor + "/merge",
                              {{"merged_id", merged}, {"choices", {{"first_name", "both"}}}}),
                   422);
    expect_problem(owner.request("POST", "/api/v1/people/" + survivor + "/merge", "{not json",
                                 {{"Content-Type", "application/json"}}),
                   400);

    auto res =
        owner.post("/api/v1/people/" + survivor + "/merge",
                   {{"merged_id", merged}, {"candidate_id", candidate}, {"choices", {{"first_name", "merged"}}}});
    ASSERT_EQ(res.status, 200) << res.body;
    const auto out = res.json();
    EXPECT_EQ(out["id"], survivor);
    EXPECT_EQ(out["fields"]["first_name"], "Anna Maria");
    EXPECT_EQ(out["fields"]["phone"], "+390287654321");
    EXPECT_EQ(out["tags"], nlohmann::json({"newsletter", "vip"}));
    EXPECT_EQ(out["provenance"]["merged_from"]["source"], "merge");

    // The old id answers with the survivor, and says so.
    auto old = owner.get("/api/v1/people/" + merged);
    ASSERT_EQ(old.status, 200) << old.body;
    EXPECT_EQ(old.json()["id"], survivor);
    EXPECT_EQ(old.json()["merged_from"], merged);
    EXPECT_EQ(old.header("content-location"), "/api/v1/people/" + survivor);

    auto timeline = owner.get("/api/v1/people/" + survivor + "/timeline");
    ASSERT_EQ(timeline.status, 200);
    EXPECT_NE(timeline.body.find("Met at the fair"), std::string::npos) << timeline.body;
    auto affiliations = owner.get("/api/v1/people/" + survivor + "/affiliations");
    EXPECT_NE(affiliations.body.find(company_id), std::string::npos) << affiliations.body;
    auto history = owner.get("/api/v1/people/" + survivor + "/history");
    EXPECT_NE(history.body.find("\"merged_from\""), std::string::npos) << history.body;
    EXPECT_NE(history.body.find(merged), std::string::npos);
    auto audit = owner.get("/api/v1/audit?action=person.merged");
    ASSERT_EQ(audit.status, 200) << audit.body;
    EXPECT_NE(audit.body.find(survivor), std::string::npos) << audit.body;
    auto resolved = owner.get("/api/v1/duplicates?type=person&status=merged&record_id=" + survivor);
    EXPECT_NE(resolved.body.find(candidate), std::string::npos) << resolved.body;
    // The merged record left the lists.
    auto count = owner.get("/api/v1/people/count?filter=" +
                           url_encode(nlohmann::json({{"field", "email"}, {"op", "eq"}, {"value", email}}).dump()));
    EXPECT_EQ(count.json()["count"], 1) << count.body;
    // Merging again: the pair is gone.
    expect_problem(owner.post("/api/v1/people/" + survivor + "/merge", {{"merged_id", merged}}), 404);
}

TEST_F(DuplicatesApiTest, MergeNeedsWriteOnBothAndStaysInItsWorkspace) {
    auto owner = owner_of(acme_);
    // Viewers may read every record here, so what stops them is the write permission.
    ASSERT_EQ(owner.put("/api/v1/roles/viewer", {{"read", "all"}, {"write", "none"}}).status, 200);
    const std::string a = person(owner, {{"first_name", "Ugo"}, {"last_name", "Verdi"}});
    const std::string b = person(owner, {{"first_name", "Ugo"}, {"last_name", "Verdi"}});
    auto viewer = with_key(server_->api_key("acme", "viewer"));
    ASSERT_EQ(viewer.get("/api/v1/people/" + a).status, 200);
    expect_problem(viewer.post("/api/v1/people/" + a + "/merge", {{"merged_id", b}}), 403);
    expect_problem(viewer.post("/api/v1/duplicates/scan", {{"type", "person"}}), 403);
    auto other = owner_of(globex_);
    expect_problem(other.post("/api/v1/people/" + a + "/merge", {{"merged_id", b}}), 404);
    expect_problem(other.get("/api/v1/people/" + b), 404);
    EXPECT_EQ(owner.get("/api/v1/people/" + b).json()["id"], b);  // nothing merged
    ASSERT_EQ(owner.put("/api/v1/roles/viewer", {{"read", "team"}, {"write", "none"}}).status, 200);
}

TEST_F(DuplicatesApiTest, ImportedRowsAreCheckedForDuplicates) {
    auto owner = owner_of(acme_);
    const auto vat = std::string("00743110157");
    auto existing =
        owner.post("/api/v1/companies",
                   {{"fields", {{"legal_name", "Import Target S.r.l."}, {"country", "IT"}, {"vat_id", vat}}}});
    ASSERT_EQ(existing.status, 201) << existing.body;
    const std::string existing_id = existing.json()["id"];
    const std::string csv = "Ref,Name,VAT,Country\n" + unique_name("ref") + ",Imported Twin,IT00743110157,IT\n";
    auto up =
        owner.request("POST", "/api/v1/imports?entity=company&filename=twins.csv", csv, {{"Content-Type", "text/csv"}});
    ASSERT_EQ(up.status, 201) << up.body;
    const std::string id = up.json()["id"];
    // Match on external ids only, so the row is created rather than merged by VAT.
    auto mapped = owner.put(
        "/api/v1/imports/" + id + "/mapping",
        {{"columns", {{"Ref", "external_id"}, {"Name", "legal_name"}, {"VAT", "vat_id"}, {"Country", "country"}}},
         {"match_on", {"external_id"}}});
    ASSERT_EQ(mapped.status, 200) << mapped.body;
    ASSERT_EQ(owner.post("/api/v1/imports/" + id + "/start", nlohmann::json::object()).status, 202);
    nlohmann::json state;
    for (int i = 0; i < 500; ++i) {
        state = owner.get("/api/v1/imports/" + id).json();
        if (state["status"] != "running" && state["status"] != "queued") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_EQ(state["status"], "completed") << state.dump();
    auto queue = owner.get("/api/v1/duplicates?type=company&record_id=" + existing_id);
    ASSERT_EQ(queue.status, 200) << queue.body;
    const auto items = queue.json()["items"];
    ASSERT_EQ(items.size(), 1u) << queue.body;
    EXPECT_EQ(items[0]["reasons"][0]["rule"], "vat_id");
}

}  // namespace rapport::testing
