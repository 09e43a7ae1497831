// Lists of companies and people: the filter language, sorting with keyset paging, field
// selection and counts, over real HTTP.
#include "api/api_fixture.hpp"
#include "http/query_string.hpp"

namespace rapport::testing {

namespace {
std::string encode(const std::string& s) {
    return url_encode(s);
}
}  // namespace

class CustomerListsApiTest : public ApiTest {
protected:
    static void SetUpTestSuite() {
        ApiTest::SetUpTestSuite();
        ws_ = server_->bootstrap("lists");
        auto owner = signed_in_client(*server_, ws_.owner_email, ws_.password);
        const std::vector<std::tuple<std::string, std::string, std::string, std::vector<std::string>>> people = {
            {"Anna", "Bianchi", "Milano", {"vip"}}, {"Bruno", "Verdi", "Milano", {}},
            {"Carla", "Neri", "Torino", {"vip"}},   {"Dario", "Aliberti", "Milano", {"lead"}},
            {"Elena", "Rossi", "milano", {}},       {"Fabio", "Costa", "", {}},
            {"Gina", "Zanetti", "Milano", {"vip"}}};
        for (const auto& [first, last, city, tags] : people) {
            nlohmann::json fields = {{"first_name", first}, {"last_name", last}};
            if (!city.empty()) fields["city"] = city;
            auto res = owner.post("/api/v1/people", {{"fields", fields}, {"tags", tags}});
            ASSERT_EQ(res.status, 201) << res.body;
        }
    }
    static std::vector<std::string> last_names(const HttpResult& res) {
        std::vector<std::string> out;
        auto body = res.json();
        for (const auto& p : body["items"]) out.push_back(p["fields"].value("last_name", ""));
        return out;
    }
    static inline TestServer::Workspace ws_;
};

TEST_F(CustomerListsApiTest, FiltersByCityCaseInsensitivelyAndSortsByLastName) {
    auto owner = owner_of(ws_);
    const std::string filter = R"({"field":"city","op":"eq","value":"Milano"})";
    auto res = owner.get("/api/v1/people?filter=" + encode(filter) + "&sort=last_name");
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(last_names(res), (std::vector<std::string>{"Aliberti", "Bianchi", "Rossi", "Verdi", "Zanetti"}));
    auto desc = owner.get("/api/v1/people?filter=" + encode(filter) + "&sort=last_name&order=desc");
    EXPECT_EQ(last_names(desc), (std::vector<std::string>{"Zanetti", "Verdi", "Rossi", "Bianchi", "Aliberti"}));
}

TEST_F(CustomerListsApiTest, KeysetPagingOnASortWalksEveryRowOnce) {
    auto owner = owner_of(ws_);
    std::vector<std::string> all;
    std::string cursor;
    for (int pages = 0; pages < 10; ++pages) {
        auto res =
            owner.get("/api/v1/people?sort=last_name&limit=3" + (cursor.empty() ? "" : "&cursor=" + encode(cursor)));
        ASSERT_EQ(res.status, 200) << res.body;
        for (const auto& n : last_names(res)) all.push_back(n);
        auto body = res.json();
        if (body["next_cursor"].is_null()) break;
        cursor = body["next_cursor"];
    }
    EXPECT_EQ(all, (std::vector<std::string>{"Aliberti", "Bianchi", "Costa", "Neri", "Rossi", "Verdi", "Zanetti"}));
}

TEST_F(CustomerListsApiTest, CombinesConditionsTagsAndCounts) {
    auto owner = owner_of(ws_);
    const std::string filter =
        R"({"and":[{"field":"tags","op":"has_tag","value":"vip"},{"not":{"field":"city","op":"eq","value":"Torino"}}]})";
    auto res = owner.get("/api/v1/people?filter=" + encode(filter) + "&sort=first_name");
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(last_names(res), (std::vector<std::string>{"Bianchi", "Zanetti"}));
    auto count = owner.get("/api/v1/people/count?filter=" + encode(filter));
    ASSERT_EQ(count.status, 200) << count.body;
    EXPECT_EQ(count.json()["count"], 2);
    auto empty_city = owner.get("/api/v1/people/count?filter=" + encode(R"({"field":"city","op":"is_empty"})"));
    EXPECT_EQ(empty_city.json()["count"], 1);
    auto created_today = owner.get("/api/v1/people/count?filter=" +
                                   encode(R"({"field":"created_at","op":"gte","value":{"relative":"today"}})"));
    EXPECT_EQ(created_today.json()["count"], 7);
}

TEST_F(CustomerListsApiTest, TagFiltersFollowEveryChangeOfTheTags) {
    auto owner = owner_of(ws_);
    auto count_tagged = [&](const std::string& tag) {
        auto res = owner.get("/api/v1/people/count?filter=" +
                             encode(R"({"field":"tags","op":"has_tag","value":")" + tag + R"("})"));
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json()["count"].get<int>();
    };
    auto created = owner.post("/api/v1/people", {{"fields", {{"first_name", "Ugo"}, {"last_name", "Tagged"}}},
                                                 {"tags", {"Gold-2026", "winery"}}});
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = created.json()["id"];
    EXPECT_EQ(count_tagged("gold-2026"), 1);                                     // case-insensitively
    EXPECT_EQ(count_tagged("gold"), 0);                                          // a part of a tag is not the tag
    EXPECT_EQ(created.json()["tags"], (nlohmann::json{"Gold-2026", "winery"}));  // shown as written

    ASSERT_EQ(owner.patch("/api/v1/people/" + id, {{"tags", {"Silver-2026", "winery"}}}).status, 200);
    EXPECT_EQ(count_tagged("GOLD-2026"), 0);
    EXPECT_EQ(count_tagged("silver-2026"), 1);
    ASSERT_EQ(owner.post("/api/v1/people/" + id + "/erase", nlohmann::json::object()).status, 204);
    EXPECT_EQ(count_tagged("winery"), 0);

    auto bad = owner.post("/api/v1/people", {{"fields", {{"first_name", "Ugo"}, {"last_name", "Tab"}}},
                                             {"tags", {"fine", "tab\there", std::string(61, 'x')}}});
    expect_problem(bad, 422);
    EXPECT_TRUE(has_error_at(bad, "/tags/1")) << bad.body;
    EXPECT_TRUE(has_error_at(bad, "/tags/2")) << bad.body;
    EXPECT_NE(bad.body.find("control characters"), std::string::npos) << bad.body;
}

TEST_F(CustomerListsApiTest, SelectsFields) {
    auto owner = owner_of(ws_);
    auto res = owner.get("/api/v1/people?fields=last_name&limit=1");
    ASSERT_EQ(res.status, 200);
    auto person = res.json()["items"][0];
    EXPECT_TRUE(person["fields"].contains("last_name"));
    EXPECT_FALSE(person["fields"].contains("first_name"));
    EXPECT_TRUE(person.contains("id"));
}

TEST_F(CustomerListsApiTest, UnknownSelectedFieldsAreNamedNotIgnored) {
    auto owner = owner_of(ws_);
    auto res = owner.get("/api/v1/people?fields=last_name,lastname,custom.nope&limit=1");
    expect_problem(res, 422);
    EXPECT_TRUE(has_error_at(res, "?fields")) << res.body;
    EXPECT_NE(res.body.find("'lastname'"), std::string::npos) << res.body;
    EXPECT_NE(res.body.find("'custom.nope'"), std::string::npos) << res.body;
    EXPECT_EQ(res.body.find("'last_name'"), std::string::npos) << res.body;
    // The count takes the same parameters and checks them too.
    expect_problem(owner.get("/api/v1/companies/count?fields=legal_nam"), 422);
}

TEST_F(CustomerListsApiTest, BadFiltersSortsAndCursorsAreExplained) {
    auto owner = owner_of(ws_);
    auto malformed = owner.get("/api/v1/people?filter=" + encode("{nope"));
    expect_problem(malformed, 400);
    auto unknown = owner.get("/api/v1/people?filter=" + encode(R"({"field":"citty","op":"eq","value":"x"})"));
    expect_problem(unknown, 422);
    EXPECT_NE(unknown.body.find("did you mean 'city'"), std::string::npos) << unknown.body;
    auto bad_op = owner.get("/api/v1/people?filter=" + encode(R"({"field":"city","op":"gt","value":"x"})"));
    expect_problem(bad_op, 422);
    auto bad_sort = owner.get("/api/v1/people?sort=tags&order=sideways&cursor=zzz");
    expect_problem(bad_sort, 422);
    EXPECT_TRUE(has_error_at(bad_sort, "?sort"));
    EXPECT_TRUE(has_error_at(bad_sort, "?order"));
    EXPECT_TRUE(has_error_at(bad_sort, "?cursor"));
}

}  // namespace rapport::testing
