// CSV imports over real HTTP: sniffing, mapping checks, dry run, background run with
// progress, rejected rows, upserts on re-import, quoted fields, cancel, provenance and
// workspace isolation.
#include <chrono>
#include <iostream>
#include <thread>

#include "api/api_fixture.hpp"
#include "api/imports/import_client.hpp"
#include "app/services.hpp"
#include "domain/customers/tax_id.hpp"
#include "domain/identity/principals.hpp"
#include "domain/imports/import_runner.hpp"

namespace rapport::testing {

namespace {

// Uploads `rows` people ("P<i>,L,<prefix><i>@example.com") with the suggested mapping, starts
// the import and returns (in `id`) once its first batch is committed.
void start_and_await_first_rows(HttpClient& c, int rows, const std::string& prefix, std::string& id) {
    std::string file = "First name,Last name,Email\n";
    for (int i = 0; i < rows; ++i)
        file += "P" + std::to_string(i) + ",L," + prefix + std::to_string(i) + "@example.com\n";
    auto up = c.request("POST", "/api/v1/imports?entity=person&filename=" + prefix + ".csv", file,
                        {{"Content-Type", "text/csv"}});
    ASSERT_EQ(up.status, 201) << up.body;
    id = up.json()["id"];
    ASSERT_EQ(c.put("/api/v1/imports/" + id + "/mapping", up.json()["suggested_mapping"]).status, 200);
    ASSERT_EQ(c.post("/api/v1/imports/" + id + "/start", nlohmann::json::object()).status, 202);
    for (int i = 0; i < 3000; ++i) {
        if (c.get("/api/v1/imports/" + id).json()["rows_done"].get<int>() > 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

// Polls the import runner (no HTTP) until the job leaves "running" (or 60 s pass).
domain::imports::ImportJob run_until_done(domain::imports::ImportRunner& imports, const domain::Principal& actor,
                                          const std::string& id) {
    domain::imports::ImportJob job;
    for (int i = 0; i < 3000; ++i) {
        job = *imports.get(actor, *parse_id(id));
        if (job.status != domain::imports::ImportStatus::Running) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return job;
}

nlohmann::json eq_filter(const std::string& field, const std::string& value) {
    return {{"field", field}, {"op", "eq"}, {"value", value}};
}

// Splits CSV text (as rejected.csv writes it) into records of fields.
std::vector<std::vector<std::string>> parse_csv(std::string text, char d) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == d) {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\r') {
            continue;
        } else if (c == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
        } else {
            field += c;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

}  // namespace

class ImportsApiTest : public ApiTest {
protected:
    static void SetUpTestSuite() {
        ApiTest::SetUpTestSuite();
        ws_ = server_->bootstrap("imports");
    }

    HttpClient owner() const { return signed_in_client(*server_, ws_.owner_email, ws_.password); }

    static std::int64_t count(HttpClient& c, const std::string& what, const nlohmann::json& filter) {
        auto res = c.get("/api/v1/" + what + "/count?filter=" + url_encode(filter.dump()));
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json()["count"].get<std::int64_t>();
    }

    static nlohmann::json first_of(HttpClient& c, const std::string& what, const nlohmann::json& filter) {
        auto res = c.get("/api/v1/" + what + "?filter=" + url_encode(filter.dump()));
        EXPECT_EQ(res.status, 200) << res.body;
        auto items = res.json()["items"];
        EXPECT_FALSE(items.empty()) << res.body;
        return items.empty() ? nlohmann::json() : items[0];
    }

    // Uploads, maps with `mapping`, starts and waits; returns the final state.
    nlohmann::json import_file(HttpClient& c, const std::string& entity, const std::string& filename,
                               const std::string& bytes, const nlohmann::json& mapping) {
        auto up = upload_import(c, entity, filename, bytes);
        EXPECT_EQ(up.status, 201) << up.body;
        const std::string id = up.json()["id"];
        auto mapped = c.put("/api/v1/imports/" + id + "/mapping", mapping);
        EXPECT_EQ(mapped.status, 200) << mapped.body;
        auto started = c.post("/api/v1/imports/" + id + "/start", nlohmann::json::object());
        EXPECT_EQ(started.status, 202) << started.body;
        return wait_import_finished(c, id);
    }

    static inline TestServer::Workspace ws_;
};

TEST_F(ImportsApiTest, ItalianWindows1252FileDryRunsImportsAndReimportsWithoutDuplicates) {
    auto c = owner();
    const std::string city = "Forl\xEC " + unique_name("c");  // "Forlì ..." in Windows-1252
    const std::string city_utf8 = "Forl\xC3\xAC " + city.substr(6);
    std::string file = "Ragione sociale;P.IVA;Citt\xE0;Paese\r\n";
    std::vector<std::string> names;
    for (int i = 0; i < 5; ++i) {
        const std::string name = "Ditta " + std::to_string(i) + " " + city.substr(6) + " S.r.l.";
        // Row 3 carries a Partita IVA whose check digit is wrong.
        std::string vat = domain::make_partita_iva(static_cast<std::uint64_t>(700000 + i));
        if (i == 2) vat[10] = vat[10] == '9' ? '0' : static_cast<char>(vat[10] + 1);
        file += name + ";" + vat + ";" + city + ";IT\r\n";
        names.push_back(name);
    }

    auto up = upload_import(c, "company", "clienti ERP.csv", file);
    ASSERT_EQ(up.status, 201) << up.body;
    auto sniff = up.json();
    EXPECT_EQ(sniff["status"], "uploaded");
    EXPECT_EQ(sniff["encoding"], "Windows-1252");
    EXPECT_EQ(sniff["delimiter"], ";");
    EXPECT_EQ(sniff["delimiter_name"], "semicolon");
    EXPECT_FALSE(sniff["encoding_reason"].get<std::string>().empty());
    EXPECT_FALSE(sniff["delimiter_reason"].get<std::string>().empty());
    EXPECT_EQ(sniff["rows_total"], 5);
    EXPECT_EQ(sniff["header"][2], "Citt\xC3\xA0");
    EXPECT_EQ(sniff["sample_rows"][0][2], city_utf8);
    EXPECT_EQ(
        sniff["suggested_mapping"]["columns"],
        nlohmann::json(
            {{"Ragione sociale", "legal_name"}, {"P.IVA", "vat_id"}, {"Citt\xC3\xA0", "city"}, {"Paese", "country"}}));
    const std::string id = sniff["id"];
    EXPECT_EQ(up.header("location"), "/api/v1/imports/" + id);

    // Dry run before mapping: conflict.
    expect_problem(c.post("/api/v1/imports/" + id + "/dry-run", nlohmann::json::object()), 409);
    nlohmann::json mapping = {{"columns", sniff["suggested_mapping"]["columns"]},
                              {"source", {{"data_kind", "third_party"}, {"label", "ERP export 2026-11"}}},
                              {"match_on", {"vat_id"}},
                              {"lenient", false}};
    auto mapped = c.put("/api/v1/imports/" + id + "/mapping", mapping);
    ASSERT_EQ(mapped.status, 200) << mapped.body;
    EXPECT_EQ(mapped.json()["status"], "mapped");
    EXPECT_EQ(mapped.json()["mapping"]["source"]["label"], "ERP export 2026-11");

    auto dry = c.post("/api/v1/imports/" + id + "/dry-run", nlohmann::json::object());
    ASSERT_EQ(dry.status, 200) << dry.body;
    auto report = dry.json();
    EXPECT_EQ(report["rows_total"], 5);
    EXPECT_EQ(report["would_create"], 4);
    EXPECT_EQ(report["would_update"], 0);
    EXPECT_EQ(report["rejected"], 1);
    ASSERT_EQ(report["rejected_rows"].size(), 1u) << dry.body;
    const auto& bad = report["rejected_rows"][0];
    EXPECT_EQ(bad["row"], 3);
    EXPECT_EQ(bad["line"], 4);
    ASSERT_EQ(bad["errors"].size(), 1u) << dry.body;
    EXPECT_EQ(bad["errors"][0]["field"], "vat_id");
    EXPECT_EQ(bad["errors"][0]["column"], "P.IVA");
    EXPECT_NE(bad["errors"][0]["detail"].get<std::string>().find("check digit"), std::string::npos) << dry.body;
    // The dry run wrote nothing.
    EXPECT_EQ(count(c, "companies", eq_filter("city", city_utf8)), 0);

    auto started = c.post("/api/v1/imports/" + id + "/start", nlohmann::json::object());
    ASSERT_EQ(started.status, 202) << started.body;
    auto done = wait_import_finished(c, id);
    EXPECT_EQ(done["status"], "completed") << done.dump();
    EXPECT_EQ(done["rows_done"], 5);
    EXPECT_EQ(done["percent"], 100.0);
    EXPECT_EQ(done["created"], 4);
    EXPECT_EQ(done["updated"], 0);
    EXPECT_EQ(done["rejected"], 1);
    EXPECT_TRUE(done["started_at"].is_number());
    EXPECT_TRUE(done["finished_at"].is_number());
    EXPECT_TRUE(done["error"].is_null());
    EXPECT_EQ(count(c, "companies", eq_filter("city", city_utf8)), 4);
    expect_problem(c.post("/api/v1/imports/" + id + "/start", nlohmann::json::object()), 409);

    // rejected.csv: the header plus "error", then the bad row as it was.
    auto csv = c.get("/api/v1/imports/" + id + "/rejected.csv");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
    EXPECT_NE(csv.header("content-disposition").find("attachment"), std::string::npos);
    auto rows = parse_csv(csv.body, ';');
    ASSERT_EQ(rows.size(), 2u) << csv.body;
    EXPECT_EQ(rows[0], (std::vector<std::string>{"Ragione sociale", "P.IVA", "Citt\xC3\xA0", "Paese", "error"}));
    EXPECT_EQ(rows[1][0], names[2]);
    EXPECT_NE(rows[1][4].find("check digit"), std::string::npos) << rows[1][4];
    EXPECT_NE(rows[1][4].find("row 3"), std::string::npos) << rows[1][4];

    // Provenance and history of an imported field.
    auto company = first_of(c, "companies", eq_filter("legal_name", names[0]));
    ASSERT_TRUE(company.is_object());
    auto view = c.get("/api/v1/companies/" + company["id"].get<std::string>());
    ASSERT_EQ(view.status, 200) << view.body;
    auto prov = view.json()["provenance"];
    EXPECT_EQ(prov["vat_id"]["source"], "import");
    EXPECT_EQ(prov["vat_id"]["ref"], "import:" + id + ":clienti ERP.csv");
    EXPECT_EQ(prov["vat_id"]["data_kind"], "third_party");
    EXPECT_EQ(prov["legal_name"]["source"], "import");
    EXPECT_EQ(view.json()["fields"]["city"], city_utf8);
    EXPECT_FALSE(view.json()["owner_user_id"].is_null());  // the importer owns it
    auto history = c.get("/api/v1/companies/" + company["id"].get<std::string>() + "/history");
    ASSERT_EQ(history.status, 200);
    bool saw_import = false;
    const auto entries = history.json()["items"];
    for (const auto& h : entries) {
        if (h["field"] == "vat_id") {
            saw_import = h["source"] == "import" && h["actor"] == ws_.owner_email;
        }
    }
    EXPECT_TRUE(saw_import) << history.body;

    // The same file again: everything matches, nothing is created.
    auto again = upload_import(c, "company", "clienti ERP.csv", file);
    ASSERT_EQ(again.status, 201) << again.body;
    const std::string again_id = again.json()["id"];
    ASSERT_EQ(c.put("/api/v1/imports/" + again_id + "/mapping", mapping).status, 200);
    auto dry_again = c.post("/api/v1/imports/" + again_id + "/dry-run", nlohmann::json::object()).json();
    EXPECT_EQ(dry_again["would_create"], 0) << dry_again.dump();
    EXPECT_EQ(dry_again["would_update"], 0) << dry_again.dump();
    EXPECT_EQ(dry_again["unchanged"], 4) << dry_again.dump();
    EXPECT_EQ(dry_again["rejected"], 1) << dry_again.dump();
    ASSERT_EQ(c.post("/api/v1/imports/" + again_id + "/start", nlohmann::json::object()).status, 202);
    auto done_again = wait_import_finished(c, again_id);
    EXPECT_EQ(done_again["status"], "completed");
    EXPECT_EQ(done_again["created"], 0);
    EXPECT_EQ(done_again["updated"].get<int>() + done_again["unchanged"].get<int>(), 4) << done_again.dump();
    EXPECT_EQ(count(c, "companies", eq_filter("city", city_utf8)), 4);
}

TEST_F(ImportsApiTest, PeopleWithQuotesEmbeddedNewlinesTagsAndFullNameUpserts) {
    auto c = owner();
    const std::string note_key = "import_note";
    ASSERT_EQ(
        c.post("/api/v1/custom-fields/person", {{"key", note_key}, {"label", "Note"}, {"type", "long_text"}}).status,
        201);
    const std::string tag = unique_name("p");
    const std::string anna = "anna." + tag + "@example.it";
    const std::string luca = "luca." + tag + "@example.it";
    const std::string city = "Milano " + tag;
    const std::string file =
        "First name,Last name,Email,City,Tags,Note\n"
        "Anna,\"Bianchi \"\"Bia\"\"\"," +
        anna + "," + city +
        ",\"vip, lombardia\",\n"
        "Luca,Verdi,\"" +
        luca + "\"," + city +
        ",,\"first line\nsecond line, with a comma\"\n"
        "Mario,,mario." +
        tag + "@example.it," + city + ",,\n";
    auto result = import_file(c, "person", "people.csv", file,
                              {{"columns",
                                {{"First name", "first_name"},
                                 {"Last name", "last_name"},
                                 {"Email", "email"},
                                 {"City", "city"},
                                 {"Tags", "tags"},
                                 {"Note", "custom." + note_key}}}});
    EXPECT_EQ(result["status"], "completed") << result.dump();
    EXPECT_EQ(result["rows_total"], 3);
    EXPECT_EQ(result["created"], 2);
    EXPECT_EQ(result["rejected"], 1);  // Mario has no last name
    EXPECT_EQ(result["mapping"]["match_on"], nlohmann::json({"email"}));
    EXPECT_EQ(result["mapping"]["source"]["data_kind"], "first_party");

    auto a = first_of(c, "people", eq_filter("email", anna));
    EXPECT_EQ(a["fields"]["last_name"], "Bianchi \"Bia\"");
    EXPECT_EQ(a["tags"], nlohmann::json({"lombardia", "vip"}));
    auto l = first_of(c, "people", eq_filter("email", luca));
    EXPECT_EQ(l["custom"][note_key], "first line\nsecond line, with a comma");
    auto csv = parse_csv(c.get("/api/v1/imports/" + result["id"].get<std::string>() + "/rejected.csv").body, ',');
    ASSERT_EQ(csv.size(), 2u);
    EXPECT_EQ(csv[1][0], "Mario");
    EXPECT_NE(csv[1][6].find("last_name"), std::string::npos) << csv[1][6];

    // A second file, Italian headers and a full name: rows match by email and update.
    const std::string second =
        "Nome completo;E-mail;Citt\xC3\xA0;Etichette\n"
        "\"Anna Bianchi \"\"Bia\"\"\";" +
        anna + ";Torino " + tag +
        ";clienti\n"
        "\"Rossi, Paolo\";paolo." +
        tag + "@example.it;Torino " + tag + ";\n";
    auto up = upload_import(c, "person", "rubrica.csv", second);
    ASSERT_EQ(up.status, 201) << up.body;
    const std::string id = up.json()["id"];
    EXPECT_EQ(up.json()["encoding"], "UTF-8");
    const auto suggested = up.json()["suggested_mapping"];
    EXPECT_EQ(suggested["columns"]["Nome completo"], "full_name") << up.body;
    ASSERT_EQ(c.put("/api/v1/imports/" + id + "/mapping", suggested).status, 200);
    auto dry = c.post("/api/v1/imports/" + id + "/dry-run", nlohmann::json::object()).json();
    EXPECT_EQ(dry["would_create"], 1) << dry.dump();
    EXPECT_EQ(dry["would_update"], 1) << dry.dump();
    ASSERT_EQ(c.post("/api/v1/imports/" + id + "/start", nlohmann::json::object()).status, 202);
    auto done = wait_import_finished(c, id);
    EXPECT_EQ(done["created"], 1) << done.dump();
    EXPECT_EQ(done["updated"], 1) << done.dump();
    auto a2 = c.get("/api/v1/people/" + a["id"].get<std::string>()).json();
    EXPECT_EQ(a2["fields"]["city"], "Torino " + tag);
    EXPECT_EQ(a2["fields"]["first_name"], "Anna");
    EXPECT_EQ(a2["tags"], nlohmann::json({"clienti", "lombardia", "vip"}));  // added, none removed
    EXPECT_EQ(a2["provenance"]["city"]["ref"], "import:" + id + ":rubrica.csv");
    EXPECT_EQ(a2["provenance"]["last_name"]["ref"], "import:" + result["id"].get<std::string>() + ":people.csv");
    auto paolo = first_of(c, "people", eq_filter("email", "paolo." + tag + "@example.it"));
    EXPECT_EQ(paolo["fields"]["first_name"], "Paolo");
    EXPECT_EQ(paolo["fields"]["last_name"], "Rossi");
}

// The import plans the next batch while the previous one commits; a row must still meet
// the records that earlier batches created or changed (by the keys they have then), exactly
// as if each batch had been committed before the next was read.
TEST_F(ImportsApiTest, RowsMeetWhatEarlierBatchesWroteEvenWhileTheyCommit) {
    auto c = owner();
    const std::string tag = unique_name("b");
    const std::string city = "Batches " + tag;
    const auto email = [&](const std::string& who) { return who + "." + tag + "@example.com"; };
    constexpr int kRows = 12000;  // three batches of 5,000
    std::string file = "External id,First name,Last name,Email,City\n";
    for (int i = 1; i <= kRows; ++i) {
        const std::string n = std::to_string(i);
        if (i == 6001) {
            file += "X-10,Ten,Moved," + email("moved") + "," + city + "\n";  // batch 2: record 10, new email
        } else if (i == 7000) {
            file += "X-20,Twenty,Elsewhere," + email("p20") + ",Elsewhere " + tag + "\n";  // batch 2: record 20
        } else if (i == 11001) {
            file += "," + n + ",Again," + email("p10") + "," + city + "\n";  // record 10's old email: a new person
        } else if (i == 11002) {
            file += ",Ten,Moved," + email("moved") + ",Moved " + tag + "\n";  // record 10's new email
        } else {
            file += "X-" + n + "," + n + ",L," + email("p" + n) + "," + city + "\n";
        }
    }
    auto result = import_file(c, "person", "batches.csv", file,
                              {{"columns",
                                {{"External id", "external_id"},
                                 {"First name", "first_name"},
                                 {"Last name", "last_name"},
                                 {"Email", "email"},
                                 {"City", "city"}}}});
    ASSERT_EQ(result["status"], "completed") << result.dump();
    EXPECT_EQ(result["rows_done"], kRows);
    EXPECT_EQ(result["created"], kRows - 3) << result.dump();
    EXPECT_EQ(result["updated"], 3) << result.dump();
    EXPECT_EQ(result["rejected"], 0) << result.dump();

    auto ten = first_of(c, "people", eq_filter("external_id", "X-10"));
    EXPECT_EQ(ten["fields"]["email"], email("moved"));
    EXPECT_EQ(ten["fields"]["city"], "Moved " + tag);
    EXPECT_EQ(count(c, "people", eq_filter("email", email("moved"))), 1);
    auto again = first_of(c, "people", eq_filter("email", email("p10")));
    EXPECT_EQ(again["fields"]["last_name"], "Again");
    EXPECT_EQ(count(c, "people", eq_filter("email", email("p10"))), 1);
    auto twenty = first_of(c, "people", eq_filter("external_id", "X-20"));
    EXPECT_EQ(twenty["fields"]["last_name"], "Elsewhere");
    EXPECT_EQ(count(c, "people", eq_filter("city", city)), kRows - 5);  // all but 10, 20 and the 3 updates

    // The same file again creates nothing. (Its row 10 gives record 10 its old email back for
    // one batch; row 11001 must then find only the person it created, as record 10 has moved on.)
    auto rerun = import_file(c, "person", "batches.csv", file,
                             {{"columns",
                               {{"External id", "external_id"},
                                {"First name", "first_name"},
                                {"Last name", "last_name"},
                                {"Email", "email"},
                                {"City", "city"}}}});
    ASSERT_EQ(rerun["status"], "completed") << rerun.dump();
    EXPECT_EQ(rerun["created"], 0) << rerun.dump();
    EXPECT_EQ(count(c, "people", eq_filter("city", city)) + count(c, "people", eq_filter("city", "Moved " + tag)) +
                  count(c, "people", eq_filter("city", "Elsewhere " + tag)),
              kRows - 3);
    EXPECT_EQ(first_of(c, "people", eq_filter("email", email("p10")))["fields"]["last_name"], "Again");
    EXPECT_EQ(count(c, "people", eq_filter("email", email("p10"))), 1);
}

TEST_F(ImportsApiTest, MappingProblemsAreAllReportedBeforeAnyWork) {
    auto c = owner();
    auto up = upload_import(c, "company", "x.csv", "Name,Email,Email,VAT\nAcme,a@b.it,c@d.it,123\n");
    ASSERT_EQ(up.status, 201) << up.body;
    const std::string id = up.json()["id"];
    auto res =
        c.put("/api/v1/imports/" + id + "/mapping",
              {{"columns",
                {{"Name", "legal_nam"}, {"1", "email"}, {"2", "email"}, {"Phone", "phone"}, {"VAT", "custom.nope"}}},
               {"source", {{"data_kind", "fourth_party"}}},
               {"match_on", {"vat_id", "first_name"}},
               {"lenient", "no"},
               {"extra", 1}});
    expect_problem(res, 422);
    for (const char* p : {"/columns/Name", "/columns/2", "/columns/Phone", "/columns/VAT", "/columns",
                          "/source/data_kind", "/match_on/0", "/match_on/1", "/lenient", "/extra"}) {
        EXPECT_TRUE(has_error_at(res, p)) << p << " in " << res.body;
    }
    // Duplicate header names must be named by index.
    auto dup = c.put("/api/v1/imports/" + id + "/mapping", {{"columns", {{"Email", "email"}}}});
    expect_problem(dup, 422);
    EXPECT_TRUE(has_error_at(dup, "/columns/Email"));
    auto state = c.get("/api/v1/imports/" + id).json();
    EXPECT_EQ(state["status"], "uploaded");
    expect_problem(c.post("/api/v1/imports/" + id + "/start", nlohmann::json::object()), 409);
    expect_problem(c.put("/api/v1/imports/" + id + "/mapping", {{"columns", {{"Name", "legal_name"}}}}), 422);
}

TEST_F(ImportsApiTest, UploadsThatCannotBeImportedAreRefused) {
    auto c = owner();
    auto no_entity = c.request("POST", "/api/v1/imports", "a,b\n1,2\n", {{"Content-Type", "text/csv"}});
    expect_problem(no_entity, 422);
    EXPECT_TRUE(has_error_at(no_entity, "?entity"));
    expect_problem(upload_import(c, "company", "e.csv", ""), 422);
    expect_problem(upload_import(c, "company", "h.csv", "Ragione sociale;Paese\r\n"), 422);
    expect_problem(upload_import(c, "company", "x.xlsx", std::string("PK\x03\x04rest of a zip")), 422);
    expect_problem(
        c.request("POST", "/api/v1/imports?entity=person", "{\"a\":1}", {{"Content-Type", "application/json"}}), 400);
    auto viewer = with_key(server_->api_key("imports", "viewer"));
    expect_problem(upload_import(viewer, "person", "p.csv", "First name,Last name\nA,B\n"), 403);
}

TEST_F(ImportsApiTest, CancelStopsBetweenBatchesAndLeavesWholeBatches) {
    auto c = owner();
    // Cancelling before the start is final.
    auto small = upload_import(c, "person", "small.csv", "First name,Last name\nA,B\n");
    ASSERT_EQ(small.status, 201);
    const std::string small_id = small.json()["id"];
    auto cancelled = c.post("/api/v1/imports/" + small_id + "/cancel", nlohmann::json::object());
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    EXPECT_EQ(cancelled.json()["status"], "cancelled");
    expect_problem(c.post("/api/v1/imports/" + small_id + "/start", nlohmann::json::object()), 409);
    expect_problem(c.post("/api/v1/imports/" + small_id + "/cancel", nlohmann::json::object()), 409);

    // A running import: cancel lands between batches; whatever was committed is whole.
    const std::string city = "Cancel " + unique_name("c");
    std::string file = "First name,Last name,City,Email\n";
    constexpr int kRows = 30000;
    for (int i = 0; i < kRows; ++i) {
        file += "P" + std::to_string(i) + ",L,\"" + city + "\",p" + std::to_string(i) + "." + city.substr(7) +
                "@example.com\n";
    }
    auto up = upload_import(c, "person", "big.csv", file);
    ASSERT_EQ(up.status, 201) << up.body;
    const std::string id = up.json()["id"];
    EXPECT_EQ(up.json()["rows_total"], kRows);
    ASSERT_EQ(c.put("/api/v1/imports/" + id + "/mapping", up.json()["suggested_mapping"]).status, 200);
    ASSERT_EQ(c.post("/api/v1/imports/" + id + "/start", nlohmann::json::object()).status, 202);
    // Cancel once the first batch is in, so that some work is committed and some is not.
    for (int i = 0; i < 3000; ++i) {
        auto progress = c.get("/api/v1/imports/" + id).json();
        if (progress["rows_done"].get<int>() > 0 || progress["status"] != "running") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    auto cancel = c.post("/api/v1/imports/" + id + "/cancel", nlohmann::json::object());
    auto state = wait_import_finished(c, id);
    std::cout << "cancel answered " << cancel.status << " at row " << state["rows_done"] << " of " << kRows << "\n";
    if (cancel.status == 409) {
        EXPECT_EQ(state["status"], "completed");  // it was faster than the cancel
    } else {
        ASSERT_EQ(cancel.status, 200) << cancel.body;
        EXPECT_EQ(state["status"], "cancelled");
        EXPECT_GT(state["rows_done"].get<int>(), 0);
        EXPECT_LT(state["rows_done"].get<int>(), kRows);
        EXPECT_EQ(state["rows_done"].get<int>() % 1000, 0) << state.dump();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto final_state = c.get("/api/v1/imports/" + id).json();
    EXPECT_EQ(final_state["rows_done"], state["rows_done"]);  // nothing committed after the cancel
    EXPECT_EQ(count(c, "people", eq_filter("city", city)), final_state["created"].get<std::int64_t>());
    EXPECT_EQ(final_state["created"], final_state["rows_done"]);
}

TEST_F(ImportsApiTest, OnlyTheUploaderAndAdminsSeeAnImportAndOtherWorkspacesNever) {
    auto c = owner();
    auto up = upload_import(c, "person", "private.csv", "First name,Last name\nAda,Lovelace\n");
    ASSERT_EQ(up.status, 201);
    const std::string id = up.json()["id"];
    const std::string base = "/api/v1/imports/" + id;

    auto globex = owner_of(globex_);
    expect_problem(globex.get(base), 404);
    expect_problem(globex.put(base + "/mapping", {{"columns", {{"First name", "first_name"}}}}), 404);
    expect_problem(globex.post(base + "/dry-run", nlohmann::json::object()), 404);
    expect_problem(globex.post(base + "/start", nlohmann::json::object()), 404);
    expect_problem(globex.post(base + "/cancel", nlohmann::json::object()), 404);
    expect_problem(globex.get(base + "/rejected.csv"), 404);

    auto member = with_key(server_->api_key("imports", "member"));
    expect_problem(member.get(base), 404);
    auto admin = with_key(server_->api_key("imports", "admin"));
    EXPECT_EQ(admin.get(base).status, 200);
    EXPECT_EQ(c.get(base).json()["status"], "uploaded");  // untouched
}

// A server shut down in the middle of an import exits promptly; the import says it was
// interrupted, holds whole batches only, and the next start resumes it without duplicates.
TEST(ImportsShutdownTest, AnInterruptedImportResumesAtTheNextStartWithoutDuplicates) {
    auto server = std::make_unique<TestServer>();
    auto ws = server->bootstrap("shutdown");
    auto c = signed_in_client(*server, ws.owner_email, ws.password);
    constexpr int kRows = 30000;
    std::string id;
    ASSERT_NO_FATAL_FAILURE(start_and_await_first_rows(c, kRows, "s", id));
    EXPECT_EQ(server->stop(), 0);  // promptly: the import below was cut short, not waited for

    auto services = app::Services::open(server->database_url());
    ASSERT_TRUE(services) << services.error().detail;
    auto& imports = (*services)->get<domain::imports::ImportRunner>();
    Id workspace_id = 0;
    std::int64_t people = 0;
    {
        auto lease = (*services)->database().acquire(storage::Access::Read);
        ASSERT_TRUE(lease);
        auto rs = (*lease)->query("SELECT workspace_id FROM imports WHERE import_id = $1", {*parse_id(id)});
        ASSERT_TRUE(rs && rs->size() == 1u);
        workspace_id = storage::as_int(rs->rows[0][0]);
        auto n = (*lease)->query("SELECT COUNT(*) FROM people WHERE workspace_id = $1", {workspace_id});
        ASSERT_TRUE(n);
        people = storage::as_int(n->rows[0][0]);
    }
    const auto actor = domain::operator_principal(workspace_id);
    auto stopped = imports.get(actor, *parse_id(id));
    ASSERT_TRUE(stopped) << stopped.error().detail;
    EXPECT_EQ(stopped->status, domain::imports::ImportStatus::Failed);
    ASSERT_TRUE(stopped->error);
    EXPECT_NE(stopped->error->find("interrupted after row " + std::to_string(stopped->rows_done)), std::string::npos)
        << *stopped->error;
    EXPECT_GT(stopped->rows_done, 0);
    EXPECT_LT(stopped->rows_done, kRows);  // the shutdown did not wait for the whole file
    EXPECT_EQ(stopped->rows_done % 1000, 0);
    EXPECT_EQ(people, stopped->rows_done);  // whole batches, nothing more

    ASSERT_TRUE(imports.start(actor, *parse_id(id)));
    const auto job = run_until_done(imports, actor, id);
    EXPECT_EQ(job.status, domain::imports::ImportStatus::Completed) << job.error.value_or("");
    EXPECT_EQ(job.rows_done, kRows);
    EXPECT_EQ(job.created, kRows);
    auto lease = (*services)->database().acquire(storage::Access::Read);
    ASSERT_TRUE(lease);
    auto n = (*lease)->query("SELECT COUNT(*) FROM people WHERE workspace_id = $1", {workspace_id});
    ASSERT_TRUE(n);
    EXPECT_EQ(storage::as_int(n->rows[0][0]), kRows);
}

// A server killed outright (kill -9) in the middle of an import leaves whole batches only;
// once its heartbeat is stale the import shows as failed, and starting it again completes it
// without duplicates. (Batches are planned on one thread and committed on another; only
// commits reach the database, each with its checkpoint.)
TEST(ImportsCrashTest, AKilledServerLeavesWholeBatchesAndAResumeAddsNoDuplicates) {
    auto server = std::make_unique<TestServer>();
    auto ws = server->bootstrap("crash");
    auto c = signed_in_client(*server, ws.owner_email, ws.password);
    constexpr int kRows = 40000;
    std::string id;
    ASSERT_NO_FATAL_FAILURE(start_and_await_first_rows(c, kRows, "k", id));
    server->kill_now();

    auto services = app::Services::open(server->database_url());
    ASSERT_TRUE(services) << services.error().detail;
    auto& db = (*services)->database();
    const auto query_int = [&](const std::string& sql, const storage::Params& params) {
        auto lease = db.acquire(storage::Access::Write);
        EXPECT_TRUE(lease);
        auto rs = (*lease)->query(sql, params);
        EXPECT_TRUE(rs && rs->size() == 1u);
        return storage::as_int(rs->rows[0][0]);
    };
    const Id workspace_id = query_int("SELECT workspace_id FROM imports WHERE import_id = $1", {*parse_id(id)});
    const std::int64_t rows_done = query_int("SELECT rows_done FROM imports WHERE import_id = $1", {*parse_id(id)});
    const std::int64_t people = query_int("SELECT COUNT(*) FROM people WHERE workspace_id = $1", {workspace_id});
    std::cout << "killed at row " << rows_done << " of " << kRows << "\n";
    EXPECT_GT(rows_done, 0);
    EXPECT_EQ(rows_done % 5000, 0);
    EXPECT_EQ(people, rows_done);    // whole batches, nothing more
    if (rows_done == kRows) return;  // it finished before the kill: nothing to resume

    // The dead server's heartbeat ages (60 s in production): make it old now.
    {
        auto lease = db.acquire(storage::Access::Write);
        ASSERT_TRUE(lease);
        ASSERT_TRUE((*lease)->execute("UPDATE imports SET heartbeat_at = 0 WHERE import_id = $1", {*parse_id(id)}));
    }
    auto& imports = (*services)->get<domain::imports::ImportRunner>();
    const auto actor = domain::operator_principal(workspace_id);
    auto stale = imports.get(actor, *parse_id(id));
    ASSERT_TRUE(stale) << stale.error().detail;
    EXPECT_EQ(stale->status, domain::imports::ImportStatus::Failed);
    ASSERT_TRUE(imports.start(actor, *parse_id(id)));
    const auto job = run_until_done(imports, actor, id);
    EXPECT_EQ(job.status, domain::imports::ImportStatus::Completed) << job.error.value_or("");
    EXPECT_EQ(job.rows_done, kRows);
    EXPECT_EQ(job.created, kRows);
    EXPECT_EQ(query_int("SELECT COUNT(*) FROM people WHERE workspace_id = $1", {workspace_id}), kRows);
}

}  // namespace rapport::testing
