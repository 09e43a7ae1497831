// filter_condition on every engine: for a battery of filters over ~50 varied rows (nulls,
// empty strings, mixed case, accents, % _ and \ in text, ill-typed custom values), the rows
// SQL selects are exactly the rows domain::filters::matches accepts.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/filters/evaluate.hpp"
#include "domain/filters/parse.hpp"
#include "storage/backend.hpp"
#include "storage/filter_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage::testing {
namespace {

namespace f = domain::filters;
using nlohmann::json;

UnixMillis at(const char* iso) {
    return f::parse_iso_instant(iso).value().ms;
}

const UnixMillis kNow = at("2026-11-23T15:00:00Z");  // a Monday
constexpr std::int64_t kWorkspace = 1;
constexpr std::int64_t kOtherWorkspace = 2;

struct Person {
    std::int64_t id = 0;
    std::optional<std::string> city;
    std::optional<std::string> last_name;
    std::optional<std::string> tier;
    std::optional<double> score;
    std::optional<std::string> birthday;
    std::optional<std::int64_t> created_at;
    std::optional<bool> vip;
    std::optional<std::int64_t> buyer_id;
    std::optional<std::string> custom;  // JSON text
    std::vector<std::string> tags;
    std::optional<std::string> country = std::nullopt;  // stored upper case, as the product normalises codes
};

f::FieldCatalog catalog() {
    return f::FieldCatalog({
        {"city", f::FieldType::Text, {}},
        {"country", f::FieldType::Text, {}},
        {"last_name", f::FieldType::Text, {}},
        {"tier", f::FieldType::Enum, {"gold", "silver", "bronze"}},
        {"score", f::FieldType::Number, {}},
        {"birthday", f::FieldType::Date, {}},
        {"created_at", f::FieldType::DateTime, {}},
        {"vip", f::FieldType::Bool, {}},
        {"buyer_id", f::FieldType::Reference, {}},
        {"tags", f::FieldType::Tags, {}},
        {"custom.segment", f::FieldType::Text, {}},
        {"custom.employees", f::FieldType::Number, {}},
        {"custom.revenue", f::FieldType::Money, {}},
        {"custom.signed_on", f::FieldType::Date, {}},
        {"custom.interests", f::FieldType::Tags, {}},
        {"custom.partner", f::FieldType::Bool, {}},
        {"custom.partner_id", f::FieldType::Reference, {}},
        {"custom.last_contact", f::FieldType::DateTime, {}},
        {"custom.size", f::FieldType::Enum, {"small", "large"}},
    });
}

// The tags as the tag_list column holds them: "" or each tag in ASCII lower case between
// U+001F separators.
std::string tag_list_of(const std::vector<std::string>& tags) {
    if (tags.empty()) return {};
    std::string out(1, '\x1f');
    for (const auto& t : tags) {
        for (const char ch : t) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        out += '\x1f';
    }
    return out;
}

// The tag field as a tag table (EXISTS per row) or as the row's tag_list column.
enum class TagsFrom { Table, ListColumn };

SqlFieldMap field_map(TagsFrom tags_from = TagsFrom::Table) {
    SqlFieldMap map({
        SqlField::column("city", "p.city"),
        SqlField::column("country", "p.country", SqlField::StoredCase::Upper),
        SqlField::column("last_name", "p.last_name"),
        SqlField::column("tier", "p.tier"),
        SqlField::column("score", "p.score"),
        SqlField::column("birthday", "p.birthday"),
        SqlField::column("created_at", "p.created_at"),
        SqlField::column("vip", "p.vip"),
        SqlField::column("buyer_id", "p.buyer_id"),
        SqlField::tag_set("tags", "filter_tags", "person", "p.workspace_id", "p.id",
                          tags_from == TagsFrom::ListColumn ? "p.tag_list" : ""),
    });
    for (const char* key : {"segment", "employees", "revenue", "signed_on", "interests", "partner", "partner_id",
                            "last_contact", "size"}) {
        map.add(SqlField::custom_json(std::string("custom.") + key, "p.custom", key));
    }
    return map;
}

// The in-memory view of a custom JSON value, typed as the JSON says: the evaluator then
// treats a value of the wrong type as no value, as the SQL does. Numbers become doubles
// because custom references are decimal strings, never JSON numbers.
f::FieldValue from_json(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>();
    if (v.is_number()) return v.get<double>();
    if (v.is_array()) {
        f::TagSet tags;
        for (const auto& item : v) {
            if (item.is_string()) tags.push_back(item.get<std::string>());
        }
        return tags;
    }
    return {};
}

f::MapRecord record_of(const Person& p) {
    f::MapRecord r;
    if (p.city) r.set("city", *p.city);
    if (p.country) r.set("country", *p.country);
    if (p.last_name) r.set("last_name", *p.last_name);
    if (p.tier) r.set("tier", *p.tier);
    if (p.score) r.set("score", *p.score);
    if (p.birthday) r.set("birthday", *p.birthday);
    if (p.created_at) r.set("created_at", *p.created_at);
    if (p.vip) r.set("vip", *p.vip);
    if (p.buyer_id) r.set("buyer_id", *p.buyer_id);
    r.set("tags", f::TagSet(p.tags));
    if (p.custom) {
        const json custom = json::parse(*p.custom);
        if (custom.is_object()) {
            for (const auto& item : custom.items()) r.set("custom." + item.key(), from_json(item.value()));
        }
    }
    return r;
}

std::vector<Person> people() {
    std::vector<Person> out;
    auto add = [&out](Person p) {
        p.id = static_cast<std::int64_t>(out.size()) + 1;
        out.push_back(std::move(p));
    };
    // Hand-written edge cases.
    add({0,
         "Milano",
         "Rossi",
         "gold",
         42.5,
         "1985-04-12",
         at("2026-11-23T00:00:00Z"),
         true,
         1001,
         R"({"segment": "Retail", "employees": 12, "revenue": 1500.5, "signed_on": "2025-06-01",
             "interests": ["wine", "Golf"], "partner": true, "partner_id": "1001",
             "last_contact": 1795300000000, "size": "small"})",
         {"VIP", "newsletter"}});
    add({0,
         "MILANO",
         "Bianchi",
         "silver",
         10,
         "1990-01-01",
         at("2026-11-22T23:59:59.999Z"),
         false,
         1002,
         R"({"segment": "retail", "employees": 250, "interests": ["golf"], "partner": false, "size": "large"})",
         {"lead"}});
    add({0,
         "milano ",
         "Verdi",
         "bronze",
         0,
         "1979-12-31",
         at("2026-11-20T12:00:00Z"),
         true,
         std::nullopt,
         R"({"segment": "Wholesale", "employees": 10.5})",
         {"Lead", "vip"}});
    add({0,
         "Forlì",
         "D'Angelo",
         "gold",
         -5,
         "2000-02-29",
         at("2026-11-01T00:00:00Z"),
         false,
         1001,
         R"({"segment": "RETAIL", "signed_on": "2024-12-31", "interests": ["Wine"]})",
         {"newsletter"}});
    add({0,
         "FORLÌ",
         "O'Brien",
         std::nullopt,
         100,
         "1996-11-23",
         at("2026-10-24T00:00:00Z"),
         std::nullopt,
         1003,
         R"({"segment": "Retail ", "partner_id": "1002"})",
         {}});
    add({0,
         "São Paulo",
         "Percent 100%",
         "silver",
         50,
         "1996-11-22",
         at("2026-10-23T23:59:59Z"),
         true,
         1002,
         R"({"employees": 50, "revenue": 99.99})",
         {"50%off"}});
    add({0,
         "Roma",
         "Under_Score",
         "gold",
         50.0001,
         "2010-06-15",
         at("2026-09-30T10:00:00Z"),
         false,
         std::nullopt,
         R"({"segment": "100% organic", "interests": ["wine", "travel", "golf"]})",
         {"VIP", "Newsletter", "lead"}});
    add({0,
         "Roma",
         "Back\\Slash",
         "bronze",
         49.9999,
         "1950-01-01",
         at("2025-11-23T15:00:00Z"),
         true,
         1001,
         R"({"segment": "under_score", "size": "SMALL"})",
         {"a_b"}});
    add({0,
         std::nullopt,
         "Null City",
         "gold",
         75,
         std::nullopt,
         at("2026-11-16T00:00:00Z"),
         false,
         1002,
         R"({"segment": "back\\slash"})",
         {"vip"}});
    add({0,
         "",
         "Empty City",
         "silver",
         std::nullopt,
         "",
         at("2026-11-15T23:59:59.999Z"),
         true,
         std::nullopt,
         R"({"segment": ""})",
         {}});
    add({0,
         "Sassari",
         "underscore",
         "bronze",
         20,
         "1988-07-07",
         at("2026-11-23T14:59:59Z"),
         false,
         1004,
         "{}",
         {"newsletter", "a-b"}});
    add({0, "Salerno", "percent", "", 30, "1975-03-03", at("2026-11-23T15:00:01Z"), true, 1001, "[]", {"lead"}});
    add({0,
         std::nullopt,
         std::nullopt,
         std::nullopt,
         std::nullopt,
         std::nullopt,
         std::nullopt,
         std::nullopt,
         std::nullopt,
         std::nullopt,
         {}});
    add({0,
         "Torino",
         "Ferrari",
         "gold",
         1e6,
         "2026-11-23",
         at("2026-11-24T00:00:00Z"),
         true,
         1003,
         R"({"segment": 5, "employees": "many", "signed_on": 20250601, "interests": "wine", "partner": "true",
             "partner_id": 1001, "last_contact": "yesterday", "size": 1, "revenue": null})",
         {"VIP"}});
    add({0,
         "torino",
         "ferrari",
         "silver",
         -0.5,
         "2026-12-01",
         at("1969-12-31T23:59:59Z"),
         false,
         1005,
         R"({"segment": null, "interests": [1, "Wine", null, "WINE"], "employees": 0, "partner": true,
             "last_contact": 1795392000000})",
         {"newsletter", "NEWSLETTER2"}});
    add({0,
         "Bari",
         "Lo Russo",
         "bronze",
         12,
         "1985-04-13",
         at("2026-11-10T08:00:00Z"),
         std::nullopt,
         1002,
         R"({"segment": "", "interests": [], "signed_on": "", "partner_id": ""})",
         {"lead", "vip", "newsletter"}});
    add({0,
         "Napoli",
         "Esposito",
         "gold",
         88,
         "1992-02-02",
         at("2026-11-21T00:00:00Z"),
         true,
         1001,
         R"({"nested": {"segment": "Retail"}, "employees": 1e3})",
         {"vip"}});
    add({0,
         "Bologna",
         "Bo%_\\",
         "silver",
         66,
         "1999-09-09",
         at("2026-11-02T00:00:00Z"),
         false,
         std::nullopt,
         R"({"segment": "Retail", "revenue": 0})",
         {}});

    // Generated rows: cycle through pools (nulls included) so combinations vary.
    const std::vector<std::optional<std::string>> cities = {"Milano", "roma",   std::nullopt, "Firenze",
                                                            "Genova", "MILANO", "Venezia",    ""};
    const std::vector<std::optional<std::string>> countries = {"IT", "ES", std::nullopt, "PT", "A_"};
    const std::vector<std::string> names = {"Conti", "Greco", "Bruno", "Galli", "Costa", "Fontana", "Rizzo"};
    const std::vector<std::optional<std::string>> tiers = {"gold", "silver", "bronze", std::nullopt};
    const std::vector<std::string> segments = {"Retail", "wholesale", "Public", "retail"};
    const std::vector<std::vector<std::string>> tag_sets = {{}, {"vip"}, {"lead", "newsletter"}, {"VIP", "lead"}};
    std::uint64_t seed = 12345;
    auto next = [&seed](std::uint64_t bound) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>((seed >> 33) % bound);
    };
    for (int i = 0; i < 32; ++i) {
        Person p;
        p.city = cities[next(cities.size())];
        p.last_name = names[next(names.size())];
        p.tier = tiers[next(tiers.size())];
        if (next(5) != 0) p.score = static_cast<double>(next(1000)) / 10.0;
        if (next(4) != 0) {
            p.birthday = f::format_iso_date(f::CalendarDate{static_cast<std::int32_t>(next(20000))});
        }
        if (next(6) != 0) p.created_at = kNow - static_cast<UnixMillis>(next(60 * 24)) * 3'600'000;
        if (next(3) != 0) p.vip = next(2) == 1;
        if (next(2) != 0) p.buyer_id = 1001 + static_cast<std::int64_t>(next(4));
        if (next(5) != 0) {
            json c = json::object();
            if (next(3) != 0) c["segment"] = segments[next(segments.size())];
            if (next(3) != 0) c["employees"] = next(500);
            if (next(2) != 0) c["interests"] = next(2) ? json::array({"wine"}) : json::array({"golf", "Travel"});
            if (next(3) == 0) c["partner"] = next(2) == 1;
            if (next(3) == 0) c["last_contact"] = kNow - static_cast<UnixMillis>(next(30)) * f::kMillisPerDay;
            p.custom = c.dump();
        }
        p.tags = tag_sets[next(tag_sets.size())];
        p.country = countries[static_cast<std::size_t>(i) % countries.size()];
        add(std::move(p));
    }
    return out;
}

struct Case {
    const char* filter;
    bool discriminating = true;  // selects some rows but not all (proves the data exercises it)
};

const std::vector<Case>& battery() {
    static const std::vector<Case> cases = {
        {"{}", false},
        {R"({"or": []})", false},
        // text
        {R"({"field": "city", "op": "eq", "value": "milano"})"},
        {R"({"field": "city", "op": "neq", "value": "Milano"})"},
        {R"({"field": "city", "op": "in", "value": ["milano", "ROMA", "torino"]})"},
        {R"({"field": "city", "op": "not_in", "value": ["milano", "roma"]})"},
        {R"({"field": "city", "op": "contains", "value": "AN"})"},
        {R"({"field": "city", "op": "not_contains", "value": "an"})"},
        {R"({"field": "city", "op": "starts_with", "value": "s"})"},
        {R"({"field": "city", "op": "eq", "value": "forlì"})"},
        {R"({"field": "city", "op": "contains", "value": "ì"})"},
        {R"({"field": "city", "op": "is_empty"})"},
        {R"({"field": "city", "op": "is_not_empty"})"},
        {R"({"field": "last_name", "op": "contains", "value": "%"})"},
        {R"({"field": "last_name", "op": "contains", "value": "_"})"},
        {R"({"field": "last_name", "op": "contains", "value": "\\"})"},
        {R"({"field": "last_name", "op": "starts_with", "value": "o'"})"},
        {R"({"field": "last_name", "op": "not_contains", "value": "%_"})"},
        {R"({"field": "last_name", "op": "eq", "value": "bo%_\\"})"},
        // choice
        {R"({"field": "tier", "op": "eq", "value": "Gold"})"},
        {R"({"field": "tier", "op": "not_in", "value": ["gold", "silver"]})"},
        {R"({"field": "tier", "op": "is_empty"})"},
        // numbers
        {R"({"field": "score", "op": "gt", "value": 50})"},
        {R"({"field": "score", "op": "gte", "value": 50})"},
        {R"({"field": "score", "op": "lt", "value": 0})"},
        {R"({"field": "score", "op": "lte", "value": 10})"},
        {R"({"field": "score", "op": "between", "value": [10, 50]})"},
        {R"({"field": "score", "op": "eq", "value": 42.5})"},
        {R"({"field": "score", "op": "neq", "value": 42.5})"},
        {R"({"field": "score", "op": "in", "value": [0, 50, 75, 1000000]})"},
        {R"({"field": "score", "op": "is_empty"})"},
        // dates (ISO text)
        {R"({"field": "birthday", "op": "lt", "value": "1990-01-01"})"},
        {R"({"field": "birthday", "op": "between", "value": ["1980-01-01", "1989-12-31"]})"},
        {R"({"field": "birthday", "op": "eq", "value": "2000-02-29"})"},
        {R"({"field": "birthday", "op": "gte", "value": {"relative": "-30y"}})"},
        {R"({"field": "birthday", "op": "gt", "value": {"relative": "today"}})"},
        {R"({"field": "birthday", "op": "neq", "value": "1985-04-12"})"},
        {R"({"field": "birthday", "op": "is_empty"})"},
        // date-times (Unix ms)
        {R"({"field": "created_at", "op": "gte", "value": {"relative": "-30d"}})"},
        {R"({"field": "created_at", "op": "eq", "value": {"relative": "today"}})"},
        {R"({"field": "created_at", "op": "eq", "value": "2026-11-22"})"},
        {R"({"field": "created_at", "op": "neq", "value": "2026-11-22"})"},
        {R"({"field": "created_at", "op": "lt", "value": "2026-11-01"})"},
        {R"({"field": "created_at", "op": "lte", "value": "2026-11-20"})"},
        {R"({"field": "created_at", "op": "gt", "value": "2026-11-20"})"},
        {R"({"field": "created_at", "op": "between", "value": ["2026-11-01", "2026-11-15"]})"},
        {R"({"field": "created_at", "op": "gte", "value": "2026-11-23T15:00:00Z"})"},
        {R"({"field": "created_at", "op": "between", "value": ["2026-11-22", "2026-11-23T01:00:00+01:00"]})"},
        {R"({"field": "created_at", "op": "gte", "value": {"relative": "start_of_month"}})"},
        {R"({"field": "created_at", "op": "lt", "value": {"relative": "start_of_week"}})"},
        {R"({"field": "created_at", "op": "between",
             "value": [{"relative": "start_of_month-1m"}, {"relative": "start_of_month-1d"}]})"},
        {R"({"field": "created_at", "op": "is_empty"})"},
        // booleans and references
        {R"({"field": "vip", "op": "eq", "value": true})"},
        {R"({"field": "vip", "op": "neq", "value": true})"},
        {R"({"field": "vip", "op": "is_empty"})"},
        {R"({"field": "buyer_id", "op": "eq", "value": "1001"})"},
        {R"({"field": "buyer_id", "op": "in", "value": ["1002", 1003]})"},
        {R"({"field": "buyer_id", "op": "not_in", "value": ["1001", "1002"]})"},
        // tags (tag table)
        {R"({"field": "tags", "op": "has_tag", "value": "vip"})"},
        {R"({"field": "tags", "op": "has_any_tag", "value": ["NEWSLETTER", "lead"]})"},
        {R"({"field": "tags", "op": "has_all_tags", "value": ["vip", "lead"]})"},
        {R"({"field": "tags", "op": "has_tag", "value": "a_b"})"},
        {R"({"field": "tags", "op": "is_empty"})"},
        {R"({"field": "tags", "op": "is_not_empty"})"},
        // a column stored in upper case: equality on the bare column, patterns as for any text
        {R"({"field": "country", "op": "eq", "value": "it"})"},
        {R"({"field": "country", "op": "neq", "value": "It"})"},
        {R"({"field": "country", "op": "in", "value": ["es", "PT"]})"},
        {R"({"field": "country", "op": "not_in", "value": ["iT"]})"},
        {R"({"field": "country", "op": "contains", "value": "_"})"},
        {R"({"field": "country", "op": "starts_with", "value": "p"})"},
        // parts of a tag are not the tag (the list column must match whole tags)
        {R"({"field": "tags", "op": "has_tag", "value": "lea"})", false},
        {R"({"field": "tags", "op": "has_any_tag", "value": ["ead", "ip"]})", false},
        // custom fields (JSON)
        {R"({"field": "custom.segment", "op": "eq", "value": "retail"})"},
        {R"({"field": "custom.segment", "op": "neq", "value": "retail"})"},
        {R"({"field": "custom.segment", "op": "contains", "value": "%"})"},
        {R"({"field": "custom.segment", "op": "contains", "value": "_"})"},
        {R"({"field": "custom.segment", "op": "is_empty"})"},
        {R"({"field": "custom.employees", "op": "gt", "value": 10})"},
        {R"({"field": "custom.employees", "op": "between", "value": [0, 50]})"},
        {R"({"field": "custom.employees", "op": "is_empty"})"},
        {R"({"field": "custom.revenue", "op": "gte", "value": 99.99})"},
        {R"({"field": "custom.signed_on", "op": "gte", "value": "2025-01-01"})"},
        {R"({"field": "custom.signed_on", "op": "is_not_empty"})"},
        {R"({"field": "custom.interests", "op": "has_tag", "value": "golf"})"},
        {R"({"field": "custom.interests", "op": "has_all_tags", "value": ["wine", "GOLF"]})"},
        {R"({"field": "custom.interests", "op": "has_any_tag", "value": ["travel", "wine"]})"},
        {R"({"field": "custom.interests", "op": "is_empty"})"},
        {R"({"field": "custom.partner", "op": "eq", "value": true})"},
        {R"({"field": "custom.partner", "op": "neq", "value": true})"},
        {R"({"field": "custom.partner_id", "op": "eq", "value": "1001"})"},
        {R"({"field": "custom.partner_id", "op": "is_empty"})"},
        {R"({"field": "custom.last_contact", "op": "gte", "value": {"relative": "-7d"}})"},
        {R"({"field": "custom.last_contact", "op": "eq", "value": "2026-11-21"})"},
        {R"({"field": "custom.size", "op": "eq", "value": "small"})"},
        {R"({"field": "custom.size", "op": "is_empty"})"},
        // structure
        {R"({"not": {"field": "city", "op": "eq", "value": "milano"}})"},
        {R"({"not": {"field": "score", "op": "gt", "value": 50}})"},
        {R"({"not": {"field": "tags", "op": "has_tag", "value": "vip"}})"},
        {R"({"and": [{"field": "city", "op": "in", "value": ["milano", "roma"]},
                     {"field": "score", "op": "gte", "value": 20},
                     {"not": {"field": "tier", "op": "eq", "value": "bronze"}}]})"},
        {R"({"or": [{"and": [{"field": "vip", "op": "eq", "value": true},
                             {"field": "tags", "op": "has_any_tag", "value": ["lead"]}]},
                    {"not": {"or": [{"field": "created_at", "op": "gte", "value": {"relative": "-7d"}},
                                    {"field": "custom.segment", "op": "starts_with", "value": "ret"}]}}]})"},
        {R"({"and": [{"or": [{"and": [{"or": [{"and": [{"or": [{"not":
             {"field": "city", "op": "is_empty"}}]}]}]}]}]},
             {"field": "birthday", "op": "is_not_empty"}]})"},
        {R"({"and": [{}, {"field": "vip", "op": "eq", "value": false}]})"},
    };
    return cases;
}

class FilterSqlTest : public BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (HasFatalFailure()) return;
        rows_ = people();
        auto st = write_transaction(db(), [this](Connection& c) -> Status {
            RAPPORT_CHECK(c.execute_script(
                "CREATE TABLE filter_people (workspace_id BIGINT NOT NULL, id BIGINT NOT NULL, city TEXT, country "
                "TEXT, "
                "last_name TEXT, tier TEXT, score DOUBLE PRECISION, birthday TEXT, created_at BIGINT, vip BOOLEAN, "
                "buyer_id BIGINT, custom TEXT, tag_list TEXT NOT NULL DEFAULT '', PRIMARY KEY (workspace_id, id));"
                "CREATE TABLE filter_tags (workspace_id BIGINT NOT NULL, entity_type TEXT NOT NULL, "
                "entity_id BIGINT NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (workspace_id, entity_type, entity_id, "
                "tag))"));
            const char* insert =
                "INSERT INTO filter_people (workspace_id, id, city, last_name, tier, score, birthday, created_at, vip, "
                "buyer_id, custom, tag_list, country) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
            const char* insert_tag =
                "INSERT INTO filter_tags (workspace_id, entity_type, entity_id, tag) VALUES ($1, $2, $3, $4)";
            for (const auto& p : rows_) {
                RAPPORT_CHECK(c.execute(insert, {kWorkspace, p.id, opt(p.city), opt(p.last_name), opt(p.tier),
                                                 opt(p.score), opt(p.birthday), opt(p.created_at), opt(p.vip),
                                                 opt(p.buyer_id), opt(p.custom), tag_list_of(p.tags), opt(p.country)}));
                for (const auto& tag : p.tags) {
                    RAPPORT_CHECK(c.execute(insert_tag, {kWorkspace, std::string("person"), p.id, tag}));
                }
            }
            // Decoys: the same ids in another workspace, and tags of another entity type, must
            // never leak into workspace 1's results.
            for (std::int64_t id = 1; id <= static_cast<std::int64_t>(rows_.size()); ++id) {
                RAPPORT_CHECK(c.execute(insert, {kOtherWorkspace, id, std::string("Milano"), std::string("Decoy"),
                                                 std::string("gold"), 60.0, std::string("1985-04-12"), kNow, true,
                                                 std::int64_t{1001}, std::string(R"({"segment": "Retail"})"),
                                                 tag_list_of({"decoy", "vip"}), std::string("IT")}));
                RAPPORT_CHECK(
                    c.execute(insert_tag, {kOtherWorkspace, std::string("person"), id, std::string("decoy")}));
                RAPPORT_CHECK(c.execute(insert_tag, {kWorkspace, std::string("company"), id, std::string("decoy")}));
            }
            return {};
        });
        ASSERT_TRUE(st) << st.error().detail;
    }

    std::set<std::int64_t> expected(const f::FilterNode& filter, UnixMillis now) const {
        std::set<std::int64_t> out;
        for (const auto& p : rows_) {
            if (f::matches(filter, record_of(p), now)) out.insert(p.id);
        }
        return out;
    }

    Result<std::set<std::int64_t>> selected(const f::FilterNode& filter, UnixMillis now, std::string* sql_out = nullptr,
                                            TagsFrom tags_from = TagsFrom::Table) {
        Params params{kWorkspace};
        auto condition = RAPPORT_TRY(filter_condition(filter, field_map(tags_from), db().dialect(), now, params));
        const std::string sql =
            "SELECT p.id FROM filter_people p WHERE p.workspace_id = $1 AND " + condition + " ORDER BY p.id";
        if (sql_out) *sql_out = sql;
        auto rs = RAPPORT_TRY(read(db(), [&](Connection& c) { return c.query(sql, params); }));
        std::set<std::int64_t> out;
        for (const auto& row : rs.rows) out.insert(as_int(row[0]));
        return out;
    }

    std::vector<Person> rows_;
};

std::string show(const std::set<std::int64_t>& ids) {
    std::string out = "{";
    for (auto id : ids) out += (out.size() > 1 ? ", " : "") + std::to_string(id);
    return out + "}";
}

TEST_P(FilterSqlTest, SqlSelectsExactlyWhatMatchesAccepts) {
    const auto fields = catalog();
    for (const TagsFrom tags_from : {TagsFrom::Table, TagsFrom::ListColumn}) {
        SCOPED_TRACE(tags_from == TagsFrom::Table ? "tags from the tag table" : "tags from the tag_list column");
        int discriminating = 0;
        for (const auto& c : battery()) {
            SCOPED_TRACE(c.filter);
            auto parsed = f::parse_filter(json::parse(c.filter), fields);
            ASSERT_TRUE(parsed) << parsed.error().detail;
            const auto want = expected(*parsed, kNow);
            std::string sql;
            auto got = selected(*parsed, kNow, &sql, tags_from);
            ASSERT_TRUE(got) << got.error().detail << "\n" << sql;
            EXPECT_EQ(show(*got), show(want)) << sql;
            if (c.discriminating) {
                EXPECT_GT(want.size(), 0u) << "the data never satisfies this filter";
                EXPECT_LT(want.size(), rows_.size()) << "every row satisfies this filter";
                ++discriminating;
            }
        }
        EXPECT_GE(discriminating, 30);
    }
}

TEST_P(FilterSqlTest, RelativeDatesResolveWhenTheSqlIsBuilt) {
    auto parsed = f::parse_filter(json::parse(R"({"field": "created_at", "op": "gte", "value": {"relative": "-1d"}})"),
                                  catalog());
    ASSERT_TRUE(parsed);
    for (UnixMillis now : {kNow, kNow + f::kMillisPerDay, kNow - 20 * f::kMillisPerDay}) {
        auto got = selected(*parsed, now);
        ASSERT_TRUE(got) << got.error().detail;
        EXPECT_EQ(show(*got), show(expected(*parsed, now)));
    }
    EXPECT_NE(show(*selected(*parsed, kNow)), show(*selected(*parsed, kNow + f::kMillisPerDay)));
}

TEST_P(FilterSqlTest, ValuesAreBoundNeverInterpolated) {
    const std::string hostile = "x'); DROP TABLE filter_people; --";
    auto condition = [](const char* field, const char* op, json value) {
        return json{{"field", field}, {"op", op}, {"value", std::move(value)}};
    };
    const json doc = {{"or", json::array({condition("city", "eq", hostile), condition("city", "contains", "$1"),
                                          condition("tags", "has_tag", hostile),
                                          condition("custom.segment", "in", json::array({hostile, "' OR 1=1 --"}))})}};
    auto parsed = f::parse_filter(doc, catalog());
    ASSERT_TRUE(parsed);
    Params params{std::string("caller's own"), std::int64_t{7}};
    auto sql = filter_condition(*parsed, field_map(), db().dialect(), kNow, params);
    ASSERT_TRUE(sql) << sql.error().detail;
    EXPECT_EQ(sql->find("DROP"), std::string::npos) << *sql;
    EXPECT_EQ(sql->find("OR 1=1"), std::string::npos) << *sql;
    EXPECT_EQ(sql->find("$1"), std::string::npos) << "numbering continues after the caller's parameters: " << *sql;
    EXPECT_EQ(sql->find("$2"), std::string::npos) << *sql;
    EXPECT_NE(sql->find("$3"), std::string::npos) << *sql;
    EXPECT_EQ(as_text(params[0]), "caller's own");
    EXPECT_NE(sql->find("$" + std::to_string(params.size())), std::string::npos) << *sql;

    auto got = selected(*parsed, kNow);
    ASSERT_TRUE(got) << got.error().detail;
    EXPECT_TRUE(got->empty());
    auto still_there = read(db(), [](Connection& c) { return c.query("SELECT COUNT(*) FROM filter_people"); });
    ASSERT_TRUE(still_there) << still_there.error().detail;
    EXPECT_EQ(as_int(still_there->rows[0][0]), 2 * static_cast<std::int64_t>(rows_.size()));
}

TEST_P(FilterSqlTest, MappingMistakesAreInternalErrorsAndLeaveParamsAlone) {
    auto parsed = f::parse_filter(json::parse(R"({"and": [{"field": "city", "op": "eq", "value": "x"},
                                                          {"field": "custom.segment", "op": "eq", "value": "y"}]})"),
                                  catalog());
    ASSERT_TRUE(parsed);
    Params params{std::int64_t{1}};

    SqlFieldMap missing({SqlField::column("city", "p.city")});
    auto no_mapping = filter_condition(*parsed, missing, db().dialect(), kNow, params);
    ASSERT_FALSE(no_mapping);
    EXPECT_EQ(no_mapping.error().code, ErrorCode::Internal);
    EXPECT_NE(no_mapping.error().detail.find("custom.segment"), std::string::npos);
    EXPECT_EQ(params.size(), 1u);

    SqlFieldMap bad_key(
        {SqlField::column("city", "p.city"), SqlField::custom_json("custom.segment", "p.custom", "a'b")});
    auto quote = filter_condition(*parsed, bad_key, db().dialect(), kNow, params);
    ASSERT_FALSE(quote);
    EXPECT_EQ(quote.error().code, ErrorCode::Internal);
    EXPECT_EQ(params.size(), 1u);

    SqlFieldMap numbered(
        {SqlField::column("city", "p.city || $1"), SqlField::custom_json("custom.segment", "p.custom", "s")});
    EXPECT_FALSE(filter_condition(*parsed, numbered, db().dialect(), kNow, params));

    auto tags = f::parse_filter(json::parse(R"({"field": "tags", "op": "has_tag", "value": "x"})"), catalog());
    ASSERT_TRUE(tags);
    SqlFieldMap tags_as_column({SqlField::column("tags", "p.tags")});
    EXPECT_FALSE(filter_condition(*tags, tags_as_column, db().dialect(), kNow, params));
    EXPECT_EQ(params.size(), 1u);
}

TEST_P(FilterSqlTest, EmptyGroupsAreConstants) {
    Params params;
    auto all = filter_condition(f::match_all(), field_map(), db().dialect(), kNow, params);
    ASSERT_TRUE(all);
    EXPECT_EQ(*all, "1=1");
    auto none = filter_condition(f::FilterNode{f::Or{}}, field_map(), db().dialect(), kNow, params);
    ASSERT_TRUE(none);
    EXPECT_EQ(*none, "1=0");
    EXPECT_TRUE(params.empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, FilterSqlTest, ::testing::ValuesIn(backends()));

}  // namespace
}  // namespace rapport::storage::testing
