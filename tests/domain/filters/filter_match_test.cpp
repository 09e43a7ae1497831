// matches: the in-memory semantics of the filter language (nulls, case, tags, day
// granularity, relative dates resolved at evaluation time).
#include <gtest/gtest.h>

#include <string>

#include "domain/filters/evaluate.hpp"
#include "domain/filters/parse.hpp"

namespace rapport::domain::filters {
namespace {

using nlohmann::json;

FieldCatalog catalog() {
    return FieldCatalog({
        {"city", FieldType::Text, {}},
        {"score", FieldType::Number, {}},
        {"revenue", FieldType::Money, {}},
        {"birthday", FieldType::Date, {}},
        {"created_at", FieldType::DateTime, {}},
        {"vip", FieldType::Bool, {}},
        {"tier", FieldType::Enum, {"basic", "plus", "vip"}},
        {"tags", FieldType::Tags, {}},
        {"buyer", FieldType::Reference, {}},
    });
}

UnixMillis at(const char* iso) {
    return parse_iso_instant(iso).value().ms;
}

const UnixMillis kNow = at("2026-11-23T15:00:00Z");

bool test(const std::string& filter, const Record& record, UnixMillis now = kNow) {
    auto parsed = parse_filter(json::parse(filter), catalog());
    if (!parsed) {
        ADD_FAILURE() << filter << ": " << parsed.error().detail;
        return false;
    }
    return matches(*parsed, record, now);
}

std::string cond(const std::string& field, const std::string& op, const std::string& value = "") {
    return R"({"field": ")" + field + R"(", "op": ")" + op + "\"" + (value.empty() ? "" : ", \"value\": " + value) +
           "}";
}

TEST(FilterMatch, NullsAreFalseExceptForEmptinessAndNegativeOperators) {
    const MapRecord empty;
    EXPECT_FALSE(test(cond("city", "eq", R"("Milano")"), empty));
    EXPECT_TRUE(test(cond("city", "neq", R"("Milano")"), empty));
    EXPECT_FALSE(test(cond("city", "in", R"(["Milano"])"), empty));
    EXPECT_TRUE(test(cond("city", "not_in", R"(["Milano"])"), empty));
    EXPECT_FALSE(test(cond("city", "contains", R"("M")"), empty));
    EXPECT_TRUE(test(cond("city", "not_contains", R"("M")"), empty));
    EXPECT_FALSE(test(cond("city", "starts_with", R"("M")"), empty));
    EXPECT_TRUE(test(cond("city", "is_empty"), empty));
    EXPECT_FALSE(test(cond("city", "is_not_empty"), empty));
    EXPECT_FALSE(test(cond("score", "gt", "1"), empty));
    EXPECT_FALSE(test(cond("score", "lte", "1"), empty));
    EXPECT_FALSE(test(cond("score", "between", "[0, 10]"), empty));
    EXPECT_TRUE(test(cond("score", "neq", "1"), empty));
    EXPECT_FALSE(test(cond("vip", "eq", "false"), empty));
    EXPECT_TRUE(test(cond("vip", "neq", "true"), empty));
    EXPECT_FALSE(test(cond("tags", "has_tag", R"("x")"), empty));
    EXPECT_TRUE(test(cond("tags", "is_empty"), empty));
    // Two-valued logic: not(eq) is true for null, unlike SQL's three-valued NOT.
    EXPECT_TRUE(test(R"({"not": )" + cond("score", "gt", "1") + "}", empty));
}

TEST(FilterMatch, EmptyAndIllTypedValuesCountAsNoValue) {
    const MapRecord r{{"city", std::string("")},
                      {"score", std::string("12")},
                      {"birthday", std::string("not a date")},
                      {"vip", std::int64_t{1}},
                      {"tags", TagSet{}}};
    EXPECT_TRUE(test(cond("city", "is_empty"), r));
    EXPECT_TRUE(test(cond("score", "is_empty"), r));
    EXPECT_TRUE(test(cond("birthday", "is_empty"), r));
    EXPECT_TRUE(test(cond("vip", "is_empty"), r));
    EXPECT_TRUE(test(cond("tags", "is_empty"), r));
    EXPECT_FALSE(test(cond("score", "eq", "12"), r));
}

TEST(FilterMatch, TextIgnoresAsciiCaseOnly) {
    const MapRecord milano{{"city", std::string("MiLaNo")}};
    EXPECT_TRUE(test(cond("city", "eq", R"("milano")"), milano));
    EXPECT_FALSE(test(cond("city", "eq", R"("milan")"), milano));
    EXPECT_TRUE(test(cond("city", "in", R"(["Roma", "MILANO"])"), milano));
    EXPECT_TRUE(test(cond("city", "contains", R"("LAN")"), milano));
    EXPECT_TRUE(test(cond("city", "starts_with", R"("mil")"), milano));
    EXPECT_FALSE(test(cond("city", "starts_with", R"("lano")"), milano));
    EXPECT_TRUE(test(cond("city", "not_contains", R"("roma")"), milano));

    const MapRecord forli{{"city", std::string("Forlì")}};
    EXPECT_TRUE(test(cond("city", "eq", R"("FORLì")"), forli));
    EXPECT_FALSE(test(cond("city", "eq", R"("forli")"), forli)) << "accents are significant";
    EXPECT_FALSE(test(cond("city", "eq", R"("FORLÌ")"), forli)) << "only ASCII letters fold, as in SQL";

    const MapRecord odd{{"city", std::string("100%_x")}};
    EXPECT_TRUE(test(cond("city", "contains", R"("%_")"), odd));
    EXPECT_FALSE(test(cond("city", "contains", R"("0_")"), odd)) << "no wildcards in memory either";
}

TEST(FilterMatch, EnumsCompareExactlyAfterCanonicalisation) {
    const MapRecord r{{"tier", std::string("vip")}};
    EXPECT_TRUE(test(cond("tier", "eq", R"("VIP")"), r));
    EXPECT_FALSE(test(cond("tier", "eq", R"("vip")"), MapRecord{{"tier", std::string("VIP")}}));
    EXPECT_TRUE(test(cond("tier", "not_in", R"(["basic", "plus"])"), r));
}

TEST(FilterMatch, NumbersAndMoney) {
    const MapRecord r{{"score", 42.5}, {"revenue", std::int64_t{1000}}};
    EXPECT_TRUE(test(cond("score", "gt", "42"), r));
    EXPECT_FALSE(test(cond("score", "gt", "42.5"), r));
    EXPECT_TRUE(test(cond("score", "gte", "42.5"), r));
    EXPECT_TRUE(test(cond("score", "between", "[42.5, 42.5]"), r)) << "between includes both bounds";
    EXPECT_TRUE(test(cond("score", "in", "[1, 42.5]"), r));
    EXPECT_TRUE(test(cond("revenue", "eq", "1000"), r));
    EXPECT_TRUE(test(cond("revenue", "lt", "1000.01"), r));
}

TEST(FilterMatch, ReferencesAndBooleans) {
    const MapRecord r{{"buyer", std::int64_t{77}}, {"vip", true}};
    EXPECT_TRUE(test(cond("buyer", "eq", R"("77")"), r));
    EXPECT_TRUE(test(cond("buyer", "eq", "77"), MapRecord{{"buyer", std::string("77")}}));
    EXPECT_TRUE(test(cond("buyer", "not_in", R"(["1", "2"])"), r));
    EXPECT_TRUE(test(cond("vip", "eq", "true"), r));
    EXPECT_FALSE(test(cond("vip", "neq", "true"), r));
}

TEST(FilterMatch, TagsIgnoreCase) {
    const MapRecord r{{"tags", TagSet{"VIP", "newsletter"}}};
    EXPECT_TRUE(test(cond("tags", "has_tag", R"("vip")"), r));
    EXPECT_TRUE(test(cond("tags", "has_any_tag", R"(["lead", "NEWSLETTER"])"), r));
    EXPECT_FALSE(test(cond("tags", "has_all_tags", R"(["vip", "lead"])"), r));
    EXPECT_TRUE(test(cond("tags", "has_all_tags", R"(["vip", "Newsletter"])"), r));
    EXPECT_TRUE(test(cond("tags", "is_not_empty"), r));
}

TEST(FilterMatch, DateTimesCompareWithDaysByUtcDay) {
    const MapRecord midnight{{"created_at", at("2026-11-20T00:00:00Z")}};
    const MapRecord last_ms{{"created_at", at("2026-11-20T23:59:59.999Z")}};
    const MapRecord next{{"created_at", at("2026-11-21T00:00:00Z")}};
    for (const auto* r : {&midnight, &last_ms}) {
        EXPECT_TRUE(test(cond("created_at", "eq", R"("2026-11-20")"), *r));
        EXPECT_TRUE(test(cond("created_at", "lte", R"("2026-11-20")"), *r));
        EXPECT_TRUE(test(cond("created_at", "gte", R"("2026-11-20")"), *r));
        EXPECT_FALSE(test(cond("created_at", "gt", R"("2026-11-20")"), *r));
        EXPECT_FALSE(test(cond("created_at", "lt", R"("2026-11-20")"), *r));
        EXPECT_TRUE(test(cond("created_at", "between", R"(["2026-11-20", "2026-11-20"])"), *r));
    }
    EXPECT_FALSE(test(cond("created_at", "eq", R"("2026-11-20")"), next));
    EXPECT_TRUE(test(cond("created_at", "gt", R"("2026-11-20")"), next));
    EXPECT_TRUE(test(cond("created_at", "neq", R"("2026-11-20")"), next));

    // Against an instant the comparison is exact.
    EXPECT_FALSE(test(cond("created_at", "gt", R"("2026-11-20T23:59:59.999Z")"), last_ms));
    EXPECT_TRUE(test(cond("created_at", "gte", R"("2026-11-20T23:59:59.999Z")"), last_ms));
    EXPECT_TRUE(test(cond("created_at", "between", R"(["2026-11-20", "2026-11-21T00:00:00-01:00"])"), last_ms));
    EXPECT_FALSE(test(cond("created_at", "between", R"(["2026-11-20", "2026-11-20T12:00:00Z"])"), last_ms));
}

TEST(FilterMatch, RelativeDatesResolveAtEvaluationTime) {
    auto parsed = parse_filter(json::parse(cond("created_at", "gte", R"({"relative": "-30d"})")), catalog());
    ASSERT_TRUE(parsed);
    const MapRecord r{{"created_at", at("2026-10-24T08:00:00Z")}};
    EXPECT_TRUE(matches(*parsed, r, kNow)) << "2026-10-24 is 30 days before 2026-11-23";
    EXPECT_FALSE(matches(*parsed, r, kNow + kMillisPerDay)) << "a day later it has left the window";

    const MapRecord birthday{{"birthday", std::string("2026-11-01")}};
    EXPECT_TRUE(test(cond("birthday", "gte", R"({"relative": "start_of_month"})"), birthday));
    EXPECT_FALSE(
        test(cond("birthday", "gte", R"({"relative": "start_of_month"})"), birthday, at("2026-12-01T00:00:00Z")));
    EXPECT_TRUE(test(cond("birthday", "eq", R"({"relative": "-22d"})"), birthday));
    EXPECT_TRUE(test(cond("birthday", "eq", R"("2026-11-01")"), MapRecord{{"birthday", CalendarDate{20758}}}));
}

TEST(FilterMatch, BooleanStructure) {
    const MapRecord r{{"city", std::string("Roma")}, {"score", 10.0}};
    const std::string roma = cond("city", "eq", R"("roma")");
    const std::string high = cond("score", "gt", "50");
    EXPECT_FALSE(test(R"({"and": [)" + roma + "," + high + "]}", r));
    EXPECT_TRUE(test(R"({"or": [)" + roma + "," + high + "]}", r));
    EXPECT_TRUE(test(R"({"and": [)" + roma + R"(, {"not": )" + high + "}]}", r));
    EXPECT_FALSE(test(R"({"not": {"or": [)" + roma + "," + high + "]}}", r));
    EXPECT_TRUE(test(R"({"and": [{}, )" + roma + "]}", r));
}

TEST(FilterMatch, ParsedFiltersCopyDeeply) {
    auto parsed = parse_filter(json::parse(R"({"not": {"not": )" + cond("city", "eq", R"("a")") + "}}"), catalog());
    ASSERT_TRUE(parsed);
    FilterNode copy = *parsed;
    parsed = parse_filter(json::parse("{}"), catalog());
    EXPECT_TRUE(matches(copy, MapRecord{{"city", std::string("A")}}, kNow));
    EXPECT_FALSE(matches(copy, MapRecord{{"city", std::string("B")}}, kNow));
}

}  // namespace
}  // namespace rapport::domain::filters
