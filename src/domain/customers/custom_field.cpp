#include "domain/customers/custom_field.hpp"

#include <set>

#include "core/utf8.hpp"

namespace rapport::domain::customers {

FieldDef CustomFieldDef::as_field() const {
    FieldDef f;
    f.name = "custom." + key;
    f.type = type;
    f.required = required;
    f.options = options;
    f.currency = currency;
    f.label = label;
    f.max_length = 2000;
    return f;
}

std::vector<FieldError> validate_custom_field(const CustomFieldDef& def) {
    std::vector<FieldError> errors;
    bool key_ok = !def.key.empty() && def.key.size() <= 40 && def.key[0] >= 'a' && def.key[0] <= 'z';
    for (char c : def.key) key_ok = key_ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    if (!key_ok) errors.push_back(FieldError::localized("/key", "customers.custom_field_key_invalid"));
    if (def.label.empty() || code_points(def.label) > 100)
        errors.push_back(FieldError::localized("/label", "customers.custom_field_label_invalid"));
    static const std::set<FieldType> allowed = {FieldType::Text,   FieldType::LongText,    FieldType::Number,
                                                FieldType::Money,  FieldType::Date,        FieldType::Bool,
                                                FieldType::Select, FieldType::MultiSelect, FieldType::Url,
                                                FieldType::Email,  FieldType::Phone};
    if (!allowed.count(def.type)) {
        errors.push_back(FieldError::localized("/type", "customers.custom_field_type_invalid"));
    }
    const bool has_options = def.type == FieldType::Select || def.type == FieldType::MultiSelect;
    if (has_options) {
        std::set<std::string> seen;
        if (def.options.empty())
            errors.push_back(FieldError::localized("/options", "customers.custom_field_needs_option"));
        for (std::size_t i = 0; i < def.options.size(); ++i) {
            if (def.options[i].empty() || !seen.insert(def.options[i]).second) {
                errors.push_back(
                    FieldError::localized("/options/" + std::to_string(i), "customers.custom_field_option_invalid"));
            }
        }
    } else if (!def.options.empty()) {
        errors.push_back(FieldError::localized("/options", "customers.custom_field_no_options"));
    }
    if (def.type == FieldType::Money) {
        bool ok = def.currency.size() == 3;
        for (char c : def.currency) ok = ok && c >= 'A' && c <= 'Z';
        if (!ok) errors.push_back(FieldError::localized("/currency", "customers.custom_field_currency"));
    }
    return errors;
}

}  // namespace rapport::domain::customers
