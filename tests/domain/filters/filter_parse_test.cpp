// parse_filter: the grammar, and validation that reports every problem at once with a JSON
// pointer into the filter document.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/filters/evaluate.hpp"
#include "domain/filters/parse.hpp"

namespace rapport::domain::filters {
namespace {

using nlohmann::json;

FieldCatalog catalog() {
    return FieldCatalog({
        {"city", FieldType::Text, {}},
        {"last_name", FieldType::Text, {}},
        {"score", FieldType::Number, {}},
        {"revenue", FieldType::Money, {}},
        {"birthday", FieldType::Date, {}},
        {"created_at", FieldType::DateTime, {}},
        {"vip", FieldType::Bool, {}},
        {"tier", FieldType::Enum, {"basic", "plus", "vip"}},
        {"tags", FieldType::Tags, {}},
        {"buyer_company_id", FieldType::Reference, {}},
        {"custom.segment", FieldType::Text, {}},
    });
}

Result<FilterNode> parse(const std::string& text) {
    return parse_filter(json::parse(text), catalog());
}

// The message at `pointer`, or "" when there is none.
std::string message_at(const Error& e, const std::string& pointer) {
    for (const auto& f : e.fields) {
        if (f.pointer == pointer) return f.message;
    }
    return "";
}

std::string all_pointers(const Error& e) {
    std::string out;
    for (const auto& f : e.fields) out += f.pointer + " -> " + f.message + "\n";
    return out;
}

const Condition& as_condition(const FilterNode& node) {
    return std::get<Condition>(node.node);
}

TEST(FilterParse, NullAndEmptyObjectMeanEverything) {
    for (const char* text : {"null", "{}", "{\"and\": []}"}) {
        auto r = parse(text);
        ASSERT_TRUE(r) << text << ": " << r.error().detail;
        const auto* all = std::get_if<And>(&r->node);
        ASSERT_NE(all, nullptr) << text;
        EXPECT_TRUE(all->children.empty());
        EXPECT_TRUE(matches(*r, MapRecord{}, 0));
    }
    auto nothing = parse(R"({"or": []})");
    ASSERT_TRUE(nothing);
    EXPECT_FALSE(matches(*nothing, MapRecord{}, 0));
}

TEST(FilterParse, BuildsTypedConditions) {
    auto r = parse(R"({"and": [
        {"field": "city", "op": "eq", "value": "Milano"},
        {"or": [{"field": "score", "op": "between", "value": [1, 2.5]},
                {"not": {"field": "tags", "op": "has_any_tag", "value": ["a", "b"]}}]},
        {"field": "birthday", "op": "is_empty"},
        {"field": "tier", "op": "in", "value": ["VIP", "basic"]},
        {"field": "buyer_company_id", "op": "eq", "value": "12345"},
        {"field": "created_at", "op": "gte", "value": "2026-11-23T10:30:00+01:00"}
    ]})");
    ASSERT_TRUE(r) << all_pointers(r.error());
    const auto& top = std::get<And>(r->node).children;
    ASSERT_EQ(top.size(), 6u);

    const auto& city = as_condition(top[0]);
    EXPECT_EQ(city.field, "city");
    EXPECT_EQ(city.type, FieldType::Text);
    EXPECT_EQ(city.op, Op::Eq);
    ASSERT_EQ(city.values.size(), 1u);
    EXPECT_EQ(std::get<std::string>(city.values[0]), "Milano");

    const auto& either = std::get<Or>(top[1].node).children;
    ASSERT_EQ(either.size(), 2u);
    const auto& score = as_condition(either[0]);
    EXPECT_EQ(score.op, Op::Between);
    EXPECT_DOUBLE_EQ(std::get<double>(score.values.at(0)), 1.0);
    EXPECT_DOUBLE_EQ(std::get<double>(score.values.at(1)), 2.5);
    const auto& tags = as_condition(std::get<Not>(either[1].node).child());
    EXPECT_EQ(tags.type, FieldType::Tags);
    EXPECT_EQ(tags.values.size(), 2u);

    EXPECT_TRUE(as_condition(top[2]).values.empty());
    const auto& tier = as_condition(top[3]);
    EXPECT_EQ(std::get<std::string>(tier.values.at(0)), "vip") << "enum operands take the catalog's spelling";
    EXPECT_EQ(std::get<Id>(as_condition(top[4]).values.at(0)), 12345);
    const auto& created = as_condition(top[5]);
    EXPECT_EQ(std::get<Instant>(created.values.at(0)).ms, parse_iso_instant("2026-11-23T09:30:00Z").value().ms);

    EXPECT_EQ(referenced_fields(*r), (std::vector<std::string>{"birthday", "buyer_company_id", "city", "created_at",
                                                               "score", "tags", "tier"}));
}

TEST(FilterParse, UnknownFieldSuggestsTheClosestName) {
    auto r = parse(R"({"and": [{"field": "citty", "op": "eq", "value": "x"},
                               {"field": "LastName", "op": "eq", "value": "x"},
                               {"field": "custom.segmnet", "op": "eq", "value": "x"},
                               {"field": "zodiac", "op": "eq", "value": "x"}]})");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::Validation);
    EXPECT_EQ(message_at(r.error(), "/and/0/field"), "unknown field 'citty'; did you mean 'city'?");
    EXPECT_EQ(message_at(r.error(), "/and/1/field"), "unknown field 'LastName'; did you mean 'last_name'?");
    EXPECT_EQ(message_at(r.error(), "/and/2/field"), "unknown field 'custom.segmnet'; did you mean 'custom.segment'?");
    EXPECT_EQ(message_at(r.error(), "/and/3/field"), "unknown field 'zodiac'");
    EXPECT_EQ(r.error().fields.size(), 4u) << all_pointers(r.error());
}

TEST(FilterParse, OperatorMustApplyToTheFieldType) {
    auto r = parse(R"({"and": [{"field": "city", "op": "eq", "value": "x"},
                               {"field": "city", "op": "gt", "value": "x"},
                               {"field": "vip", "op": "contains", "value": "x"},
                               {"field": "tags", "op": "eq", "value": "x"},
                               {"field": "score", "op": "equals", "value": 1},
                               {"field": "score", "op": "gte_", "value": 1},
                               {"field": "score", "op": 3, "value": 1},
                               {"field": "score", "value": 1}]})");
    ASSERT_FALSE(r);
    const auto& e = r.error();
    EXPECT_EQ(message_at(e, "/and/1/op"),
              "'gt' does not apply to text fields; use eq, neq, in, not_in, contains, not_contains, starts_with, "
              "is_empty, is_not_empty");
    EXPECT_NE(message_at(e, "/and/2/op").find("does not apply to boolean fields; use eq, neq, is_empty"),
              std::string::npos);
    EXPECT_NE(message_at(e, "/and/3/op").find("use has_tag, has_any_tag, has_all_tags"), std::string::npos);
    EXPECT_NE(message_at(e, "/and/4/op").find("unknown operator 'equals'"), std::string::npos);
    EXPECT_NE(message_at(e, "/and/5/op").find("did you mean 'gte'?"), std::string::npos);
    EXPECT_EQ(message_at(e, "/and/6/op"), "expected an operator name such as eq");
    EXPECT_NE(message_at(e, "/and/7/op").find("missing"), std::string::npos);
    EXPECT_EQ(e.fields.size(), 7u) << all_pointers(e);
    EXPECT_EQ(e.detail, "invalid filter: 7 problems");
}

TEST(FilterParse, ValuesMustFitTheFieldType) {
    auto r = parse(R"({"and": [
        {"field": "score", "op": "eq", "value": "12"},
        {"field": "vip", "op": "eq", "value": "yes"},
        {"field": "tier", "op": "eq", "value": "vipp"},
        {"field": "buyer_company_id", "op": "eq", "value": "12a"},
        {"field": "birthday", "op": "eq", "value": "23/11/2026"},
        {"field": "birthday", "op": "eq", "value": "2026-11-23T10:00:00Z"},
        {"field": "created_at", "op": "gt", "value": "2026-11-23T10:00:00"},
        {"field": "city", "op": "eq", "value": 12},
        {"field": "city", "op": "eq", "value": ""},
        {"field": "city", "op": "in", "value": ["a", 2, "c"]},
        {"field": "city", "op": "eq", "value": ["a"]},
        {"field": "score", "op": "between", "value": [5]},
        {"field": "score", "op": "between", "value": [5, 1]},
        {"field": "city", "op": "is_empty", "value": "x"},
        {"field": "city", "op": "eq"},
        {"field": "city", "op": "eq", "value": null},
        {"field": "birthday", "op": "eq", "value": "2023-02-29"}
    ]})");
    ASSERT_FALSE(r);
    const auto& e = r.error();
    EXPECT_EQ(message_at(e, "/and/0/value"), "expected a number");
    EXPECT_EQ(message_at(e, "/and/1/value"), "expected true or false");
    EXPECT_EQ(message_at(e, "/and/2/value"),
              "'vipp' is not an option of 'tier'; did you mean 'vip'? (options: basic, plus, vip)");
    EXPECT_EQ(message_at(e, "/and/3/value"), "expected a record id, such as \"123\"");
    EXPECT_EQ(message_at(e, "/and/4/value"), "expected a date written YYYY-MM-DD or {\"relative\": \"-30d\"}");
    EXPECT_NE(message_at(e, "/and/5/value").find("is a date without time"), std::string::npos);
    EXPECT_NE(message_at(e, "/and/6/value").find("needs its time zone"), std::string::npos);
    EXPECT_EQ(message_at(e, "/and/7/value"), "expected text");
    EXPECT_NE(message_at(e, "/and/8/value").find("use is_empty"), std::string::npos);
    EXPECT_EQ(message_at(e, "/and/9/value/1"), "expected text");
    EXPECT_NE(message_at(e, "/and/10/value").find("use 'in'"), std::string::npos);
    EXPECT_NE(message_at(e, "/and/11/value").find("[low, high]"), std::string::npos);
    EXPECT_EQ(message_at(e, "/and/12/value"), "'between' needs the lower bound first");
    EXPECT_EQ(message_at(e, "/and/13/value"), "'is_empty' takes no value");
    EXPECT_EQ(message_at(e, "/and/14/value"), "missing: 'eq' needs a value");
    EXPECT_NE(message_at(e, "/and/15/value").find("use is_empty"), std::string::npos);
    EXPECT_NE(message_at(e, "/and/16/value").find("expected a date"), std::string::npos);
    EXPECT_EQ(e.fields.size(), 17u) << all_pointers(e);
}

TEST(FilterParse, RelativeDates) {
    auto ok = parse(R"({"and": [{"field": "birthday", "op": "gte", "value": {"relative": "-30d"}},
                                {"field": "created_at", "op": "lt", "value": {"relative": "start_of_month-1m"}},
                                {"field": "created_at", "op": "eq", "value": {"relative": "today"}}]})");
    ASSERT_TRUE(ok) << all_pointers(ok.error());
    const auto& children = std::get<And>(ok->node).children;
    const auto& rel = std::get<RelativeDate>(as_condition(children[0]).values.at(0));
    EXPECT_EQ(rel.anchor, RelativeDate::Anchor::Today);
    EXPECT_EQ(rel.amount, -30);
    EXPECT_EQ(rel.unit, RelativeDate::Unit::Day);
    const auto& month = std::get<RelativeDate>(as_condition(children[1]).values.at(0));
    EXPECT_EQ(month.anchor, RelativeDate::Anchor::StartOfMonth);
    EXPECT_EQ(month.amount, -1);
    EXPECT_EQ(month.unit, RelativeDate::Unit::Month);

    auto bad = parse(R"({"and": [{"field": "birthday", "op": "gte", "value": {"relative": "30d"}},
                                 {"field": "birthday", "op": "gte", "value": "-30d"},
                                 {"field": "birthday", "op": "gte", "value": {"relative": "-30d", "tz": "CET"}},
                                 {"field": "birthday", "op": "gte", "value": {"relative": 30}},
                                 {"field": "birthday", "op": "gte", "value": {"relativ": "-3d"}},
                                 {"field": "created_at", "op": "gte", "value": {"relative": "-100001d"}},
                                 {"field": "score", "op": "gte", "value": {"relative": "-1d"}}]})");
    ASSERT_FALSE(bad);
    const auto& e = bad.error();
    EXPECT_NE(message_at(e, "/and/0/value/relative").find("not a relative date: '30d'"), std::string::npos);
    EXPECT_EQ(message_at(e, "/and/1/value"), "write relative dates as an object: {\"relative\": \"-30d\"}");
    EXPECT_NE(message_at(e, "/and/2/value/tz").find("unknown key 'tz'"), std::string::npos);
    EXPECT_NE(message_at(e, "/and/3/value/relative").find("expected a relative date"), std::string::npos);
    EXPECT_NE(message_at(e, "/and/4/value/relativ").find("unknown key"), std::string::npos);
    EXPECT_NE(message_at(e, "/and/5/value/relative").find("not a relative date"), std::string::npos);
    EXPECT_EQ(message_at(e, "/and/6/value"), "expected a number");
    EXPECT_EQ(e.fields.size(), 8u) << all_pointers(e);  // /and/4 also lacks "relative"
}

json nest(int levels) {
    json node = {{"field", "city"}, {"op", "eq"}, {"value", "x"}};
    for (int i = 1; i < levels; ++i) node = {{"and", json::array({node})}};
    return node;
}

TEST(FilterParse, DepthLimit) {
    EXPECT_TRUE(parse_filter(nest(kMaxDepth), catalog()));
    auto deep = parse_filter(nest(kMaxDepth + 1), catalog());
    ASSERT_FALSE(deep);
    ASSERT_EQ(deep.error().fields.size(), 1u) << all_pointers(deep.error());
    EXPECT_EQ(deep.error().fields[0].pointer, "/and/0/and/0/and/0/and/0/and/0/and/0/and/0/and/0");
    EXPECT_EQ(deep.error().fields[0].message, "filters nest at most 8 levels deep");

    json negated = {{"field", "city"}, {"op", "eq"}, {"value", "x"}};
    for (int i = 0; i < kMaxDepth; ++i) negated = {{"not", negated}};
    auto r = parse_filter(negated, catalog());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields.at(0).pointer, "/not/not/not/not/not/not/not/not");
}

TEST(FilterParse, ConditionAndListLimits) {
    json many = {{"or", json::array()}};
    for (int i = 0; i < kMaxConditions; ++i) many["or"].push_back({{"field", "score"}, {"op", "eq"}, {"value", i}});
    EXPECT_TRUE(parse_filter(many, catalog()));
    many["or"].push_back({{"field", "score"}, {"op", "eq"}, {"value", 1}});
    auto r = parse_filter(many, catalog());
    ASSERT_FALSE(r);
    EXPECT_EQ(message_at(r.error(), ""), "a filter has at most 100 conditions; this one has 101");

    json list = json::array();
    for (std::size_t i = 0; i < kMaxListValues; ++i) list.push_back("v" + std::to_string(i));
    EXPECT_TRUE(parse_filter({{"field", "city"}, {"op", "in"}, {"value", list}}, catalog()));
    list.push_back("one too many");
    auto too_long = parse_filter({{"field", "city"}, {"op", "in"}, {"value", list}}, catalog());
    ASSERT_FALSE(too_long);
    EXPECT_EQ(message_at(too_long.error(), "/value"), "'in' needs between 1 and 1000 values; this list has 1001");
    auto empty = parse_filter({{"field", "city"}, {"op", "in"}, {"value", json::array()}}, catalog());
    ASSERT_FALSE(empty);
    EXPECT_NE(message_at(empty.error(), "/value").find("this list has 0"), std::string::npos);

    // Many long lists together would exceed the engines' parameter limits.
    list.erase(list.end() - 1);
    json wide = {{"or", json::array()}};
    for (int i = 0; i < 11; ++i) wide["or"].push_back({{"field", "city"}, {"op", "in"}, {"value", list}});
    auto total = parse_filter(wide, catalog());
    ASSERT_FALSE(total);
    EXPECT_EQ(message_at(total.error(), ""), "a filter holds at most 10000 values in all; this one has 11000");
}

TEST(FilterParse, NodeShapes) {
    auto r = parse(R"({"and": [
        [1, 2],
        {"and": {"field": "city"}},
        {"and": [], "or": []},
        {"field": "city", "op": "eq", "value": "x", "label": "mine"},
        {"filter": 1},
        {"not": [{"field": "city", "op": "is_empty"}]},
        {"not": {"field": "city", "op": "is_empty"}, "why": "x"},
        {},
        null
    ]})");
    ASSERT_FALSE(r);
    const auto& e = r.error();
    EXPECT_NE(message_at(e, "/and/0").find("expected a filter object"), std::string::npos);
    EXPECT_EQ(message_at(e, "/and/1/and"), "expected an array of filter objects");
    EXPECT_NE(message_at(e, "/and/2").find("exactly one of"), std::string::npos);
    EXPECT_NE(message_at(e, "/and/3/label").find("unknown key 'label'"), std::string::npos);
    EXPECT_NE(message_at(e, "/and/4/filter").find("unknown key 'filter'"), std::string::npos);
    EXPECT_EQ(message_at(e, "/and/5/not"), "expected one filter object to negate");
    EXPECT_EQ(message_at(e, "/and/6/why"), "unexpected key 'why' next to 'not'");
    EXPECT_EQ(message_at(e, "/and/7"), "") << "{} is allowed anywhere";
    EXPECT_NE(message_at(e, "/and/8").find("expected a filter object"), std::string::npos);
    EXPECT_EQ(e.fields.size(), 8u) << all_pointers(e);

    auto not_object = parse("[]");
    ASSERT_FALSE(not_object);
    EXPECT_NE(message_at(not_object.error(), "").find("expected a filter object"), std::string::npos);
}

TEST(FilterParse, PointerPrefixAndEscaping) {
    auto r = parse_filter(json::parse(R"({"and": [{"field": "city", "op": "eq", "value": "x", "a/b~c": 1}]})"),
                          catalog(), "/segment/filter");
    ASSERT_FALSE(r);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].pointer, "/segment/filter/and/0/a~1b~0c");
    EXPECT_EQ(r.error().detail, "invalid filter: " + r.error().fields[0].message);
}

TEST(FilterParse, ReferencesAcceptIntegersAndDecimalStrings) {
    auto r = parse(R"({"field": "buyer_company_id", "op": "in", "value": [7, "9007199254740993"]})");
    ASSERT_TRUE(r) << all_pointers(r.error());
    const auto& c = as_condition(*r);
    EXPECT_EQ(std::get<Id>(c.values.at(0)), 7);
    EXPECT_EQ(std::get<Id>(c.values.at(1)), 9007199254740993LL);
    for (const char* bad : {R"("0")", "-3", "1.5", R"("")"}) {
        auto e = parse(std::string(R"({"field": "buyer_company_id", "op": "eq", "value": )") + bad + "}");
        EXPECT_FALSE(e) << bad;
    }
}

TEST(FilterParse, ManyProblemsAreCapped) {
    json list = json::array();
    for (int i = 0; i < 500; ++i) list.push_back(i);
    auto r = parse_filter({{"field", "city"}, {"op", "in"}, {"value", list}}, catalog());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields.size(), 100u);
    EXPECT_EQ(r.error().detail, "invalid filter: 100+ problems");
}

}  // namespace
}  // namespace rapport::domain::filters
