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
    if (!key_ok) errors.push_back({"/key", "use 1 to 40 lower-case letters, digits or _, starting with a letter"});
    if (def.label.empty() || code_points(def.label) > 100)
        errors.push_back({"/label", "give a label of 1 to 100 characters"});
    static const std::set<FieldType> allowed = {FieldType::Text,   FieldType::LongText,    FieldType::Number,
                                                FieldType::Money,  FieldType::Date,        FieldType::Bool,
                                                FieldType::Select, FieldType::MultiSelect, FieldType::Url,
                                                FieldType::Email,  FieldType::Phone};
    if (!allowed.count(def.type)) {
        errors.push_back({"/type",
                          "use text, long_text, number, money, date, boolean, select, multi_select, url, "
                          "email or phone"});
    }
    const bool has_options = def.type == FieldType::Select || def.type == FieldType::MultiSelect;
    if (has_options) {
        std::set<std::string> seen;
        if (def.options.empty()) errors.push_back({"/options", "a select field needs at least one option"});
        for (std::size_t i = 0; i < def.options.size(); ++i) {
            if (def.options[i].empty() || !seen.insert(def.options[i]).second) {
                errors.push_back({"/options/" + std::to_string(i), "options must be non-empty and distinct"});
            }
        }
    } else if (!def.options.empty()) {
        errors.push_back({"/options", "only select and multi_select fields have options"});
    }
    if (def.type == FieldType::Money) {
        bool ok = def.currency.size() == 3;
        for (char c : def.currency) ok = ok && c >= 'A' && c <= 'Z';
        if (!ok) errors.push_back({"/currency", "a money field needs an ISO 4217 currency such as EUR"});
    }
    return errors;
}

}  // namespace rapport::domain::customers
