// Column mapping suggestions from the headers of imported files, in English, Italian,
// Spanish and Portuguese.
#include "domain/imports/column_mapping.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace rapport::domain::imports {
namespace {

using Strings = std::vector<std::string>;

// The suggested field of each header, in column order ("" when unmapped).
Strings fields_for(const Strings& headers, ImportTarget target) {
    Strings out;
    for (const ColumnSuggestion& s : suggest_mapping(headers, target)) out.push_back(s.field);
    return out;
}

std::string field_for(const std::string& header, ImportTarget target) {
    return fields_for({header}, target).at(0);
}

double score_for(const std::string& header, ImportTarget target) {
    return suggest_mapping({header}, target).at(0).score;
}

TEST(ColumnMappingNormalize, IgnoresCaseAccentsPunctuationAndSpaces) {
    EXPECT_EQ(normalize_header("E-mail"), "email");
    EXPECT_EQ(normalize_header("  P.IVA "), "piva");
    EXPECT_EQ(normalize_header("Città"), "citta");
    EXPECT_EQ(normalize_header("CITTÀ"), "citta");
    EXPECT_EQ(normalize_header("Razão Social"), "razaosocial");
    EXPECT_EQ(normalize_header("Código Postal"), "codigopostal");
    EXPECT_EQ(normalize_header("Teléfono móvil"), "telefonomovil");
    EXPECT_EQ(normalize_header("Endereço"), "endereco");
    EXPECT_EQ(normalize_header("Apellido(s)"), "apellidos");
    EXPECT_EQ(normalize_header("àáâãäçèéêëìíîïñòóôõöùúûü"), "aaaaaceeeeiiiinooooouuuu");
    EXPECT_EQ(normalize_header("ÀÁÂÃÄÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜ"), "aaaaaceeeeiiiinooooouuuu");
    EXPECT_EQ(normalize_header("Straße"), "strasse");
    EXPECT_EQ(normalize_header("Nº cliente"), "nocliente");
    EXPECT_EQ(normalize_header("first_name"), "firstname");
    EXPECT_EQ(normalize_header("“Nome”\u00A0–\u00A0azienda"), "nomeazienda");
    EXPECT_EQ(normalize_header(""), "");
    EXPECT_EQ(normalize_header(" -- "), "");
}

TEST(ColumnMappingNormalize, DropsCombiningAccentsOfDecomposedText) {
    EXPECT_EQ(normalize_header("Citta\xCC\x80"), "citta");  // a + U+0300, as macOS writes it
    EXPECT_EQ(normalize_header("Razo\xCC\x83o"), "razoo");  // o + U+0303
    EXPECT_EQ(normalize_header("\xEF\xBB\xBF"
                               "Email"),
              "email");  // a BOM left in a header
}

TEST(ColumnMappingNormalize, KeepsOtherScripts) {
    EXPECT_EQ(normalize_header("Город"), "Город");
    EXPECT_NE(normalize_header("Город"), normalize_header("Страна"));
}

TEST(ColumnMapping, ItalianCompanies) {
    const Strings headers{"Ragione sociale", "P.IVA", "PEC",      "Indirizzo", "CAP",      "Città",
                          "Provincia",       "Paese", "Telefono", "E-mail",    "Sito web", "Settore"};
    EXPECT_EQ(fields_for(headers, ImportTarget::Companies),
              (Strings{"legal_name", "vat_id", "pec", "address_line", "postal_code", "city", "region", "country",
                       "phone", "email", "website", "industry"}));
    const auto suggestions = suggest_mapping(headers, ImportTarget::Companies);
    EXPECT_DOUBLE_EQ(suggestions[0].score, 1.0);
    EXPECT_EQ(suggestions[0].column, 0u);
    EXPECT_EQ(suggestions[0].header, "Ragione sociale");
    EXPECT_EQ(suggestions[11].column, 11u);
    EXPECT_EQ(fields_for({"Partita IVA", "Posta elettronica", "ID esterno", "Etichette", "Responsabile"},
                         ImportTarget::Companies),
              (Strings{"vat_id", "email", "external_id", "tags", "owner_email"}));
}

TEST(ColumnMapping, SpanishCompanies) {
    const Strings headers{"Razón social", "CIF",      "Dirección",          "Código postal", "Ciudad",
                          "País",         "Teléfono", "Correo electrónico", "Sitio web",     "Nombre comercial"};
    EXPECT_EQ(fields_for(headers, ImportTarget::Companies),
              (Strings{"legal_name", "vat_id", "address_line", "postal_code", "city", "country", "phone", "email",
                       "website", "trade_name"}));
    EXPECT_EQ(field_for("NIF", ImportTarget::Companies), "vat_id");
}

TEST(ColumnMapping, PortugueseCompanies) {
    const Strings headers{"Razão social", "NIF",       "Morada", "Código Postal", "Cidade",
                          "País",         "Telemóvel", "Email",  "Endereço"};
    EXPECT_EQ(fields_for(headers, ImportTarget::Companies),
              (Strings{"legal_name", "vat_id", "address_line", "postal_code", "city", "country", "phone", "email",
                       ""}));  // Morada already holds the address
}

TEST(ColumnMapping, EnglishCompanies) {
    const Strings headers{"External id", "Company name", "Trade name", "VAT number", "Address", "Postcode",
                          "City",        "Region",       "Country",    "Phone",      "Email",   "Website",
                          "Industry",    "Size",         "Tags",       "Owner email"};
    EXPECT_EQ(fields_for(headers, ImportTarget::Companies),
              (Strings{"external_id", "legal_name", "trade_name", "vat_id", "address_line", "postal_code", "city",
                       "region", "country", "phone", "email", "website", "industry", "size", "tags", "owner_email"}));
    EXPECT_EQ(field_for("ZIP", ImportTarget::Companies), "postal_code");
    EXPECT_EQ(field_for("VAT", ImportTarget::Companies), "vat_id");
}

TEST(ColumnMapping, PeopleInFourLanguages) {
    EXPECT_EQ(
        fields_for({"Nome", "Cognome", "Azienda", "Ruolo", "E-mail", "Cellulare", "Lingua", "Città", "Paese"},
                   ImportTarget::People),
        (Strings{"first_name", "last_name", "company", "job_title", "email", "phone", "language", "city", "country"}));
    EXPECT_EQ(
        fields_for({"Nombre", "Apellido(s)", "Empresa", "Cargo", "Correo electrónico", "Móvil", "Idioma", "Ciudad",
                    "Fecha de nacimiento"},
                   ImportTarget::People),
        (Strings{"first_name", "last_name", "company", "job_title", "email", "phone", "language", "city", "birthday"}));
    EXPECT_EQ(fields_for({"Nome", "Sobrenome", "Empresa", "Cargo", "E-mail", "Telefone", "Idioma", "Cidade"},
                         ImportTarget::People),
              (Strings{"first_name", "last_name", "company", "job_title", "email", "phone", "language", "city"}));
    EXPECT_EQ(fields_for({"Nome", "Apelido", "Telemóvel", "Data de nascimento"}, ImportTarget::People),
              (Strings{"first_name", "last_name", "phone", "birthday"}));
    EXPECT_EQ(fields_for({"First name", "Last name", "Company", "Job title", "Email", "Phone", "Language", "Birthday",
                          "External id", "Tags", "Owner email"},
                         ImportTarget::People),
              (Strings{"first_name", "last_name", "company", "job_title", "email", "phone", "language", "birthday",
                       "external_id", "tags", "owner_email"}));
    EXPECT_EQ(fields_for({"Surname", "Full name"}, ImportTarget::People), (Strings{"last_name", "full_name"}));
    EXPECT_EQ(fields_for({"Nome e cognome", "Nombre completo", "Nome completo"}, ImportTarget::People),
              (Strings{"full_name", "", ""}));
}

TEST(ColumnMapping, HeaderSpellingDoesNotMatter) {
    for (const std::string h : {"RAZON SOCIAL", "razon_social", "Razón-Social", " razón  social ", "RazonSocial"}) {
        EXPECT_EQ(field_for(h, ImportTarget::Companies), "legal_name") << h;
    }
    EXPECT_EQ(field_for("firstName", ImportTarget::People), "first_name");
    EXPECT_EQ(field_for("last_name", ImportTarget::People), "last_name");
    EXPECT_EQ(field_for("EMAIL", ImportTarget::People), "email");
}

TEST(ColumnMapping, NeverMapsTwoColumnsToTheSameField) {
    const auto s = suggest_mapping({"Telefono", "Cellulare", "Phone", "Email", "E-mail"}, ImportTarget::People);
    ASSERT_EQ(s.size(), 5u);
    EXPECT_EQ(s[0].field, "phone");  // exact and unambiguous: 1.0, and leftmost among equals
    EXPECT_EQ(s[1].field, "");
    EXPECT_EQ(s[1].score, 0.0);
    EXPECT_EQ(s[2].field, "");
    EXPECT_EQ(s[3].field, "email");
    EXPECT_EQ(s[4].field, "");

    // The higher score wins even when it is further right.
    const auto t = suggest_mapping({"Mobile", "Telefono"}, ImportTarget::People);
    EXPECT_EQ(t[0].field, "");
    EXPECT_EQ(t[1].field, "phone");
}

TEST(ColumnMapping, NoDoubleMappingOverEveryKnownHeader) {
    // Every header the tests know, all at once, for both targets: each field at most once.
    const Strings all{"Ragione sociale",
                      "Razón social",
                      "Razão social",
                      "Company name",
                      "P.IVA",
                      "Partita IVA",
                      "CIF",
                      "NIF",
                      "VAT number",
                      "VAT",
                      "Nome",
                      "Nombre",
                      "First name",
                      "Cognome",
                      "Apellidos",
                      "Sobrenome",
                      "Apelido",
                      "Last name",
                      "Surname",
                      "E-mail",
                      "Email",
                      "Correo electrónico",
                      "Posta elettronica",
                      "Telefono",
                      "Teléfono",
                      "Telefone",
                      "Phone",
                      "Cellulare",
                      "Móvil",
                      "Telemóvel",
                      "Città",
                      "Ciudad",
                      "Cidade",
                      "City",
                      "CAP",
                      "Código postal",
                      "Postcode",
                      "ZIP",
                      "PEC",
                      "Indirizzo",
                      "Dirección",
                      "Morada",
                      "Endereço",
                      "Address",
                      "Paese",
                      "País",
                      "Country",
                      "Sito web",
                      "Sitio web",
                      "Website",
                      "Azienda",
                      "Empresa",
                      "Company",
                      "Ruolo",
                      "Cargo",
                      "Job title",
                      "Lingua",
                      "Idioma",
                      "Language",
                      "ID esterno",
                      "External id"};
    for (const ImportTarget target : {ImportTarget::Companies, ImportTarget::People}) {
        const auto suggestions = suggest_mapping(all, target);
        ASSERT_EQ(suggestions.size(), all.size());
        std::set<std::string> seen;
        const auto fields = target_fields(target);
        for (const ColumnSuggestion& s : suggestions) {
            EXPECT_GE(s.score, 0.0);
            EXPECT_LE(s.score, 1.0);
            if (s.field.empty()) {
                EXPECT_EQ(s.score, 0.0);
                continue;
            }
            EXPECT_GE(s.score, kMinSuggestionScore);
            EXPECT_TRUE(seen.insert(s.field).second) << s.field << " mapped twice";
            EXPECT_NE(std::find(fields.begin(), fields.end(), s.field), fields.end()) << s.field;
        }
        EXPECT_GE(seen.size(), 10u);
    }
}

TEST(ColumnMapping, LongerHeadersMatchOnWholeWordsWithLowerScores) {
    EXPECT_EQ(field_for("Telefono ufficio", ImportTarget::Companies), "phone");
    EXPECT_LT(score_for("Telefono ufficio", ImportTarget::Companies), 1.0);
    EXPECT_GE(score_for("Telefono ufficio", ImportTarget::Companies), kMinSuggestionScore);
    EXPECT_EQ(field_for("Email aziendale", ImportTarget::People), "email");
    EXPECT_EQ(field_for("Indirizzo email", ImportTarget::Companies), "email");
    EXPECT_EQ(field_for("Indirizzo e-mail", ImportTarget::Companies), "email");
    EXPECT_EQ(field_for("Indirizzo PEC", ImportTarget::Companies), "pec");
    EXPECT_EQ(field_for("PEC aziendale", ImportTarget::Companies), "pec");
    EXPECT_EQ(field_for("Indirizzo sede legale", ImportTarget::Companies), "address_line");
    EXPECT_EQ(field_for("Telefono azienda", ImportTarget::People), "phone");
    EXPECT_EQ(field_for("Nome azienda", ImportTarget::People), "company");
    EXPECT_EQ(field_for("Nome azienda", ImportTarget::Companies), "legal_name");
    EXPECT_EQ(field_for("Città sede", ImportTarget::Companies), "city");
}

TEST(ColumnMapping, DoesNotMatchInsideWords) {
    EXPECT_EQ(field_for("Capitale sociale", ImportTarget::Companies), "");  // not "CAP"
    EXPECT_EQ(field_for("Hotel", ImportTarget::People), "");                // not "tel"
    EXPECT_EQ(field_for("Idioma", ImportTarget::People), "language");       // not "ID"
    EXPECT_EQ(field_for("Cognome", ImportTarget::People), "last_name");     // not "nome"
}

TEST(ColumnMapping, LeavesUnknownAndEmptyHeadersUnmapped) {
    const auto s = suggest_mapping({"Fatturato 2023", "", "   ", "Note interne"}, ImportTarget::Companies);
    ASSERT_EQ(s.size(), 4u);
    for (const ColumnSuggestion& c : s) {
        EXPECT_EQ(c.field, "") << c.header;
        EXPECT_EQ(c.score, 0.0);
    }
    EXPECT_TRUE(suggest_mapping({}, ImportTarget::People).empty());
}

TEST(ColumnMapping, SuggestsOnlyFieldsOfTheTarget) {
    // People have no VAT id or PEC; companies have no first or last name.
    EXPECT_EQ(field_for("Partita IVA", ImportTarget::People), "");
    EXPECT_EQ(field_for("PEC", ImportTarget::People), "");
    EXPECT_EQ(field_for("Cognome", ImportTarget::Companies), "");
    EXPECT_EQ(field_for("First name", ImportTarget::Companies), "");
    // The same word means the company itself in a companies file, and the employer in a people file.
    EXPECT_EQ(field_for("Azienda", ImportTarget::Companies), "legal_name");
    EXPECT_EQ(field_for("Azienda", ImportTarget::People), "company");
}

TEST(ColumnMapping, AmbiguousNamesScoreLess) {
    EXPECT_DOUBLE_EQ(score_for("Cognome", ImportTarget::People), 1.0);
    EXPECT_LT(score_for("Nome", ImportTarget::People), 1.0);
    EXPECT_EQ(field_for("Name", ImportTarget::People), "full_name");
    EXPECT_LT(score_for("Name", ImportTarget::People), score_for("Full name", ImportTarget::People));
}

TEST(ColumnMapping, TargetVocabularies) {
    const auto companies = target_fields(ImportTarget::Companies);
    const auto people = target_fields(ImportTarget::People);
    EXPECT_EQ(companies.size(), 19u);
    EXPECT_EQ(people.size(), 16u);
    EXPECT_EQ(companies.front(), "external_id");
    EXPECT_EQ(people.back(), "other_phones");  // a column may fill another email or phone
    EXPECT_NE(std::find(companies.begin(), companies.end(), "other_emails"), companies.end());
    EXPECT_NE(std::find(people.begin(), people.end(), "full_name"), people.end());
    EXPECT_EQ(std::find(people.begin(), people.end(), "vat_id"), people.end());
    EXPECT_EQ(to_string(ImportTarget::Companies), "companies");
    EXPECT_EQ(to_string(ImportTarget::People), "people");
}

TEST(ColumnMapping, ASecondEmailOrPhoneColumnMapsToTheOtherEntries) {
    auto s =
        suggest_mapping({"Nome", "Cognome", "Email", "Altra email", "Telefono", "Telefono 2"}, ImportTarget::People);
    ASSERT_EQ(s.size(), 6u);
    EXPECT_EQ(s[2].field, "email");
    EXPECT_EQ(s[3].field, "other_emails");
    EXPECT_EQ(s[4].field, "phone");
    EXPECT_EQ(s[5].field, "other_phones");
}

}  // namespace
}  // namespace rapport::domain::imports
