// Tax id validation and generation. The valid examples were computed by each country's
// published algorithm (by hand and with an independent implementation), not copied from
// registries; a few are well-known published ids that pass the same algorithms.
#include "domain/customers/tax_id.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace rapport::domain {
namespace {

bool valid(std::string_view country, std::string_view raw) {
    return check_tax_id(country, raw).valid;
}

// ---- Italy -----------------------------------------------------------------------------

TEST(TaxIdItaly, AcceptsValidPartitaIva) {
    auto r = check_tax_id("IT", "00743110157");
    EXPECT_TRUE(r.valid) << r.reason;
    EXPECT_EQ(r.normalized, "00743110157");
    EXPECT_EQ(r.kind, "Partita IVA");
    EXPECT_EQ(r.strength, TaxIdStrength::CheckDigit);
    EXPECT_TRUE(r.reason.empty());
    EXPECT_TRUE(valid("IT", "01234560017"));
}

TEST(TaxIdItaly, NamesTheExpectedCheckDigit) {
    auto r = check_tax_id("IT", "00743110158");
    EXPECT_FALSE(r.valid);
    EXPECT_NE(r.reason.find("should be 7"), std::string::npos) << r.reason;
}

TEST(TaxIdItaly, RejectsWrongLengthAndLetters) {
    auto short_one = check_tax_id("IT", "0074311015");
    EXPECT_FALSE(short_one.valid);
    EXPECT_NE(short_one.reason.find("11 digits"), std::string::npos) << short_one.reason;
    EXPECT_NE(short_one.reason.find("has 10"), std::string::npos) << short_one.reason;
    EXPECT_FALSE(valid("IT", "007431101570"));
    EXPECT_FALSE(valid("IT", "0074311015A"));
    auto cf = check_tax_id("IT", "RSSMRA80A01H501U");
    EXPECT_FALSE(cf.valid);
    EXPECT_NE(cf.reason.find("codice fiscale"), std::string::npos) << cf.reason;
}

TEST(TaxIdItaly, RejectsUnknownOfficeAndZeroCompany) {
    // 12345678903 passes the Luhn check, but office 890 does not exist.
    auto r = check_tax_id("IT", "12345678903");
    EXPECT_FALSE(r.valid);
    EXPECT_NE(r.reason.find("890"), std::string::npos) << r.reason;
    EXPECT_FALSE(valid("IT", "00000000000"));
    EXPECT_FALSE(valid("IT", "00000000010"));  // check digit right, company number zero
}

TEST(TaxIdItaly, NormalisesSeparatorsAndPrefix) {
    auto r = check_tax_id("it", " IT 007.431.101-57 ");
    EXPECT_TRUE(r.valid) << r.reason;
    EXPECT_EQ(r.normalized, "00743110157");
    EXPECT_TRUE(valid("IT", "it00743110157"));
}

TEST(TaxIdItaly, GeneratorProducesValidDistinctIds) {
    std::set<std::string> seen;
    for (std::uint64_t seed = 0; seed < 1000; ++seed) {
        const auto id = make_partita_iva(seed);
        auto r = check_tax_id("IT", id);
        EXPECT_TRUE(r.valid) << id << ": " << r.reason;
        EXPECT_EQ(id.size(), 11u);
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 1000u);
    EXPECT_EQ(make_partita_iva(77), make_partita_iva(77));
    for (std::uint64_t seed = 999'000'000; seed < 999'001'000; ++seed) EXPECT_TRUE(valid("IT", make_partita_iva(seed)));
}

// ---- Spain -----------------------------------------------------------------------------

TEST(TaxIdSpain, AcceptsDniNieAndKlm) {
    auto dni = check_tax_id("ES", "12345678Z");
    EXPECT_TRUE(dni.valid) << dni.reason;
    EXPECT_EQ(dni.kind, "DNI");
    auto nie = check_tax_id("ES", "X1234567L");
    EXPECT_TRUE(nie.valid) << nie.reason;
    EXPECT_EQ(nie.kind, "NIE");
    EXPECT_TRUE(valid("ES", "Y1234567X"));
    EXPECT_TRUE(valid("ES", "Z1234567R"));
    EXPECT_TRUE(valid("ES", "K1234567L"));
    EXPECT_TRUE(valid("ES", "12345678-z"));
}

TEST(TaxIdSpain, NamesTheExpectedDniLetter) {
    auto r = check_tax_id("ES", "12345678A");
    EXPECT_FALSE(r.valid);
    EXPECT_NE(r.reason.find("should be Z"), std::string::npos) << r.reason;
    EXPECT_FALSE(valid("ES", "X1234567A"));
    auto seven = check_tax_id("ES", "1234567L");
    EXPECT_FALSE(seven.valid);
    EXPECT_NE(seven.reason.find("leading 0"), std::string::npos) << seven.reason;
}

TEST(TaxIdSpain, AcceptsCifWithDigitOrLetterByEntity) {
    auto r = check_tax_id("ES", "A28015865");
    EXPECT_TRUE(r.valid) << r.reason;
    EXPECT_EQ(r.kind, "CIF");
    EXPECT_TRUE(valid("ES", "B12345674"));
    EXPECT_TRUE(valid("ES", "ESB12345674"));
    EXPECT_TRUE(valid("ES", "Q2826000H"));  // public body: letter
    EXPECT_TRUE(valid("ES", "P2800000H"));
    // G (associations) may use either.
    EXPECT_TRUE(valid("ES", "G12345674"));
    EXPECT_TRUE(valid("ES", "G1234567D"));
}

TEST(TaxIdSpain, EnforcesTheLetterOrDigitRule) {
    auto digit_for_letter = check_tax_id("ES", "Q28260008");
    EXPECT_FALSE(digit_for_letter.valid);
    EXPECT_NE(digit_for_letter.reason.find("should end with H"), std::string::npos) << digit_for_letter.reason;
    auto letter_for_digit = check_tax_id("ES", "B1234567D");
    EXPECT_FALSE(letter_for_digit.valid);
    EXPECT_NE(letter_for_digit.reason.find("should end with 4"), std::string::npos) << letter_for_digit.reason;
    // Non-resident (province 00) takes a letter whatever the entity.
    EXPECT_FALSE(valid("ES", "N00123455"));
    EXPECT_TRUE(valid("ES", "N0012345E"));
    auto wrong = check_tax_id("ES", "B12345675");
    EXPECT_FALSE(wrong.valid);
    EXPECT_NE(wrong.reason.find("should be 4"), std::string::npos) << wrong.reason;
}

TEST(TaxIdSpain, RejectsBadShapes) {
    EXPECT_FALSE(valid("ES", "I12345674"));
    EXPECT_FALSE(valid("ES", "B1234567"));
    EXPECT_FALSE(valid("ES", "B12A45674"));
    auto r = check_tax_id("ES", "123456789012");
    EXPECT_NE(r.reason.find("9 characters"), std::string::npos) << r.reason;
}

TEST(TaxIdSpain, GeneratorsProduceValidDistinctIds) {
    std::set<std::string> seen;
    for (std::uint64_t seed = 0; seed < 1000; ++seed) {
        for (char entity : std::string("ABGPQSW")) {
            const auto id = make_spanish_cif(seed, entity);
            auto r = check_tax_id("ES", id);
            EXPECT_TRUE(r.valid) << id << ": " << r.reason;
            EXPECT_EQ(id[0], entity);
            seen.insert(id);
        }
        const auto dni = make_spanish_dni(seed);
        EXPECT_TRUE(valid("ES", dni)) << dni;
        seen.insert(dni);
    }
    EXPECT_EQ(seen.size(), 8000u);
    EXPECT_EQ(make_spanish_cif(5, 'x')[0], 'B');  // not an entity letter: falls back to B
}

// ---- Portugal --------------------------------------------------------------------------

TEST(TaxIdPortugal, AcceptsValidNif) {
    auto r = check_tax_id("PT", "123456789");
    EXPECT_TRUE(r.valid) << r.reason;
    EXPECT_EQ(r.kind, "NIF");
    EXPECT_TRUE(valid("PT", "501442600"));
    EXPECT_TRUE(valid("PT", "PT 501 442 600"));
    EXPECT_TRUE(valid("PT", "999999990"));
}

TEST(TaxIdPortugal, NamesTheExpectedCheckDigit) {
    auto r = check_tax_id("PT", "213456789");
    EXPECT_FALSE(r.valid);
    EXPECT_NE(r.reason.find("should be 8"), std::string::npos) << r.reason;
}

TEST(TaxIdPortugal, RejectsWrongLengthAndRanges) {
    auto r = check_tax_id("PT", "12345678");
    EXPECT_FALSE(r.valid);
    EXPECT_NE(r.reason.find("a Portuguese NIF has 9 digits"), std::string::npos) << r.reason;
    // Right check digits, but no NIF is issued starting with 0, 4x (other than 45), 73 or 8.
    for (std::string body : {"01234567", "41234567", "73123456", "81234567"}) {
        int sum = 0;
        for (int i = 0; i < 8; ++i) sum += (body[static_cast<std::size_t>(i)] - '0') * (9 - i);
        const int check = sum % 11 < 2 ? 0 : 11 - sum % 11;
        EXPECT_FALSE(valid("PT", body + std::to_string(check))) << body;
    }
}

TEST(TaxIdPortugal, GeneratorProducesValidDistinctIds) {
    std::set<std::string> seen;
    for (std::uint64_t seed = 0; seed < 1000; ++seed) {
        const auto company = make_portuguese_nif(seed);
        EXPECT_EQ(company[0], '5');
        EXPECT_TRUE(valid("PT", company)) << company;
        const auto person = make_portuguese_nif(seed, 2);
        EXPECT_EQ(person[0], '2');
        EXPECT_TRUE(valid("PT", person)) << person;
        seen.insert(company);
        seen.insert(person);
    }
    EXPECT_EQ(seen.size(), 2000u);
}

// ---- United Kingdom and Ireland --------------------------------------------------------

TEST(TaxIdUkIreland, ChecksUkVatNumbers) {
    EXPECT_TRUE(valid("GB", "GB 999 9999 73"));
    EXPECT_TRUE(valid("GB", "980780684"));
    EXPECT_TRUE(valid("GB", "980780684001"));  // branch suffix
    EXPECT_TRUE(valid("GB", "GD001"));
    EXPECT_TRUE(valid("GB", "HA500"));
    EXPECT_FALSE(valid("GB", "HA100"));
    EXPECT_FALSE(valid("GB", "999999974"));
    EXPECT_FALSE(valid("GB", "99999997"));
}

TEST(TaxIdUkIreland, ChecksIrishVatNumbers) {
    EXPECT_TRUE(valid("IE", "IE6388047V"));
    EXPECT_TRUE(valid("IE", "8Z49289F"));   // the old format
    EXPECT_TRUE(valid("IE", "3628739UA"));  // the 2013 format
    auto r = check_tax_id("IE", "6388047X");
    EXPECT_FALSE(r.valid);
    EXPECT_NE(r.reason.find("should be V"), std::string::npos) << r.reason;
}

TEST(TaxIdUkIreland, GeneratorsProduceValidDistinctIds) {
    std::set<std::string> seen;
    for (std::uint64_t seed = 0; seed < 1000; ++seed) {
        const auto uk = make_uk_vat(seed);
        const auto ie = make_irish_vat(seed);
        EXPECT_TRUE(valid("GB", uk)) << uk;
        EXPECT_TRUE(valid("IE", ie)) << ie;
        seen.insert(uk);
        seen.insert(ie);
    }
    EXPECT_EQ(seen.size(), 2000u);
}

// ---- Other countries -------------------------------------------------------------------

TEST(TaxIdOther, ChecksEuFormats) {
    auto de = check_tax_id("DE", "DE 123456789");
    EXPECT_TRUE(de.valid) << de.reason;
    EXPECT_EQ(de.strength, TaxIdStrength::Format);
    EXPECT_EQ(de.normalized, "123456789");
    EXPECT_TRUE(valid("AT", "ATU12345678"));
    EXPECT_TRUE(valid("NL", "NL123456789B01"));
    EXPECT_TRUE(valid("FR", "FRXX123456789"));
    EXPECT_TRUE(valid("FR", "12123456789"));
    EXPECT_TRUE(valid("GR", "EL123456789"));
    EXPECT_TRUE(valid("EL", "123456789"));
    auto bad_de = check_tax_id("DE", "12345678");
    EXPECT_FALSE(bad_de.valid);
    EXPECT_NE(bad_de.reason.find("a German VAT number is 9 digits"), std::string::npos) << bad_de.reason;
    auto bad_at = check_tax_id("AT", "12345678");
    EXPECT_NE(bad_at.reason.find("an Austrian"), std::string::npos) << bad_at.reason;
    // In the reader's language too: the country's name for the number and its shape are filled in.
    EXPECT_EQ(messages::render(bad_de.reason_key, "it", bad_de.reason_args),
              "una partita IVA tedesca è formata da 9 cifre (facoltativamente dopo il prefisso DE)");
    EXPECT_EQ(messages::render(bad_at.reason_key, "pt", bad_at.reason_args),
              "um número de IVA austríaco é formado por U seguido de 8 dígitos (opcionalmente após o prefixo AT)");
    EXPECT_FALSE(valid("NL", "123456789C01"));
}

TEST(TaxIdOther, AcceptsAnythingAlphanumericWithoutRules) {
    auto us = check_tax_id("US", "12-3456789");
    EXPECT_TRUE(us.valid);
    EXPECT_EQ(us.strength, TaxIdStrength::Unchecked);
    EXPECT_EQ(us.normalized, "123456789");
    EXPECT_FALSE(valid("US", "12#456"));
    EXPECT_FALSE(valid("US", "   "));
    EXPECT_FALSE(valid("IT", ""));
}

TEST(TaxIdOther, KnowsVatPrefixes) {
    EXPECT_EQ(vat_prefix("it"), "IT");
    EXPECT_EQ(vat_prefix("GR"), "EL");
    EXPECT_EQ(vat_prefix("IE"), "IE");
    EXPECT_EQ(vat_prefix("US"), "");
}

}  // namespace
}  // namespace rapport::domain
