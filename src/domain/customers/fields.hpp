#pragma once
// The catalog of customer fields: the built-in fields of companies and people, and the
// custom field types admins can add. Every write path (API, import, merge) validates and
// normalises values through normalize_value, so a field means the same thing everywhere.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"

namespace rapport::domain::customers {

enum class EntityType { Company, Person };
std::string_view to_string(EntityType type);
std::optional<EntityType> parse_entity_type(std::string_view text);

enum class FieldType {
    Text,
    LongText,
    Number,
    Money,
    Date,  // ISO 8601 calendar date, "1984-03-07"
    Bool,
    Select,
    MultiSelect,
    Url,
    Email,
    Phone,        // stored in E.164
    Country,      // ISO 3166 alpha-2, upper case
    Language,     // ISO 639-1, lower case
    TaxId,        // validated against the record's country
    Reference,    // the id of another record (string in JSON)
    ContactList,  // labelled emails or phones beside the primary one (contact_list.hpp)
};
std::string_view to_string(FieldType type);
std::optional<FieldType> parse_field_type(std::string_view text);

struct FieldDef {
    std::string name;  // the API name; "custom.<key>" never appears here, custom values live apart
    FieldType type = FieldType::Text;
    std::string column;  // SQL column of a built-in field; empty for custom fields
    bool required = false;
    bool personal = false;             // personal data: removed when a person is erased
    std::vector<std::string> options;  // Select / MultiSelect
    std::string currency;              // Money
    std::string label;
    std::size_t max_length = 500;
    FieldType item_type = FieldType::Text;  // ContactList: Email or Phone
    // Select: the option a name stands for ("Manufatturiero" -> "manufacturing"), when the
    // options have names a person may type; and whether other text is kept as written
    // (a coded field that was free text before).
    std::optional<std::string> (*code_of)(std::string_view text) = nullptr;
    bool keeps_other_text = false;
};

const std::vector<FieldDef>& company_fields();
const std::vector<FieldDef>& person_fields();
const std::vector<FieldDef>& fields_of(EntityType type);
const FieldDef* find_field(EntityType type, std::string_view name);

// What normalisation may need to know about the rest of the record.
struct NormalizeContext {
    std::optional<std::string> country;  // ISO2, for phones without a prefix and tax ids
};

// Validates and normalises one value. Null (or an empty string) means "no value" and is
// returned as null. On failure the error message is phrased for the person who typed it.
tl::expected<nlohmann::json, Message> normalize_value(const FieldDef& field, const nlohmann::json& value,
                                                      const NormalizeContext& context);

// Canonical text of a normalised value, for history and provenance ("" for null).
std::string value_text(const nlohmann::json& value);
// The same for an owner or team id ("" for none) and for a tag list ("a, b").
std::string id_text(const std::optional<Id>& id);
std::string join_tags(const std::vector<std::string>& tags);

}  // namespace rapport::domain::customers
