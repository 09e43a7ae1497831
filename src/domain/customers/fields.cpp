#include "domain/customers/fields.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "core/utf8.hpp"
#include "domain/customers/contact_list.hpp"
#include "domain/customers/industries.hpp"
#include "domain/customers/phone.hpp"
#include "domain/customers/tax_id.hpp"
#include "domain/identity/validation.hpp"

namespace rapport::domain::customers {

std::string_view to_string(EntityType type) {
    return type == EntityType::Company ? "company" : "person";
}

std::optional<EntityType> parse_entity_type(std::string_view text) {
    if (text == "company") return EntityType::Company;
    if (text == "person") return EntityType::Person;
    return std::nullopt;
}

namespace {
constexpr std::pair<FieldType, std::string_view> kTypeNames[] = {
    {FieldType::Text, "text"},
    {FieldType::LongText, "long_text"},
    {FieldType::Number, "number"},
    {FieldType::Money, "money"},
    {FieldType::Date, "date"},
    {FieldType::Bool, "boolean"},
    {FieldType::Select, "select"},
    {FieldType::MultiSelect, "multi_select"},
    {FieldType::Url, "url"},
    {FieldType::Email, "email"},
    {FieldType::Phone, "phone"},
    {FieldType::Country, "country"},
    {FieldType::Language, "language"},
    {FieldType::TaxId, "tax_id"},
    {FieldType::Reference, "reference"},
    {FieldType::ContactList, "contact_list"},
};

FieldDef text(std::string name, std::string column, bool required = false, bool personal = false) {
    FieldDef f;
    f.name = std::move(name);
    f.column = std::move(column);
    f.required = required;
    f.personal = personal;
    return f;
}
FieldDef typed(std::string name, FieldType type, bool personal = false) {
    FieldDef f = text(name, name, false, personal);
    f.type = type;
    return f;
}
FieldDef contacts(std::string name, FieldType item, bool personal = false) {
    FieldDef f = typed(std::move(name), FieldType::ContactList, personal);
    f.item_type = item;
    return f;
}
FieldDef select(std::string name, std::vector<std::string> options) {
    FieldDef f = typed(std::move(name), FieldType::Select);
    f.options = std::move(options);
    return f;
}

// ISO 3166-1 alpha-2 codes (officially assigned).
const std::set<std::string>& countries() {
    static const std::set<std::string> codes = [] {
        const char* all =
            "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW "
            "BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI "
            "FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN "
            "IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME "
            "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF "
            "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
            "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE "
            "YT ZA ZM ZW";
        std::set<std::string> out;
        for (std::string_view s = all; !s.empty();) {
            out.emplace(s.substr(0, 2));
            s.remove_prefix(std::min<std::size_t>(3, s.size()));
        }
        return out;
    }();
    return codes;
}

bool is_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    const int y = std::stoi(std::string(s.substr(0, 4)));
    const int m = std::stoi(std::string(s.substr(5, 2)));
    const int d = std::stoi(std::string(s.substr(8, 2)));
    if (m < 1 || m > 12 || d < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}
std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

using Outcome = tl::expected<nlohmann::json, Message>;
Outcome bad(std::string message) {
    return tl::unexpected(Message{std::move(message)});
}
Outcome bad(Message message) {
    return tl::unexpected(std::move(message));
}
// A message of the catalogue (src/core/messages.json, src/domain/customers/messages.json).
Outcome bad_msg(std::string key, MessageArgs args = {}) {
    return tl::unexpected(Message::localized(std::move(key), std::move(args)));
}

}  // namespace

std::string_view to_string(FieldType type) {
    for (const auto& [t, name] : kTypeNames) {
        if (t == type) return name;
    }
    return "text";
}

std::optional<FieldType> parse_field_type(std::string_view text) {
    for (const auto& [t, name] : kTypeNames) {
        if (name == text) return t;
    }
    return std::nullopt;
}

const std::vector<FieldDef>& company_fields() {
    static const std::vector<FieldDef> fields = [] {
        std::vector<FieldDef> f;
        f.push_back(text("legal_name", "legal_name", true));
        f.push_back(text("trade_name", "trade_name"));
        auto country = typed("country", FieldType::Country);
        country.required = true;
        f.push_back(country);
        f.push_back(typed("vat_id", FieldType::TaxId));
        f.push_back(typed("pec", FieldType::Email));
        f.push_back(typed("email", FieldType::Email));
        f.push_back(typed("phone", FieldType::Phone));
        f.push_back(contacts("other_emails", FieldType::Email));
        f.push_back(contacts("other_phones", FieldType::Phone));
        f.push_back(typed("website", FieldType::Url));
        auto industry = select("industry", industry_codes());
        industry.code_of = industry_code;
        industry.keeps_other_text = true;
        f.push_back(industry);
        f.push_back(select("size", {"1-10", "11-50", "51-200", "201-1000", "1000+"}));
        f.push_back(select("market", {"b2b", "b2c"}));
        f.push_back(text("address_line", "address_line"));
        f.push_back(text("postal_code", "postal_code"));
        f.push_back(text("city", "city"));
        f.push_back(text("region", "region"));
        f.push_back(select("buyer_kind", {"reseller", "distributor", "retailer"}));
        f.push_back(text("external_id", "external_id"));
        return f;
    }();
    return fields;
}

const std::vector<FieldDef>& person_fields() {
    static const std::vector<FieldDef> fields = [] {
        std::vector<FieldDef> f;
        f.push_back(text("first_name", "first_name", true, true));
        f.push_back(text("last_name", "last_name", true, true));
        f.push_back(typed("email", FieldType::Email, true));
        f.push_back(typed("phone", FieldType::Phone, true));
        f.push_back(contacts("other_emails", FieldType::Email, true));
        f.push_back(contacts("other_phones", FieldType::Phone, true));
        f.push_back(typed("language", FieldType::Language));
        f.push_back(typed("birthday", FieldType::Date, true));
        f.push_back(text("city", "city", false, true));
        f.push_back(typed("country", FieldType::Country));
        f.push_back(select("kind", {"b2b_contact", "b2c_consumer"}));
        f.push_back(typed("buyer_company_id", FieldType::Reference));
        f.push_back(text("external_id", "external_id"));
        return f;
    }();
    return fields;
}

const std::vector<FieldDef>& fields_of(EntityType type) {
    return type == EntityType::Company ? company_fields() : person_fields();
}

const FieldDef* find_field(EntityType type, std::string_view name) {
    for (const auto& f : fields_of(type)) {
        if (f.name == name) return &f;
    }
    return nullptr;
}

std::string value_text(const nlohmann::json& value) {
    if (value.is_null()) return "";
    if (value.is_string()) return value.get<std::string>();
    return value.dump();
}

std::string id_text(const std::optional<Id>& id) {
    return id ? id_to_string(*id) : "";
}

std::string join_tags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags) out += (out.empty() ? "" : ", ") + t;
    return out;
}

tl::expected<nlohmann::json, Message> normalize_value(const FieldDef& field, const nlohmann::json& value,
                                                      const NormalizeContext& context) {
    if (field.type == FieldType::ContactList) {
        auto list = normalize_contact_list(field.item_type, value, context);
        if (!list) return bad(list.error().message);
        return *list;
    }
    if (value.is_null() || (value.is_string() && trim(value.get<std::string>()).empty())) {
        if (field.required) return bad_msg("common.required");
        return nlohmann::json(nullptr);
    }
    auto need_string = [&]() -> std::optional<std::string> {
        if (!value.is_string()) return std::nullopt;
        return trim(value.get<std::string>());
    };
    switch (field.type) {
        case FieldType::Text:
        case FieldType::LongText: {
            auto s = need_string();
            if (!s) return bad_msg("common.must_be_text");
            // A NUL or other control byte is never meant in a value (PostgreSQL cannot even
            // store a NUL); line breaks and tabs are text.
            if (std::any_of(s->begin(), s->end(), [](char ch) {
                    const auto c = static_cast<unsigned char>(ch);
                    return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f;
                })) {
                return bad_msg("common.no_control_characters");
            }
            const std::size_t max = field.type == FieldType::LongText ? 100000 : field.max_length;
            if (code_points(*s) > max) return bad_msg("common.too_long", {{"max", std::to_string(max)}});
            return nlohmann::json(*s);
        }
        case FieldType::Number:
        case FieldType::Money: {
            if (!value.is_number()) return bad_msg("common.must_be_number");
            const double d = value.get<double>();
            if (!std::isfinite(d)) return bad_msg("common.must_be_finite_number");
            return value;
        }
        case FieldType::Date: {
            auto s = need_string();
            if (!s || !is_iso_date(*s)) return bad_msg("common.must_be_date");
            return nlohmann::json(*s);
        }
        case FieldType::Bool:
            if (!value.is_boolean()) return bad_msg("common.must_be_bool");
            return value;
        case FieldType::Select: {
            auto s = need_string();
            if (s && std::find(field.options.begin(), field.options.end(), *s) == field.options.end()) {
                if (auto code = field.code_of ? field.code_of(*s) : std::nullopt) return nlohmann::json(*code);
                if (field.keeps_other_text) {
                    FieldDef as_text = field;
                    as_text.type = FieldType::Text;
                    return normalize_value(as_text, value, context);
                }
            }
            if (!s || std::find(field.options.begin(), field.options.end(), *s) == field.options.end()) {
                std::string list;
                for (const auto& o : field.options) list += (list.empty() ? "" : ", ") + o;
                return bad_msg("common.one_of", {{"options", list}});
            }
            return nlohmann::json(*s);
        }
        case FieldType::MultiSelect: {
            if (!value.is_array()) return bad_msg("common.list_of_options");
            std::set<std::string> chosen;
            for (const auto& v : value) {
                if (!v.is_string() || std::find(field.options.begin(), field.options.end(), v.get<std::string>()) ==
                                          field.options.end()) {
                    return bad_msg("common.every_choice_an_option");
                }
                chosen.insert(v.get<std::string>());
            }
            return nlohmann::json(std::vector<std::string>(chosen.begin(), chosen.end()));
        }
        case FieldType::Url: {
            auto s = need_string();
            if (!s || s->find(' ') != std::string::npos || s->find('.') == std::string::npos) {
                return bad_msg("common.url_invalid");
            }
            std::string url = *s;
            if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) url = "https://" + url;
            return nlohmann::json(url);
        }
        case FieldType::Email: {
            auto s = need_string();
            auto email = s ? normalize_email(*s) : std::nullopt;
            if (!email) return bad_msg("common.email_invalid");
            return nlohmann::json(*email);
        }
        case FieldType::Phone: {
            auto s = need_string();
            if (!s) return bad_msg("common.must_be_text");
            auto e164 = to_e164(*s, context.country);
            if (!e164) return bad(e164.error());
            return nlohmann::json(*e164);
        }
        case FieldType::Country: {
            auto s = need_string();
            const std::string code = s ? upper(*s) : "";
            if (!countries().count(code)) return bad_msg("common.country_invalid");
            return nlohmann::json(code);
        }
        case FieldType::Language: {
            auto s = need_string();
            const std::string code = s ? lower(*s) : "";
            if (code.size() != 2 || !std::isalpha(static_cast<unsigned char>(code[0])) ||
                !std::isalpha(static_cast<unsigned char>(code[1]))) {
                return bad_msg("common.language_invalid");
            }
            return nlohmann::json(code);
        }
        case FieldType::TaxId: {
            auto s = need_string();
            if (!s) return bad_msg("common.must_be_text");
            if (!context.country) return bad_msg("customers.tax_id_needs_country");
            const auto check = check_tax_id(*context.country, *s);
            if (!check.valid) return bad(Message{check.reason, check.reason_key, check.reason_args});
            return nlohmann::json(check.normalized);
        }
        case FieldType::Reference: {
            auto s = need_string();
            if (!s || s->empty() || s->find_first_not_of("0123456789") != std::string::npos) {
                return bad_msg("common.record_id_invalid");
            }
            return nlohmann::json(*s);
        }
        case FieldType::ContactList: break;  // above
    }
    return bad("unsupported field type");
}

}  // namespace rapport::domain::customers
