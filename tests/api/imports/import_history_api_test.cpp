// The import's finish page over real HTTP: the history of imports (who sees which), an
// import's rejected rows page by page with their values and problems, and the filter field
// `imports` that lists exactly the records an import created or updated.
#include <set>

#include "api/api_fixture.hpp"
#include "api/imports/import_client.hpp"

namespace rapport::testing {

class ImportHistoryApiTest : public ApiTest {
protected:
    struct User {
        HttpClient client;
        std::string id;
        std::string email;
    };

    User member_of_acme() const {
        auto owner = owner_of(acme_);
        const auto email = unique_name("ih") + "@acme.test";
        auto created = owner.post(
            "/api/v1/users",
            {{"email", email}, {"display_name", "Ida"}, {"role", "member"}, {"password", "long enough pw 1"}});
        EXPECT_EQ(created.status, 201) << created.body;
        return {signed_in_client(*server_, email, "long enough pw 1"), created.json()["id"], email};
    }

    // Uploads, maps as suggested, starts and waits; returns the final state.
    static nlohmann::json import_people(HttpClient& c, const std::string& filename, const std::string& file) {
        auto up = upload_import(c, "person", filename, file);
        EXPECT_EQ(up.status, 201) << up.body;
        const std::string id = up.json()["id"];
        EXPECT_EQ(c.put("/api/v1/imports/" + id + "/mapping", up.json()["suggested_mapping"]).status, 200);
        EXPECT_EQ(c.post("/api/v1/imports/" + id + "/start", nlohmann::json::object()).status, 202);
        return wait_import_finished(c, id);
    }

    static std::int64_t count_of_import(HttpClient& c, const std::string& id) {
        const nlohmann::json filter = {{"field", "imports"}, {"op", "has_tag"}, {"value", id}};
        auto res = c.get("/api/v1/people/count?filter=" + url_encode(filter.dump()));
        EXPECT_EQ(res.status, 200) << res.body;
        return res.status == 200 ? res.json()["count"].get<std::int64_t>() : -1;
    }
};

TEST_F(ImportHistoryApiTest, RejectedRowsComePageByPageWithTheirValuesAndProblems) {
    auto owner = owner_of(acme_);
    const std::string tag = unique_name("rj");
    std::string file = "First name,Last name,Email\n";
    file += "Ada," + tag + ",ada." + tag + "@example.com\n";
    file += "Bo," + tag + ",not-an-email\n";
    file += "Cy," + tag + ",cy." + tag + "@example.com\n";
    file += "Di," + tag + ",also@bad@example\n";
    const auto done = import_people(owner, tag + ".csv", file);
    ASSERT_EQ(done["status"], "completed") << done.dump();
    EXPECT_EQ(done["created"], 2);
    EXPECT_EQ(done["rejected"], 2);
    const std::string id = done["id"];

    auto first = owner.get("/api/v1/imports/" + id + "/rejected?limit=1");
    ASSERT_EQ(first.status, 200) << first.body;
    auto page = first.json();
    ASSERT_EQ(page["items"].size(), 1u);
    EXPECT_EQ(page["items"][0]["row"], 2);
    EXPECT_EQ(page["items"][0]["fields"], nlohmann::json::array({"Bo", tag, "not-an-email"}));
    ASSERT_FALSE(page["items"][0]["errors"].empty());
    EXPECT_EQ(page["items"][0]["errors"][0]["field"], "email");
    ASSERT_TRUE(page["next_cursor"].is_string()) << first.body;
    auto second =
        owner.get("/api/v1/imports/" + id + "/rejected?limit=1&cursor=" + page["next_cursor"].get<std::string>());
    ASSERT_EQ(second.status, 200) << second.body;
    EXPECT_EQ(second.json()["items"][0]["row"], 4);
    EXPECT_TRUE(second.json()["next_cursor"].is_null());

    // Each problem in the reader's language (here Accept-Language; the user's setting wins).
    auto italian = owner.request("GET", "/api/v1/imports/" + id + "/rejected?limit=1", "", {{"Accept-Language", "it"}});
    ASSERT_EQ(italian.status, 200) << italian.body;
    EXPECT_EQ(italian.json()["items"][0]["errors"][0]["detail"], "non è un indirizzo email valido") << italian.body;
    EXPECT_EQ(page["items"][0]["errors"][0]["detail"], "not a valid email address");

    // Another workspace cannot read them.
    auto other = owner_of(globex_);
    expect_problem(other.get("/api/v1/imports/" + id + "/rejected"), 404);
}

TEST_F(ImportHistoryApiTest, TheImportsFilterListsExactlyAnImportsRecords) {
    auto owner = owner_of(acme_);
    const std::string tag = unique_name("fl");
    std::string file = "First name,Last name,Email\n";
    for (int i = 0; i < 3; ++i)
        file += "P" + std::to_string(i) + "," + tag + ",p" + std::to_string(i) + "." + tag + "@example.com\n";
    const auto first = import_people(owner, tag + "-1.csv", file);
    ASSERT_EQ(first["created"], 3) << first.dump();
    EXPECT_EQ(count_of_import(owner, first["id"]), 3);

    // The same file with one changed row and one new: the second import updated one record and
    // created one; its filter lists those two, the first import's still its three.
    std::string again = "First name,Last name,Email\n";
    again += "Pia," + tag + ",p0." + tag + "@example.com\n";
    again += "P1," + tag + ",p1." + tag + "@example.com\n";
    again += "P9," + tag + ",p9." + tag + "@example.com\n";
    const auto second = import_people(owner, tag + "-2.csv", again);
    ASSERT_EQ(second["status"], "completed") << second.dump();
    EXPECT_EQ(second["created"], 1);
    EXPECT_EQ(second["updated"], 1);
    EXPECT_EQ(count_of_import(owner, second["id"]), 2);
    EXPECT_EQ(count_of_import(owner, first["id"]), 3);

    const nlohmann::json filter = {{"field", "imports"}, {"op", "has_tag"}, {"value", second["id"]}};
    auto listed = owner.get("/api/v1/people?filter=" + url_encode(filter.dump()));
    ASSERT_EQ(listed.status, 200);
    std::set<std::string> names;
    const auto body = listed.json();
    for (const auto& p : body["items"]) names.insert(p["fields"]["first_name"].get<std::string>());
    EXPECT_EQ(names, (std::set<std::string>{"Pia", "P9"}));
}

TEST_F(ImportHistoryApiTest, HistoryIsNewestFirstAndMembersSeeTheirOwnOnly) {
    auto owner = owner_of(acme_);
    auto member = member_of_acme();
    const std::string tag = unique_name("hi");
    // An older import, so a page of two has a next one even in a workspace that had none.
    import_people(owner, tag + "-older.csv", "First name,Last name\nOld," + tag + "\n");
    const auto by_owner = import_people(owner, tag + "-owner.csv",
                                        "First name,Last name,Email\nOla," + tag + ",ola." + tag + "@example.com\n");
    const auto by_member = import_people(
        member.client, tag + "-member.csv",
        "First name,Last name,Email\nMia," + tag + ",mia." + tag + "@example.com\nBad," + tag + ",nope\n");
    ASSERT_EQ(by_member["status"], "completed") << by_member.dump();

    auto all = owner.get("/api/v1/imports?limit=2");
    ASSERT_EQ(all.status, 200) << all.body;
    auto items = all.json()["items"];
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0]["id"], by_member["id"]);  // newest first
    EXPECT_EQ(items[0]["filename"], tag + "-member.csv");
    EXPECT_EQ(items[0]["created"], 1);
    EXPECT_EQ(items[0]["rejected"], 1);
    EXPECT_EQ(items[0]["status"], "completed");
    EXPECT_EQ(items[0]["created_by"], member.email);
    EXPECT_EQ(items[1]["id"], by_owner["id"]);
    ASSERT_TRUE(all.json()["next_cursor"].is_string());
    auto older = owner.get("/api/v1/imports?limit=2&cursor=" + all.json()["next_cursor"].get<std::string>());
    ASSERT_EQ(older.status, 200) << older.body;
    const auto older_items = older.json()["items"];
    for (const auto& i : older_items) EXPECT_NE(i["id"], by_member["id"]);

    // The member sees their own import only; another workspace sees neither.
    auto mine = member.client.get("/api/v1/imports?limit=200");
    ASSERT_EQ(mine.status, 200) << mine.body;
    ASSERT_EQ(mine.json()["items"].size(), 1u) << mine.body;
    EXPECT_EQ(mine.json()["items"][0]["id"], by_member["id"]);
    expect_problem(member.client.get("/api/v1/imports/" + by_owner["id"].get<std::string>() + "/rejected"), 404);
    auto theirs = owner_of(globex_).get("/api/v1/imports?limit=200");
    ASSERT_EQ(theirs.status, 200) << theirs.body;
    const auto their_items = theirs.json()["items"];
    for (const auto& i : their_items) {
        EXPECT_NE(i["id"], by_owner["id"]);
        EXPECT_NE(i["id"], by_member["id"]);
    }
}

}  // namespace rapport::testing
