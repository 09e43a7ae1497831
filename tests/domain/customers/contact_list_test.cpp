// Other emails and phones: each value validated and normalised like the primary field, the
// label one of the known ones or free text, and an error that names the entry.
#include <gtest/gtest.h>

#include "domain/customers/contact_list.hpp"
#include "domain/customers/fields.hpp"
#include "domain/customers/industries.hpp"

namespace rapport::domain::customers {
namespace {

using nlohmann::json;

TEST(ContactList, NormalisesEveryValueLikeThePrimaryField) {
    NormalizeContext it;
    it.country = "IT";
    auto emails = normalize_contact_list(
        FieldType::Email, json::array({{{"label", "work"}, {"value", " Giulia@Example.COM "}}, {{"value", "g@b.it"}}}),
        it);
    ASSERT_TRUE(emails);
    EXPECT_EQ((*emails)[0]["value"],
              normalize_value(*find_field(EntityType::Person, "email"), " Giulia@Example.COM ", it).value());
    EXPECT_EQ((*emails)[0]["label"], "work");
    EXPECT_EQ((*emails)[1]["label"], "other");  // the default label
    auto phones = normalize_contact_list(FieldType::Phone,
                                         json::array({{{"label", "Casa al mare"}, {"value", "02 1234 5678"}}}), it);
    ASSERT_TRUE(phones);
    EXPECT_EQ((*phones)[0]["value"], "+390212345678");
    EXPECT_EQ((*phones)[0]["label"], "Casa al mare");  // free text
}

TEST(ContactList, NamesTheEntryThatIsWrong) {
    NormalizeContext none;
    auto bad = normalize_contact_list(
        FieldType::Email,
        json::array({{{"label", "work"}, {"value", "a@b.it"}}, {{"label", "home"}, {"value", "nope"}}}), none);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().pointer, "/1/value");
    EXPECT_EQ(bad.error().message.key, "common.email_invalid");

    auto missing = normalize_contact_list(FieldType::Email, json::array({{{"label", "work"}}}), none);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().pointer, "/0/value");
    EXPECT_EQ(missing.error().message.key, "common.required");

    auto member = normalize_contact_list(FieldType::Email, json::array({{{"value", "a@b.it"}, {"kind", "x"}}}), none);
    ASSERT_FALSE(member);
    EXPECT_EQ(member.error().pointer, "/0/kind");

    auto shape = normalize_contact_list(FieldType::Email, json{{"value", "a@b.it"}}, none);
    ASSERT_FALSE(shape);
    EXPECT_EQ(shape.error().pointer, "");
    EXPECT_EQ(shape.error().message.key, "customers.contact_list_shape");

    json many = json::array();
    for (int i = 0; i <= static_cast<int>(kMaxContactEntries); ++i) {
        many.push_back({{"value", "a" + std::to_string(i) + "@b.it"}});
    }
    EXPECT_FALSE(normalize_contact_list(FieldType::Email, many, none));

    auto label = normalize_contact_list(FieldType::Email,
                                        json::array({{{"label", std::string(41, 'x')}, {"value", "a@b.it"}}}), none);
    ASSERT_FALSE(label);
    EXPECT_EQ(label.error().pointer, "/0/label");
}

TEST(ContactList, KeepsEachValueOnceAndReadsAnImportCell) {
    NormalizeContext none;
    auto twice = normalize_contact_list(
        FieldType::Email,
        json::array({{{"label", "work"}, {"value", "a@b.it"}}, {{"label", "home"}, {"value", "A@b.it"}}}), none);
    ASSERT_TRUE(twice);
    EXPECT_EQ(twice->size(), 1u);
    EXPECT_EQ(contact_values(*twice), (std::vector<std::string>{"a@b.it"}));

    auto cell = normalize_contact_list(FieldType::Email, json("a@b.it; c@d.it"), none);
    ASSERT_TRUE(cell);
    EXPECT_EQ(contact_values(*cell), (std::vector<std::string>{"a@b.it", "c@d.it"}));
    EXPECT_EQ((*cell)[0]["label"], "other");

    EXPECT_TRUE(normalize_contact_list(FieldType::Email, json::array(), none)->is_null());
    EXPECT_TRUE(normalize_contact_list(FieldType::Email, json(""), none)->is_null());
    EXPECT_TRUE(normalize_contact_list(FieldType::Email, json(nullptr), none)->is_null());
}

TEST(ContactList, PeopleAndCompaniesHaveBothListsAndAPersonsArePersonalData) {
    for (auto type : {EntityType::Person, EntityType::Company}) {
        for (auto name : {"other_emails", "other_phones"}) {
            const FieldDef* f = find_field(type, name);
            ASSERT_NE(f, nullptr) << name;
            EXPECT_EQ(f->type, FieldType::ContactList);
            EXPECT_EQ(f->personal, type == EntityType::Person);
        }
    }
    EXPECT_EQ(find_field(EntityType::Person, "other_phones")->item_type, FieldType::Phone);
}

TEST(Industry, ACodeANameInAnyLanguageOrOtherTextKeptAsWritten) {
    const FieldDef& industry = *find_field(EntityType::Company, "industry");
    EXPECT_EQ(industry.type, FieldType::Select);
    NormalizeContext none;
    EXPECT_EQ(normalize_value(industry, "manufacturing", none).value(), "manufacturing");
    EXPECT_EQ(normalize_value(industry, "Manifattura", none).value(), "manufacturing");
    EXPECT_EQ(normalize_value(industry, "  transporte e LOGÍSTICA ", none).value(), "logistics");
    EXPECT_EQ(normalize_value(industry, "Hostelería", none).value(), "hospitality");
    EXPECT_EQ(normalize_value(industry, "Mining of rare earths", none).value(), "Mining of rare earths");
    EXPECT_FALSE(normalize_value(industry, 3, none));
    EXPECT_FALSE(industry_code("nothing like it").has_value());
    EXPECT_EQ(industry.options.size(), industries().size());
    // Other selects stay strict.
    EXPECT_FALSE(normalize_value(*find_field(EntityType::Company, "size"), "huge", none));
}

}  // namespace
}  // namespace rapport::domain::customers
