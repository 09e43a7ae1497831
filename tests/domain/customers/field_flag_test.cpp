// Data-quality flags: which fields can be flagged, the mapping option that asks for them,
// and how an import row carries the choice to the customers service.
#include <gtest/gtest.h>

#include "domain/customers/field_flag.hpp"
#include "domain/imports/import_mapping.hpp"

namespace rapport::domain::customers {
namespace {

using nlohmann::json;

const std::vector<std::string> kHeader = {"Ragione sociale", "P.IVA", "Paese", "Telefono"};
const json kColumns = {
    {"Ragione sociale", "legal_name"}, {"P.IVA", "vat_id"}, {"Paese", "country"}, {"Telefono", "phone"}};

TEST(FieldFlag, OnlyEmailsPhonesAndTaxIdsCanBeFlagged) {
    std::vector<std::string> flaggable_names;
    for (const auto& f : company_fields()) {
        if (flaggable(f)) flaggable_names.push_back(f.name);
    }
    EXPECT_EQ(flaggable_names, (std::vector<std::string>{"vat_id", "pec", "email", "phone"}));
    EXPECT_FALSE(flaggable(*find_field(EntityType::Company, "country")));
    EXPECT_FALSE(flaggable(*find_field(EntityType::Person, "birthday")));
}

TEST(FieldFlag, ModesParseAndPrintAndImportIdsComeFromImportSources) {
    EXPECT_EQ(parse_invalid_values("flag"), InvalidValues::Flag);
    EXPECT_EQ(parse_invalid_values("reject"), InvalidValues::Reject);
    EXPECT_EQ(parse_invalid_values("Flag"), std::nullopt);
    EXPECT_EQ(to_string(InvalidValues::Flag), "flag");
    EXPECT_EQ(import_of({SourceKind::Import, "import:123:clienti: 2026.csv", DataKind::FirstParty}), Id{123});
    EXPECT_EQ(import_of({SourceKind::Manual, "import:123:x.csv", DataKind::FirstParty}), std::nullopt);
    EXPECT_EQ(import_of({SourceKind::Import, "connector:x", DataKind::FirstParty}), std::nullopt);
    const std::vector<FieldFlag> flags = {{"phone", "too short", "12", SourceKind::Import, "import:1:a", 1, 5}};
    ASSERT_NE(find_flag(flags, "phone"), nullptr);
    EXPECT_EQ(find_flag(flags, "phone")->value, "12");
    EXPECT_EQ(find_flag(flags, "email"), nullptr);
}

TEST(FieldFlag, TheMappingOptionDefaultsToRejectIsStoredAndReachesEachRowsInput) {
    auto strict = imports::parse_mapping({{"columns", kColumns}}, EntityType::Company, kHeader, {});
    ASSERT_TRUE(strict) << strict.error().detail;
    EXPECT_EQ(strict->invalid_values, InvalidValues::Reject);
    EXPECT_EQ(imports::row_input({"ACME", "123", "IT", "12"}, *strict).invalid_values, InvalidValues::Reject);

    auto lenient =
        imports::parse_mapping({{"columns", kColumns}, {"invalid_values", "flag"}}, EntityType::Company, kHeader, {});
    ASSERT_TRUE(lenient) << lenient.error().detail;
    EXPECT_EQ(lenient->invalid_values, InvalidValues::Flag);
    EXPECT_FALSE(lenient->lenient);  // the file-shape leniency is a separate choice
    const auto stored = imports::mapping_to_stored_json(*lenient);
    EXPECT_EQ(stored["invalid_values"], "flag");
    auto again = imports::parse_mapping(stored, EntityType::Company, kHeader, {}, imports::ColumnKeys::Index);
    ASSERT_TRUE(again) << again.error().detail;
    EXPECT_EQ(again->invalid_values, InvalidValues::Flag);
    EXPECT_EQ(imports::mapping_to_view_json(*again)["invalid_values"], "flag");
    const auto input = imports::row_input({"ACME", "123", "IT", " 12 "}, *again);
    EXPECT_EQ(input.invalid_values, InvalidValues::Flag);
    EXPECT_EQ(input.fields["phone"], " 12 ");  // passed on as the file had it

    for (const json& bad : {json("yes"), json(true), json(1)}) {
        auto refused =
            imports::parse_mapping({{"columns", kColumns}, {"invalid_values", bad}}, EntityType::Company, kHeader, {});
        ASSERT_FALSE(refused);
        ASSERT_EQ(refused.error().fields.size(), 1u);
        EXPECT_EQ(refused.error().fields[0].pointer, "/invalid_values");
    }
}

}  // namespace
}  // namespace rapport::domain::customers
