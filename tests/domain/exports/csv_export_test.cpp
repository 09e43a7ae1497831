// The CSV writer of exports: RFC 4180 quoting, value texts, ISO 8601 times and the row layout.
#include "domain/exports/csv_export.hpp"

#include <gtest/gtest.h>

namespace rapport::domain::exports {

namespace {
std::string cell(std::string_view value, char delimiter = ',') {
    std::string out;
    append_csv_cell(out, value, delimiter);
    return out;
}
}  // namespace

TEST(CsvExport, QuotesOnlyWhatNeedsQuoting) {
    EXPECT_EQ(cell("plain text"), "plain text");
    EXPECT_EQ(cell(""), "");
    EXPECT_EQ(cell("a,b"), "\"a,b\"");
    EXPECT_EQ(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(cell("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(cell("cr\rhere"), "\"cr\rhere\"");
    EXPECT_EQ(cell("semi;colon"), "\"semi;colon\"");
    EXPECT_EQ(cell("tab\there", '\t'), "\"tab\there\"");
    EXPECT_EQ(cell("a,b", ';'), "a,b");
    EXPECT_EQ(cell("Niño Pérez"), "Niño Pérez");
}

TEST(CsvExport, EscapesCellsThatASpreadsheetWouldRunAsFormulas) {
    const auto escaped = [](std::string_view value) {
        std::string out;
        append_csv_cell(out, value, ',', Formulas::Escape);
        return out;
    };
    EXPECT_EQ(escaped("=HYPERLINK(\"http://x.test\",\"y\")"), "\"'=HYPERLINK(\"\"http://x.test\"\",\"\"y\"\")\"");
    EXPECT_EQ(escaped("+390212345678"), "\"'+390212345678\"");
    EXPECT_EQ(escaped("-2+3+cmd|' /C calc'!A0"), "\"'-2+3+cmd|' /C calc'!A0\"");
    EXPECT_EQ(escaped("@SUM(A1)"), "\"'@SUM(A1)\"");
    EXPECT_EQ(escaped("\t=1"), "\"'\t=1\"");
    EXPECT_EQ(escaped("\r=1"), "\"'\r=1\"");
    EXPECT_EQ(escaped("a=b"), "a=b");  // only the first character matters
    EXPECT_EQ(escaped(""), "");
    EXPECT_EQ(cell("=1+2"), "=1+2");  // Formulas::Keep
}

TEST(CsvExport, WritesValuesAndTimesReadably) {
    EXPECT_EQ(cell_text(nullptr), "");
    EXPECT_EQ(cell_text("x"), "x");
    EXPECT_EQ(cell_text(true), "true");
    EXPECT_EQ(cell_text(1200.0), "1200");
    EXPECT_EQ(cell_text(7.5), "7.5");
    EXPECT_EQ(cell_text(-3), "-3");
    EXPECT_EQ(cell_text(nlohmann::json::array({"a", "b"})), "a; b");
    EXPECT_EQ(iso_instant(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(iso_instant(1'700'000'000'123), "2023-11-14T22:13:20.123Z");
    EXPECT_EQ(iso_instant(-1), "1969-12-31T23:59:59.999Z");
}

TEST(CsvExport, ARowFollowsTheHeader) {
    customers::CustomFieldDef tier;
    tier.key = "tier";
    CsvRecordWriter writer(customers::EntityType::Person, {tier});
    std::string out;
    writer.begin(out);
    ASSERT_EQ(out.substr(0, 3), kUtf8Bom);
    EXPECT_EQ(out.substr(3, 14), "id,first_name,");
    EXPECT_NE(out.find(",custom.tier,tags,owner_user_id,team_id,created_at,updated_at\r\n"), std::string::npos);

    customers::CustomerRecord r;
    r.type = customers::EntityType::Person;
    r.id = 42;
    r.fields = {{"first_name", "Ana"}, {"last_name", "O'Hara, Jr"}};
    r.custom = {{"tier", "gold"}};
    r.tags = {"a", "b;c"};
    r.owner_user_id = 7;
    std::string row;
    writer.row(r, row);
    EXPECT_EQ(row.rfind("42,Ana,", 0), 0u) << row;
    EXPECT_NE(row.find("\"O'Hara, Jr\""), std::string::npos) << row;
    EXPECT_NE(row.find(",gold,\"a; b;c\",7,,1970-01-01T00:00:00.000Z,1970-01-01T00:00:00.000Z\r\n"), std::string::npos)
        << row;
    // As many cells as columns: count delimiters outside quotes.
    std::size_t cells = 1;
    bool quoted = false;
    for (const char c : row) {
        if (c == '"') quoted = !quoted;
        if (c == ',' && !quoted) ++cells;
    }
    EXPECT_EQ(cells, writer.columns().size());
}

TEST(CsvExport, RowsEscapeTextButKeepNumbersAndCanOptOut) {
    customers::CustomFieldDef balance;
    balance.key = "balance";
    balance.type = customers::FieldType::Money;
    customers::CustomerRecord r;
    r.type = customers::EntityType::Person;
    r.id = 1;
    r.fields = {{"first_name", "=cmd"}, {"phone", "+390212345678"}};
    r.custom = {{"balance", -1200}};
    std::string escaped, kept;
    CsvRecordWriter(customers::EntityType::Person, {balance}).row(r, escaped);
    CsvRecordWriter(customers::EntityType::Person, {balance}, ',', Formulas::Keep).row(r, kept);
    EXPECT_EQ(escaped.rfind("1,\"'=cmd\",", 0), 0u) << escaped;
    EXPECT_NE(escaped.find(",\"'+390212345678\","), std::string::npos) << escaped;
    EXPECT_NE(escaped.find(",-1200,"), std::string::npos) << escaped;
    EXPECT_EQ(kept.rfind("1,=cmd,", 0), 0u) << kept;
    EXPECT_NE(kept.find(",+390212345678,"), std::string::npos) << kept;
}

}  // namespace rapport::domain::exports
