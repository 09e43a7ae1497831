// The import mapping: checks of the mapping request, and how a row's text becomes input.
#include <gtest/gtest.h>

#include "domain/imports/import_job.hpp"
#include "domain/imports/import_mapping.hpp"

namespace rapport::domain::imports {
namespace {

using customers::EntityType;
using customers::FieldType;
using nlohmann::json;

bool has_pointer(const Error& e, const std::string& pointer) {
    for (const auto& f : e.fields) {
        if (f.pointer == pointer) return true;
    }
    return false;
}

const std::vector<std::string> kCompanyHeader = {"Ragione sociale", "P.IVA", "Città", "Paese", "Email"};

TEST(ImportMapping, AcceptsHeadersAndIndicesAndDefaultsTheUpsertKeysToTheMappedOnes) {
    auto m = parse_mapping(
        {{"columns", {{"Ragione sociale", "legal_name"}, {"1", "vat_id"}, {"Paese", "country"}, {"Email", nullptr}}},
         {"source", {{"data_kind", "second_party"}, {"label", " ERP "}}}},
        EntityType::Company, kCompanyHeader, {});
    ASSERT_TRUE(m) << m.error().detail;
    ASSERT_EQ(m->columns.size(), 3u);
    EXPECT_EQ(m->columns[0].column, 0u);
    EXPECT_EQ(m->columns[1].target, "vat_id");
    EXPECT_EQ(m->columns[1].header, "P.IVA");
    EXPECT_EQ(m->data_kind, customers::DataKind::SecondParty);
    EXPECT_EQ(m->label, "ERP");
    EXPECT_EQ(m->match_on, (std::vector<std::string>{"vat_id"}));
    EXPECT_FALSE(m->lenient);

    // The stored form reads back the same, by index.
    auto again = parse_mapping(mapping_to_stored_json(*m), EntityType::Company, kCompanyHeader, {}, ColumnKeys::Index);
    ASSERT_TRUE(again) << again.error().detail;
    EXPECT_EQ(mapping_to_stored_json(*again), mapping_to_stored_json(*m));
}

TEST(ImportMapping, ReportsEveryProblemAtOnce) {
    customers::CustomFieldDef required;
    required.key = "sector_code";
    required.required = true;
    auto m = parse_mapping({{"columns",
                             {{"Ragione sociale", "legal_nam"},
                              {"1", "email"},
                              {"Email", "email"},
                              {"Nope", "city"},
                              {"Paese", "full_name"}}},
                            {"match_on", {"email", "first_name", "email"}},
                            {"source", {{"data_kind", "fourth"}, {"colour", 1}}},
                            {"lenient", 1},
                            {"extra", true}},
                           EntityType::Company, kCompanyHeader, {required});
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error().code, ErrorCode::Validation);
    for (const char* p : {"/columns/Ragione sociale", "/columns/Email", "/columns/Nope", "/columns/Paese", "/columns",
                          "/match_on/1", "/match_on/2", "/source/data_kind", "/source/colour", "/lenient", "/extra"}) {
        EXPECT_TRUE(has_pointer(m.error(), p)) << p;
    }
    std::size_t required_errors = 0;
    for (const auto& f : m.error().fields) {
        if (f.pointer == "/columns") ++required_errors;
    }
    EXPECT_EQ(required_errors, 3u);  // legal_name, country, custom.sector_code
}

TEST(ImportMapping, FullNameStandsForFirstAndLastName) {
    const std::vector<std::string> header = {"Nome completo", "Nome", "E-mail"};
    auto ok = parse_mapping({{"columns", {{"Nome completo", "full_name"}, {"E-mail", "email"}}}}, EntityType::Person,
                            header, {});
    ASSERT_TRUE(ok) << ok.error().detail;
    EXPECT_EQ(ok->match_on, (std::vector<std::string>{"email"}));
    auto clash = parse_mapping({{"columns", {{"Nome completo", "full_name"}, {"Nome", "first_name"}}}},
                               EntityType::Person, header, {});
    ASSERT_FALSE(clash);
    EXPECT_TRUE(has_pointer(clash.error(), "/columns/Nome completo")) << clash.error().detail;
    auto company = parse_mapping({{"columns", {{"Nome completo", "full_name"}}}}, EntityType::Company, header, {});
    ASSERT_FALSE(company);
    EXPECT_TRUE(has_pointer(company.error(), "/columns/Nome completo"));
}

TEST(ImportMapping, RowsBecomeTypedInputAndEmptyCellsAreLeftOut) {
    customers::CustomFieldDef volume;
    volume.key = "volume";
    volume.type = FieldType::Number;
    customers::CustomFieldDef active;
    active.key = "active";
    active.type = FieldType::Bool;
    const std::vector<std::string> header = {"Full name", "Email", "Tags", "Volume", "Active", "City"};
    auto m = parse_mapping({{"columns",
                             {{"Full name", "full_name"},
                              {"Email", "email"},
                              {"Tags", "tags"},
                              {"Volume", "custom.volume"},
                              {"Active", "custom.active"},
                              {"City", "city"}}}},
                           EntityType::Person, header, {volume, active});
    ASSERT_TRUE(m) << m.error().detail;
    auto input = row_input({"Rossi, Mario", "m@x.it", "vip; lead|vip", "1.234,5", "sì", "  "}, *m);
    EXPECT_EQ(input.fields["first_name"], "Mario");
    EXPECT_EQ(input.fields["last_name"], "Rossi");
    EXPECT_EQ(input.fields["email"], "m@x.it");
    EXPECT_FALSE(input.fields.contains("city"));  // an empty cell never clears a value
    ASSERT_TRUE(input.tags);
    EXPECT_EQ(*input.tags, (std::vector<std::string>{"vip", "lead", "vip"}));
    EXPECT_EQ(input.custom["volume"], 1234.5);
    EXPECT_EQ(input.custom["active"], true);

    // Errors of the customers service point back at the file's columns.
    Error e = Error::validation("x", {{"/fields/last_name", "required"}, {"/custom/volume", "must be a number"}});
    auto errors = row_errors(e, *m);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].field, "last_name");
    EXPECT_EQ(errors[0].column, "Full name");
    EXPECT_EQ(errors[1].field, "custom.volume");
    EXPECT_EQ(errors[1].column, "Volume");
    EXPECT_EQ(describe_errors(errors), "last_name (Full name): required; custom.volume (Volume): must be a number");
}

TEST(ImportMapping, CellsAreReadAsTheirFieldType) {
    EXPECT_EQ(cell_value(FieldType::Number, "1,234.56"), 1234.56);
    EXPECT_EQ(cell_value(FieldType::Number, "1.234.567"), 1234567);
    EXPECT_EQ(cell_value(FieldType::Money, "12,5"), 12.5);
    EXPECT_EQ(cell_value(FieldType::Number, "abc"), "abc");  // the normaliser will say why
    EXPECT_EQ(cell_value(FieldType::Bool, "No"), false);
    EXPECT_EQ(cell_value(FieldType::MultiSelect, "a, b"), json({"a", "b"}));
    EXPECT_EQ(cell_value(FieldType::Text, " keep "), " keep ");
    EXPECT_EQ(split_full_name("Ana Sousa Pereira"), (std::pair<std::string, std::string>{"Ana", "Sousa Pereira"}));
    EXPECT_EQ(split_full_name("Cher"), (std::pair<std::string, std::string>{"Cher", ""}));
}

TEST(ImportMapping, ADefaultCountryStandsInForAMissingCountryColumn) {
    const std::vector<std::string> header = {"Ragione sociale", "P.IVA"};
    auto without = parse_mapping({{"columns", {{"Ragione sociale", "legal_name"}, {"P.IVA", "vat_id"}}}},
                                 EntityType::Company, header, {});
    ASSERT_FALSE(without);
    EXPECT_TRUE(has_pointer(without.error(), "/columns"));
    EXPECT_NE(without.error().fields[0].message.find("default_country"), std::string::npos);

    auto m = parse_mapping(
        {{"columns", {{"Ragione sociale", "legal_name"}, {"P.IVA", "vat_id"}}}, {"default_country", "it"}},
        EntityType::Company, header, {});
    ASSERT_TRUE(m) << m.error().detail;
    EXPECT_EQ(m->default_country, "IT");
    auto again = parse_mapping(mapping_to_stored_json(*m), EntityType::Company, header, {}, ColumnKeys::Index);
    ASSERT_TRUE(again) << again.error().detail;
    EXPECT_EQ(again->default_country, "IT");
    EXPECT_EQ(mapping_to_view_json(*m)["default_country"], "IT");

    for (const json& bad : {json("Italy"), json("XX"), json(39), json("")}) {
        auto refused = parse_mapping(
            {{"columns", {{"Ragione sociale", "legal_name"}, {"P.IVA", "vat_id"}}}, {"default_country", bad}},
            EntityType::Company, header, {});
        ASSERT_FALSE(refused) << bad.dump();
        EXPECT_TRUE(has_pointer(refused.error(), "/default_country")) << bad.dump();
    }

    // A row without a country gets the default; its own country wins; so does a stored one.
    auto input = row_input({"Rossi S.r.l.", "00743110157"}, *m);
    EXPECT_EQ(row_country(input, *m), "IT");
    fill_default_country(input, *m, nullptr);
    EXPECT_EQ(input.fields["country"], "IT");
    customers::CustomerRecord stored;
    stored.fields["country"] = "FR";
    auto update = row_input({"Rossi S.r.l.", "00743110157"}, *m);
    fill_default_country(update, *m, &stored);
    EXPECT_FALSE(update.fields.contains("country"));
    customers::CustomerInput own;
    own.fields["country"] = "ES";
    fill_default_country(own, *m, nullptr);
    EXPECT_EQ(own.fields["country"], "ES");
    EXPECT_EQ(row_country(own, *m), "ES");
}

TEST(ImportMapping, ConstantsFillEveryRowAndTheirTagsAddToTheColumns) {
    const std::vector<std::string> header = {"Nome", "Cognome", "Tag", "Città"};
    auto m = parse_mapping({{"columns", {{"Nome", "first_name"}, {"Cognome", "last_name"}, {"Tag", "tags"}}},
                            {"constants", {{"tags", "fiera-2026, vip"}, {"city", " Milano "}}}},
                           EntityType::Person, header, {});
    ASSERT_TRUE(m) << m.error().detail;
    ASSERT_EQ(m->constants.size(), 2u);
    auto input = row_input({"Ada", "Lovelace", "lead", ""}, *m);
    EXPECT_EQ(input.fields["city"], "Milano");
    ASSERT_TRUE(input.tags);
    EXPECT_EQ(*input.tags, (std::vector<std::string>{"lead", "fiera-2026", "vip"}));
    auto no_tags = row_input({"Ada", "Lovelace", "", ""}, *m);
    ASSERT_TRUE(no_tags.tags);
    EXPECT_EQ(*no_tags.tags, (std::vector<std::string>{"fiera-2026", "vip"}));
    auto again = parse_mapping(mapping_to_stored_json(*m), EntityType::Person, header, {}, ColumnKeys::Index);
    ASSERT_TRUE(again) << again.error().detail;
    EXPECT_EQ(mapping_to_stored_json(*again), mapping_to_stored_json(*m));
    EXPECT_EQ(mapping_to_view_json(*m)["constants"], json({{"city", "Milano"}, {"tags", "fiera-2026, vip"}}));

    // A constant fills required fields; it never clashes silently with a column, and is no key.
    auto required = parse_mapping({{"columns", {{"Nome", "first_name"}}}, {"constants", {{"last_name", "Rossi"}}}},
                                  EntityType::Person, header, {});
    EXPECT_TRUE(required) << required.error().detail;
    auto bad = parse_mapping({{"columns", {{"Nome", "first_name"}, {"Cognome", "last_name"}, {"Città", "city"}}},
                              {"constants", {{"city", "Milano"}, {"colour", "red"}, {"email", ""}, {"phone", 3}}},
                              {"match_on", {"email"}}},
                             EntityType::Person, header, {});
    ASSERT_FALSE(bad);
    for (const char* p :
         {"/constants/city", "/constants/colour", "/constants/email", "/constants/phone", "/match_on/0"}) {
        EXPECT_TRUE(has_pointer(bad.error(), p)) << p;
    }

    // The service checks the constants' values once: its errors come back at /constants/<target>.
    auto named = parse_mapping({{"columns", {{"Nome", "full_name"}}}, {"constants", {{"email", "nope"}}}},
                               EntityType::Person, header, {});
    ASSERT_TRUE(named) << named.error().detail;
    auto alone = constants_input(*named);
    EXPECT_EQ(alone.fields["email"], "nope");
    EXPECT_EQ(alone.invalid_values, customers::InvalidValues::Reject);
    Error e = Error::validation(
        "x", {{"/fields/email", "not a valid email address"}, {"/fields/first_name", "required"}, {"/tags/0", "no"}});
    auto errors = constant_errors(e, *named);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].pointer, "/constants/email");
    EXPECT_EQ(errors[0].message, "not a valid email address");
}

TEST(ImportJob, RejectedRowsRoundTripAsText) {
    const std::vector<std::string> fields = {"a", "b\"c", "d\ne", ""};
    EXPECT_EQ(decode_fields(encode_fields(fields)), fields);
    const std::vector<RowError> errors = {{"vat_id", "P.IVA", "bad check digit"}, {"", "", "row too short"}};
    auto back = decode_errors(encode_errors(errors));
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].column, "P.IVA");
    EXPECT_EQ(describe_errors(back), "vat_id (P.IVA): bad check digit; row too short");
    EXPECT_EQ(parse_import_status("running"), ImportStatus::Running);
    EXPECT_EQ(to_string(ImportStatus::Cancelled), "cancelled");
}

TEST(ImportJob, ARowErrorKeepsItsCatalogueKeyAndArguments) {
    RowError e{"name", "Nome", "at most 5 characters"};
    e.key = "common.too_long";
    e.args = {{"max", "5"}};
    auto back = decode_errors(encode_errors({e, {"", "", "row too short"}}));
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].key, "common.too_long");
    EXPECT_EQ(back[0].args, (MessageArgs{{"max", "5"}}));
    EXPECT_EQ(back[0].detail, "at most 5 characters");
    EXPECT_TRUE(back[1].key.empty());
    EXPECT_TRUE(back[1].args.empty());
    // Errors stored before keys were kept read as they were.
    auto old = decode_errors(R"([{"field":"email","column":"Email","detail":"not a valid email address"}])");
    ASSERT_EQ(old.size(), 1u);
    EXPECT_TRUE(old[0].key.empty());
}

}  // namespace
}  // namespace rapport::domain::imports
