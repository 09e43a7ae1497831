#include "domain/imports/column_mapping.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <numeric>
#include <stdexcept>

namespace rapport::domain::imports {
namespace {

constexpr std::array<std::string_view, 19> kCompanyFields = {
    "external_id", "legal_name", "trade_name",  "vat_id",       "country",      "pec",         "email",
    "phone",       "website",    "industry",    "size",         "address_line", "postal_code", "city",
    "region",      "tags",       "owner_email", "other_emails", "other_phones",
};

constexpr std::array<std::string_view, 16> kPeopleFields = {
    "external_id", "first_name", "last_name", "full_name", "email", "phone",       "language",     "birthday",
    "city",        "country",    "company",   "job_title", "tags",  "owner_email", "other_emails", "other_phones",
};

enum Targets : unsigned { kCompanies = 1, kPeople = 2, kBoth = kCompanies | kPeople };

// One known header. Names are written as people write them; they are normalised once.
// `weight` is the confidence of an exact match: below 1 when the name is ambiguous.
// `generic` names ("Indirizzo", "Name", "Azienda") are weak inside longer headers, where
// they usually qualify another word ("Indirizzo email", "Telefono azienda").
struct Entry {
    std::string_view field;
    unsigned targets;
    std::string_view name;
    double weight = 1.0;
    bool generic = false;
};

constexpr bool G = true;  // marks generic names in the table below

// clang-format off
constexpr Entry kEntries[] = {
    // ---- shared by companies and people ----
    {"external_id", kBoth, "ID esterno"}, {"external_id", kBoth, "External id"},
    {"external_id", kBoth, "ID externo"}, {"external_id", kBoth, "Identificador externo"},
    {"external_id", kBoth, "Codice esterno"}, {"external_id", kBoth, "Código externo"},
    {"external_id", kBoth, "ID", 0.7, G}, {"external_id", kBoth, "Codice", 0.6, G},
    {"external_id", kBoth, "Código", 0.6, G}, {"external_id", kBoth, "Record ID", 0.9},
    {"external_id", kBoth, "Codice cliente", 0.9}, {"external_id", kBoth, "Cod. cliente", 0.9},
    {"external_id", kBoth, "Código cliente", 0.9}, {"external_id", kBoth, "Código de cliente", 0.9},
    {"external_id", kBoth, "ID cliente", 0.9}, {"external_id", kBoth, "Customer ID", 0.9},
    {"external_id", kBoth, "Client ID", 0.9}, {"external_id", kBoth, "Customer number", 0.8},
    {"external_id", kBoth, "Numero cliente", 0.8}, {"external_id", kBoth, "Número de cliente", 0.8},
    {"external_id", kBoth, "Nº cliente", 0.8},

    {"email", kBoth, "Email"}, {"email", kBoth, "Mail", 0.9}, {"email", kBoth, "Email address"},
    {"email", kBoth, "Indirizzo email"}, {"email", kBoth, "Indirizzo mail"},
    {"email", kBoth, "Posta elettronica"}, {"email", kBoth, "Correo electrónico"},
    {"email", kBoth, "Correo", 0.9}, {"email", kBoth, "Dirección de correo"},
    {"email", kBoth, "Dirección de correo electrónico"}, {"email", kBoth, "Dirección de email"},
    {"email", kBoth, "Correio eletrónico"},
    {"email", kBoth, "Correio electrónico"}, {"email", kBoth, "Endereço de email"},
    {"email", kBoth, "Endereço eletrónico"},

    // A second address or number: one more labelled entry beside the primary one.
    {"other_emails", kBoth, "Email 2"}, {"other_emails", kBoth, "Other email"},
    {"other_emails", kBoth, "Altra email"}, {"other_emails", kBoth, "Otro correo"},
    {"other_emails", kBoth, "Outro email"},
    {"other_phones", kBoth, "Phone 2"}, {"other_phones", kBoth, "Telefono 2"}, {"other_phones", kBoth, "Other phone"},
    {"other_phones", kBoth, "Altro telefono"}, {"other_phones", kBoth, "Otro teléfono"},
    {"other_phones", kBoth, "Outro telefone"},
    {"phone", kBoth, "Telefono"}, {"phone", kBoth, "Telefone"}, {"phone", kBoth, "Phone"},
    {"phone", kBoth, "Telephone"}, {"phone", kBoth, "Tel"}, {"phone", kBoth, "Phone number"},
    {"phone", kBoth, "Numero di telefono"}, {"phone", kBoth, "Número de teléfono"},
    {"phone", kBoth, "Número de telefone"}, {"phone", kBoth, "Fone", 0.8},
    {"phone", kBoth, "Cellulare", 0.9}, {"phone", kBoth, "Telefono cellulare", 0.9},
    {"phone", kBoth, "Cell", 0.9}, {"phone", kBoth, "Cellphone", 0.9}, {"phone", kBoth, "Mobile", 0.9},
    {"phone", kBoth, "Mobile phone", 0.9}, {"phone", kBoth, "Móvil", 0.9}, {"phone", kBoth, "Celular", 0.9},
    {"phone", kBoth, "Telemóvel", 0.9},

    {"city", kBoth, "Città"}, {"city", kBoth, "Ciudad"}, {"city", kBoth, "Cidade"}, {"city", kBoth, "City"},
    {"city", kBoth, "Town", 0.9}, {"city", kBoth, "Comune", 0.9}, {"city", kBoth, "Località", 0.9},
    {"city", kBoth, "Localidad", 0.9}, {"city", kBoth, "Localidade", 0.9}, {"city", kBoth, "Locality", 0.9},
    {"city", kBoth, "Municipio", 0.8}, {"city", kBoth, "Población", 0.8}, {"city", kBoth, "Concelho", 0.8},

    {"country", kBoth, "Paese"}, {"country", kBoth, "País"}, {"country", kBoth, "Country"},
    {"country", kBoth, "Nazione"}, {"country", kBoth, "Country code", 0.9}, {"country", kBoth, "Codice paese", 0.9},
    {"country", kBoth, "Código de país", 0.9}, {"country", kBoth, "Código do país", 0.9},
    {"country", kBoth, "Stato", 0.6, G},

    {"tags", kBoth, "Tag"}, {"tags", kBoth, "Tags"}, {"tags", kBoth, "Etichette"}, {"tags", kBoth, "Etichetta"},
    {"tags", kBoth, "Etiquetas"}, {"tags", kBoth, "Etiqueta"}, {"tags", kBoth, "Labels"}, {"tags", kBoth, "Label"},
    {"tags", kBoth, "Categorie", 0.6}, {"tags", kBoth, "Categorías", 0.6},

    {"owner_email", kBoth, "Owner email"}, {"owner_email", kBoth, "Owner"}, {"owner_email", kBoth, "Record owner"},
    {"owner_email", kBoth, "Account owner"}, {"owner_email", kBoth, "Account manager", 0.9},
    {"owner_email", kBoth, "Email responsabile"}, {"owner_email", kBoth, "Responsabile"},
    {"owner_email", kBoth, "Commerciale", 0.8}, {"owner_email", kBoth, "Agente", 0.8},
    {"owner_email", kBoth, "Venditore", 0.8}, {"owner_email", kBoth, "Assegnato a", 0.9},
    {"owner_email", kBoth, "Responsable"}, {"owner_email", kBoth, "Email responsable"},
    {"owner_email", kBoth, "Propietario"}, {"owner_email", kBoth, "Comercial", 0.8},
    {"owner_email", kBoth, "Vendedor", 0.8}, {"owner_email", kBoth, "Asignado a", 0.9},
    {"owner_email", kBoth, "Gestor de cuenta", 0.9}, {"owner_email", kBoth, "Proprietário"},
    {"owner_email", kBoth, "Gestor", 0.8}, {"owner_email", kBoth, "Gestor de conta", 0.9},
    {"owner_email", kBoth, "Atribuído a", 0.9}, {"owner_email", kBoth, "Assigned to", 0.9},
    {"owner_email", kBoth, "Sales rep", 0.8},

    // ---- companies ----
    {"legal_name", kCompanies, "Ragione sociale"}, {"legal_name", kCompanies, "Razón social"},
    {"legal_name", kCompanies, "Razão social"}, {"legal_name", kCompanies, "Company name"},
    {"legal_name", kCompanies, "Legal name"}, {"legal_name", kCompanies, "Denominazione", 0.9},
    {"legal_name", kCompanies, "Denominazione sociale"}, {"legal_name", kCompanies, "Denominación", 0.9},
    {"legal_name", kCompanies, "Denominación social"}, {"legal_name", kCompanies, "Denominação", 0.9},
    {"legal_name", kCompanies, "Denominação social"}, {"legal_name", kCompanies, "Nome azienda"},
    {"legal_name", kCompanies, "Nombre de la empresa"}, {"legal_name", kCompanies, "Nombre empresa"},
    {"legal_name", kCompanies, "Nome da empresa"}, {"legal_name", kCompanies, "Nome empresa"},
    {"legal_name", kCompanies, "Company", 0.9, G}, {"legal_name", kCompanies, "Azienda", 0.9, G},
    {"legal_name", kCompanies, "Empresa", 0.9, G}, {"legal_name", kCompanies, "Società", 0.9, G},
    {"legal_name", kCompanies, "Sociedad", 0.8, G}, {"legal_name", kCompanies, "Ditta", 0.9, G},
    {"legal_name", kCompanies, "Organization", 0.9, G}, {"legal_name", kCompanies, "Organisation", 0.9, G},
    {"legal_name", kCompanies, "Organizzazione", 0.9, G}, {"legal_name", kCompanies, "Account name", 0.9},
    {"legal_name", kCompanies, "Business name", 0.8}, {"legal_name", kCompanies, "Account", 0.7, G},
    {"legal_name", kCompanies, "Cliente", 0.6, G}, {"legal_name", kCompanies, "Name", 0.7, G},
    {"legal_name", kCompanies, "Nome", 0.7, G}, {"legal_name", kCompanies, "Nombre", 0.7, G},

    {"trade_name", kCompanies, "Trade name"}, {"trade_name", kCompanies, "Nome commerciale"},
    {"trade_name", kCompanies, "Nombre comercial"}, {"trade_name", kCompanies, "Nome comercial"},
    {"trade_name", kCompanies, "Nome fantasia"}, {"trade_name", kCompanies, "Doing business as"},
    {"trade_name", kCompanies, "DBA", 0.8}, {"trade_name", kCompanies, "Insegna", 0.8},
    {"trade_name", kCompanies, "Brand", 0.7}, {"trade_name", kCompanies, "Marca", 0.7},
    {"trade_name", kCompanies, "Marchio", 0.7},

    {"vat_id", kCompanies, "P.IVA"}, {"vat_id", kCompanies, "Partita IVA"}, {"vat_id", kCompanies, "CIF"},
    {"vat_id", kCompanies, "NIF"}, {"vat_id", kCompanies, "NIF/CIF"}, {"vat_id", kCompanies, "CIF/NIF"},
    {"vat_id", kCompanies, "NIPC"}, {"vat_id", kCompanies, "NIF-IVA"}, {"vat_id", kCompanies, "VAT number"},
    {"vat_id", kCompanies, "VAT"}, {"vat_id", kCompanies, "VAT ID"}, {"vat_id", kCompanies, "VAT no"},
    {"vat_id", kCompanies, "Número de IVA"}, {"vat_id", kCompanies, "Número de contribuinte", 0.9},
    {"vat_id", kCompanies, "Contribuinte", 0.9}, {"vat_id", kCompanies, "Tax ID", 0.9},
    {"vat_id", kCompanies, "CNPJ", 0.9}, {"vat_id", kCompanies, "P.IVA/C.F.", 0.9},
    {"vat_id", kCompanies, "Codice fiscale", 0.6}, {"vat_id", kCompanies, "IVA", 0.6, G},

    {"pec", kCompanies, "PEC"}, {"pec", kCompanies, "Email PEC"}, {"pec", kCompanies, "PEC email"},
    {"pec", kCompanies, "Indirizzo PEC"}, {"pec", kCompanies, "Posta elettronica certificata"},

    {"website", kCompanies, "Sito web"}, {"website", kCompanies, "Sitio web"}, {"website", kCompanies, "Website"},
    {"website", kCompanies, "Sito internet"},
    {"website", kCompanies, "Página web"}, {"website", kCompanies, "Homepage"}, {"website", kCompanies, "URL", 0.9},
    {"website", kCompanies, "Sito", 0.8, G}, {"website", kCompanies, "Sitio", 0.8, G},
    {"website", kCompanies, "Site", 0.8, G}, {"website", kCompanies, "Web", 0.8, G},

    {"industry", kCompanies, "Settore"}, {"industry", kCompanies, "Sector"}, {"industry", kCompanies, "Setor"},
    {"industry", kCompanies, "Industry"}, {"industry", kCompanies, "Industria", 0.9},
    {"industry", kCompanies, "Settore merceologico"},
    {"industry", kCompanies, "Ramo", 0.8}, {"industry", kCompanies, "Ramo de actividad"},
    {"industry", kCompanies, "Ramo de atividade"}, {"industry", kCompanies, "Actividad", 0.7},
    {"industry", kCompanies, "Atividade", 0.7}, {"industry", kCompanies, "Attività", 0.7},
    {"industry", kCompanies, "Business type", 0.8},

    {"size", kCompanies, "Dimensione"}, {"size", kCompanies, "Tamaño"}, {"size", kCompanies, "Tamanho"},
    {"size", kCompanies, "Size"}, {"size", kCompanies, "Company size"}, {"size", kCompanies, "Dimensione azienda"},
    {"size", kCompanies, "Tamaño de empresa"}, {"size", kCompanies, "Fascia dipendenti", 0.9},
    {"size", kCompanies, "Employees", 0.8}, {"size", kCompanies, "Number of employees", 0.8},
    {"size", kCompanies, "Dipendenti", 0.8}, {"size", kCompanies, "Numero dipendenti", 0.8},
    {"size", kCompanies, "Empleados", 0.8}, {"size", kCompanies, "Número de empleados", 0.8},
    {"size", kCompanies, "Funcionários", 0.8}, {"size", kCompanies, "Número de funcionários", 0.8},

    {"address_line", kCompanies, "Indirizzo", 1.0, G}, {"address_line", kCompanies, "Dirección", 1.0, G},
    {"address_line", kCompanies, "Morada", 1.0, G}, {"address_line", kCompanies, "Endereço", 1.0, G},
    {"address_line", kCompanies, "Address", 1.0, G}, {"address_line", kCompanies, "Street"},
    {"address_line", kCompanies, "Street address"}, {"address_line", kCompanies, "Address line 1"},
    {"address_line", kCompanies, "Address 1"}, {"address_line", kCompanies, "Via", 0.8, G},
    {"address_line", kCompanies, "Calle", 0.8, G}, {"address_line", kCompanies, "Rua", 0.8, G},
    {"address_line", kCompanies, "Logradouro", 0.9}, {"address_line", kCompanies, "Domicilio", 0.9},
    {"address_line", kCompanies, "Sede legale", 0.7},

    {"postal_code", kCompanies, "CAP"}, {"postal_code", kCompanies, "Código postal"},
    {"postal_code", kCompanies, "Cod. postal"}, {"postal_code", kCompanies, "Postcode"},
    {"postal_code", kCompanies, "Postal code"}, {"postal_code", kCompanies, "ZIP"},
    {"postal_code", kCompanies, "ZIP code"}, {"postal_code", kCompanies, "CEP"},
    {"postal_code", kCompanies, "C.P.", 0.9},

    {"region", kCompanies, "Regione"}, {"region", kCompanies, "Região"},
    {"region", kCompanies, "Region"}, {"region", kCompanies, "State/Province"},
    {"region", kCompanies, "Provincia", 0.9},
    {"region", kCompanies, "Prov", 0.8}, {"region", kCompanies, "State", 0.8, G},
    {"region", kCompanies, "Estado", 0.8, G}, {"region", kCompanies, "Distrito", 0.8},
    {"region", kCompanies, "County", 0.8}, {"region", kCompanies, "Comunidad autónoma", 0.9},

    // ---- people ----
    {"first_name", kPeople, "First name"}, {"first_name", kPeople, "Given name"},
    {"first_name", kPeople, "Primeiro nome"}, {"first_name", kPeople, "Primer nombre", 0.9},
    {"first_name", kPeople, "Nome", 0.9, G}, {"first_name", kPeople, "Nombre", 0.9, G},

    {"last_name", kPeople, "Cognome"}, {"last_name", kPeople, "Apellido"}, {"last_name", kPeople, "Apellidos"},
    {"last_name", kPeople, "Primer apellido", 0.9},
    {"last_name", kPeople, "Sobrenome"}, {"last_name", kPeople, "Apelido"}, {"last_name", kPeople, "Apelidos"},
    {"last_name", kPeople, "Último nome", 0.9}, {"last_name", kPeople, "Last name"},
    {"last_name", kPeople, "Surname"}, {"last_name", kPeople, "Family name"},

    {"full_name", kPeople, "Full name"}, {"full_name", kPeople, "Nome completo"},
    {"full_name", kPeople, "Nombre completo"}, {"full_name", kPeople, "Nominativo"},
    {"full_name", kPeople, "Nome e cognome"}, {"full_name", kPeople, "Nome cognome"},
    {"full_name", kPeople, "Cognome e nome"}, {"full_name", kPeople, "Nombre y apellidos"},
    {"full_name", kPeople, "Nombre y apellido"}, {"full_name", kPeople, "Contact name", 0.9},
    {"full_name", kPeople, "Nome contatto", 0.9}, {"full_name", kPeople, "Nombre de contacto", 0.9},
    {"full_name", kPeople, "Nome do contacto", 0.9}, {"full_name", kPeople, "Nome do contato", 0.9},
    {"full_name", kPeople, "Name", 0.8, G}, {"full_name", kPeople, "Contatto", 0.7, G},
    {"full_name", kPeople, "Contacto", 0.7, G}, {"full_name", kPeople, "Contato", 0.7, G},
    {"full_name", kPeople, "Contact", 0.7, G}, {"full_name", kPeople, "Referente", 0.7, G},

    {"language", kPeople, "Lingua"}, {"language", kPeople, "Idioma"}, {"language", kPeople, "Language"},
    {"language", kPeople, "Lingua preferita"}, {"language", kPeople, "Idioma preferido"},
    {"language", kPeople, "Preferred language"}, {"language", kPeople, "Lang", 0.9},
    {"language", kPeople, "Locale", 0.8},

    {"birthday", kPeople, "Data di nascita"}, {"birthday", kPeople, "Fecha de nacimiento"},
    {"birthday", kPeople, "Data de nascimento"}, {"birthday", kPeople, "Birthday"},
    {"birthday", kPeople, "Birth date"}, {"birthday", kPeople, "Date of birth"},
    {"birthday", kPeople, "DOB", 0.9}, {"birthday", kPeople, "Compleanno"}, {"birthday", kPeople, "Cumpleaños"},
    {"birthday", kPeople, "Aniversário", 0.8}, {"birthday", kPeople, "Nascita", 0.8},
    {"birthday", kPeople, "Nacimiento", 0.8}, {"birthday", kPeople, "Nascimento", 0.8},

    {"company", kPeople, "Azienda", 1.0, G}, {"company", kPeople, "Empresa", 1.0, G},
    {"company", kPeople, "Company", 1.0, G}, {"company", kPeople, "Company name"},
    {"company", kPeople, "Nome azienda"}, {"company", kPeople, "Nombre de la empresa"},
    {"company", kPeople, "Nombre empresa"}, {"company", kPeople, "Nome da empresa"},
    {"company", kPeople, "Nome empresa"}, {"company", kPeople, "Ragione sociale", 0.9},
    {"company", kPeople, "Razón social", 0.9}, {"company", kPeople, "Razão social", 0.9},
    {"company", kPeople, "Organization", 0.9, G}, {"company", kPeople, "Organisation", 0.9, G},
    {"company", kPeople, "Organizzazione", 0.9, G}, {"company", kPeople, "Organización", 0.9, G},
    {"company", kPeople, "Organização", 0.9, G}, {"company", kPeople, "Società", 0.9, G},
    {"company", kPeople, "Ditta", 0.9, G}, {"company", kPeople, "Account name", 0.8},
    {"company", kPeople, "Account", 0.7, G}, {"company", kPeople, "Employer", 0.8},
    {"company", kPeople, "Datore di lavoro", 0.8}, {"company", kPeople, "Cliente", 0.6, G},

    {"job_title", kPeople, "Ruolo"}, {"job_title", kPeople, "Cargo"}, {"job_title", kPeople, "Job title"},
    {"job_title", kPeople, "Role", 0.9}, {"job_title", kPeople, "Position", 0.9}, {"job_title", kPeople, "Puesto", 0.9},
    {"job_title", kPeople, "Mansione", 0.9}, {"job_title", kPeople, "Posizione", 0.8},
    {"job_title", kPeople, "Funzione", 0.8}, {"job_title", kPeople, "Qualifica", 0.8},
    {"job_title", kPeople, "Función", 0.8}, {"job_title", kPeople, "Função", 0.8}, {"job_title", kPeople, "Job", 0.8},
    {"job_title", kPeople, "Title", 0.7, G}, {"job_title", kPeople, "Professione", 0.7},
    {"job_title", kPeople, "Profesión", 0.7}, {"job_title", kPeople, "Profissão", 0.7},
    {"job_title", kPeople, "Occupation", 0.7},
};
// clang-format on

// Latin-1 Supplement letters U+00C0-U+00FF without their accents; "" for × and ÷.
constexpr std::array<std::string_view, 64> kLatin1Fold = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
};

// A normalised header and the offsets in it where its words begin and end (after a removed
// space or punctuation, or at a camelCase step), so that a known name is only found inside a
// longer header as whole words ("cap" is not in "capitale sociale").
struct Normalized {
    std::string text;
    std::vector<std::size_t> boundaries;

    bool is_boundary(std::size_t offset) const {
        return std::find(boundaries.begin(), boundaries.end(), offset) != boundaries.end();
    }
};

// Decodes the UTF-8 sequence at s[i]; returns its code point and sets `length`, or returns
// -1 (length 1) for a byte that does not start a well-formed sequence.
long decode_utf8(std::string_view s, std::size_t i, std::size_t& length) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    length = 1;
    std::size_t extra = 0;
    long cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        extra = 1;
        cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        extra = 2;
        cp = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        extra = 3;
        cp = lead & 0x07;
    } else {
        return -1;
    }
    if (i + extra >= s.size()) return -1;
    for (std::size_t k = 1; k <= extra; ++k) {
        const unsigned char b = byte(i + k);
        if ((b & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (b & 0x3F);
    }
    length = extra + 1;
    return cp;
}

Normalized normalize(std::string_view header) {
    Normalized n;
    n.text.reserve(header.size());
    n.boundaries.push_back(0);
    const auto boundary = [&n] {
        if (n.boundaries.back() != n.text.size()) n.boundaries.push_back(n.text.size());
    };
    bool prev_lower = false;  // for camelCase steps ("firstName")
    std::size_t i = 0;
    while (i < header.size()) {
        const auto c = static_cast<unsigned char>(header[i]);
        if (c < 0x80) {
            const bool upper = c >= 'A' && c <= 'Z';
            const bool lower = c >= 'a' && c <= 'z';
            const bool digit = c >= '0' && c <= '9';
            if (upper || lower || digit) {
                if (upper && prev_lower) boundary();
                n.text.push_back(upper ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
                prev_lower = lower;
            } else {
                boundary();
                prev_lower = false;
            }
            ++i;
            continue;
        }
        std::size_t length = 1;
        const long cp = decode_utf8(header, i, length);
        if (cp >= 0x0300 && cp <= 0x036F) {
            // A combining accent (decomposed text): part of the letter before it.
        } else if (cp >= 0x00C0 && cp <= 0x00FF) {
            const std::string_view folded = kLatin1Fold[static_cast<std::size_t>(cp - 0x00C0)];
            if (folded.empty()) {
                boundary();
            } else {
                n.text.append(folded);
            }
            prev_lower = cp >= 0x00DF;
        } else if (cp == 0x00AA || cp == 0x00BA || cp == 0x00B0) {  // ª º and the ° used for º ("N°")
            n.text.push_back(cp == 0x00AA ? 'a' : 'o');
            prev_lower = true;
        } else if (cp == 0x0152 || cp == 0x0153) {
            n.text.append("oe");
            prev_lower = cp == 0x0153;
        } else if (cp == 0x0160 || cp == 0x0161 || cp == 0x017D || cp == 0x017E || cp == 0x0178) {
            n.text.push_back(cp == 0x0178 ? 'y' : (cp <= 0x0161 ? 's' : 'z'));
            prev_lower = cp == 0x0161 || cp == 0x017E;
        } else if (cp == 0xFEFF || cp == 0x200B) {
            // A stray byte order mark or zero-width space: invisible, ignored.
        } else if (cp < 0x00C0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000) {
            // Latin-1 symbols, no-break space, invalid bytes, typographic punctuation and spaces.
            boundary();
            prev_lower = false;
        } else {
            n.text.append(header.substr(i, length));  // another script: kept as is
            prev_lower = false;
        }
        i += length;
    }
    boundary();
    return n;
}

struct Prepared {
    std::string_view field;
    unsigned targets;
    std::string name;  // normalised
    double weight;
    bool generic;
};

unsigned mask_of(ImportTarget target) {
    return target == ImportTarget::Companies ? kCompanies : kPeople;
}

// The table, normalised once. Checks its own consistency: a name that means two fields for
// the same target, or a field the target does not have, is a bug in the table above.
const std::vector<Prepared>& prepared_entries() {
    static const std::vector<Prepared> entries = [] {
        std::vector<Prepared> out;
        out.reserve(std::size(kEntries));
        for (const Entry& e : kEntries) {
            for (const ImportTarget t : {ImportTarget::Companies, ImportTarget::People}) {
                if ((e.targets & mask_of(t)) == 0) continue;
                const auto fields = target_fields(t);
                if (std::find(fields.begin(), fields.end(), e.field) == fields.end()) {
                    throw std::logic_error("column mapping table: " + std::string(e.field) + " is not a field of " +
                                           std::string(to_string(t)));
                }
            }
            Prepared p{e.field, e.targets, normalize(e.name).text, e.weight, e.generic};
            for (const Prepared& other : out) {
                if (other.name == p.name && (other.targets & p.targets) != 0) {
                    throw std::logic_error("column mapping table: \"" + std::string(e.name) + "\" is listed twice");
                }
            }
            out.push_back(std::move(p));
        }
        return out;
    }();
    return entries;
}

struct Match {
    std::string_view field;
    double score = 0.0;
};

// True when `name` occurs in `header` starting and ending on word boundaries.
bool contains_as_words(const Normalized& header, const std::string& name) {
    for (std::size_t at = header.text.find(name); at != std::string::npos; at = header.text.find(name, at + 1)) {
        if (header.is_boundary(at) && header.is_boundary(at + name.size())) return true;
    }
    return false;
}

Match best_match(const Normalized& header, unsigned mask) {
    Match best;
    if (header.text.empty()) return best;
    for (const Prepared& e : prepared_entries()) {
        if ((e.targets & mask) == 0) continue;
        double score = 0.0;
        if (e.name == header.text) {
            score = e.weight;
        } else if (e.name.size() < header.text.size() && contains_as_words(header, e.name)) {
            // Inside a longer header: weaker, a little stronger the more of the header it covers.
            const double coverage = static_cast<double>(e.name.size()) / static_cast<double>(header.text.size());
            score = e.weight * ((e.generic ? 0.5 : 0.7) + 0.15 * coverage);
        }
        if (score > best.score) best = {e.field, score};
    }
    return best;
}

}  // namespace

std::string_view to_string(ImportTarget target) {
    return target == ImportTarget::Companies ? "companies" : "people";
}

std::span<const std::string_view> target_fields(ImportTarget target) {
    if (target == ImportTarget::Companies) return kCompanyFields;
    return kPeopleFields;
}

std::string normalize_header(std::string_view header) {
    return normalize(header).text;
}

std::vector<ColumnSuggestion> suggest_mapping(const std::vector<std::string>& headers, ImportTarget target) {
    std::vector<ColumnSuggestion> out(headers.size());
    std::vector<Match> matches(headers.size());
    const unsigned mask = mask_of(target);
    for (std::size_t i = 0; i < headers.size(); ++i) {
        out[i].column = i;
        out[i].header = headers[i];
        matches[i] = best_match(normalize(headers[i]), mask);
    }
    // Highest score first; stable, so on a tie the leftmost column wins.
    std::vector<std::size_t> order(headers.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return matches[a].score > matches[b].score; });
    std::vector<std::string_view> taken;
    for (const std::size_t i : order) {
        const Match& m = matches[i];
        if (m.score < kMinSuggestionScore) break;
        if (std::find(taken.begin(), taken.end(), m.field) != taken.end()) continue;
        taken.push_back(m.field);
        out[i].field = std::string(m.field);
        out[i].score = std::min(1.0, m.score);
    }
    return out;
}

}  // namespace rapport::domain::imports
