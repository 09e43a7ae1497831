#include "domain/imports/import_mapping.hpp"
#include "core/json_pointer.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>

namespace rapport::domain::imports {

using customers::CustomFieldDef;
using customers::EntityType;
using customers::FieldType;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxLabel = 200;

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
    std::string out;
    for (const auto& i : items) {
        if (!out.empty()) out += separator;
        out += i;
    }
    return out;
}

std::string trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

std::string lower_ascii(std::string s) {
    for (auto& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

std::optional<std::size_t> parse_index(std::string_view text) {
    if (text.empty() || text.size() > 6) return std::nullopt;
    std::size_t value = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string what(EntityType type) {
    return type == EntityType::Company ? "company" : "person";
}

// The type a target's cells are read as, or nullopt for an unknown target.
std::optional<FieldType> target_type(EntityType type, const std::string& target,
                                     const std::vector<CustomFieldDef>& custom_defs) {
    if (target == "tags") return FieldType::Text;
    if (target == "full_name") {
        if (type == EntityType::Person) return FieldType::Text;
        return std::nullopt;
    }
    if (target.rfind("custom.", 0) == 0) {
        const std::string key = target.substr(7);
        for (const auto& d : custom_defs) {
            if (d.key == key) return d.type;
        }
        return std::nullopt;
    }
    if (const auto* def = customers::find_field(type, target)) return def->type;
    return std::nullopt;
}

std::string targets_hint(EntityType type, const std::vector<CustomFieldDef>& custom_defs) {
    std::vector<std::string> names;
    for (const auto& f : customers::fields_of(type)) names.push_back(f.name);
    if (type == EntityType::Person) names.push_back("full_name");
    names.push_back("tags");
    for (const auto& d : custom_defs) names.push_back("custom." + d.key);
    return join(names);
}

}  // namespace

std::vector<std::string> upsert_keys(EntityType type) {
    if (type == EntityType::Company) return {"external_id", "vat_id", "email"};
    return {"external_id", "email"};
}

Result<ImportMapping> parse_mapping(const json& body, EntityType type, const std::vector<std::string>& header,
                                    const std::vector<CustomFieldDef>& custom_defs, ColumnKeys keys) {
    if (!body.is_object()) return fail(Error::localized(ErrorCode::BadRequest, "imports.mapping_not_object"));
    std::vector<FieldError> errors;
    ImportMapping mapping;

    for (const auto& [key, value] : body.items()) {
        if (key != "columns" && key != "source" && key != "match_on" && key != "lenient" && key != "invalid_values" &&
            key != "constants" && key != "default_country") {
            errors.push_back(FieldError::localized("/" + json_pointer_token(key), "imports.mapping_unknown_field"));
        }
    }

    // Columns.
    std::map<std::string, std::string> filled_by;  // target -> the "columns" key that fills it
    std::set<std::size_t> used_columns;
    const auto columns_it = body.find("columns");
    const bool columns_given = columns_it != body.end() && columns_it->is_object();
    if (!columns_given) {
        errors.push_back(FieldError::localized(
            "/columns", columns_it == body.end() ? "imports.columns_required" : "imports.columns_must_be_object"));
    } else {
        for (const auto& [key, value] : columns_it->items()) {
            const std::string pointer = "/columns/" + json_pointer_token(key);
            std::optional<std::size_t> column;
            if (keys == ColumnKeys::HeaderOrIndex) {
                const auto count = std::count(header.begin(), header.end(), key);
                if (count > 1) {
                    errors.push_back(FieldError::localized(pointer, "imports.column_name_ambiguous",
                                                           {{"count", std::to_string(count)}, {"name", key}}));
                    continue;
                }
                if (count == 1)
                    column = static_cast<std::size_t>(std::find(header.begin(), header.end(), key) - header.begin());
            }
            if (!column) column = parse_index(key);
            if (!column || *column >= header.size()) {
                errors.push_back(FieldError::localized(
                    pointer, "imports.no_such_column",
                    {{"name", key}, {"columns", join(header)}, {"last", std::to_string(header.size() - 1)}}));
                continue;
            }
            if (!used_columns.insert(*column).second) {
                errors.push_back(
                    FieldError::localized(pointer, "imports.column_mapped_twice",
                                          {{"index", std::to_string(*column)}, {"name", header[*column]}}));
                continue;
            }
            if (value.is_null()) continue;  // explicitly not imported
            if (!value.is_string()) {
                errors.push_back(FieldError::localized(pointer, "imports.target_not_text"));
                continue;
            }
            const std::string target = value.get<std::string>();
            const auto ftype = target_type(type, target, custom_defs);
            if (!ftype) {
                if (target.rfind("custom.", 0) == 0) {
                    errors.push_back(FieldError::localized(
                        pointer, "customers." + what(type) + "_custom_field_undefined", {{"key", target.substr(7)}}));
                } else {
                    errors.push_back(
                        FieldError::localized(pointer, "imports.unknown_target_" + what(type),
                                              {{"name", target}, {"targets", targets_hint(type, custom_defs)}}));
                }
                continue;
            }
            // full_name fills first_name and last_name: it shares their slots.
            std::vector<std::string> slots = {target};
            if (target == "full_name") slots = {"full_name", "first_name", "last_name"};
            bool duplicate = false;
            for (const auto& slot : slots) {
                if (auto it = filled_by.find(slot); it != filled_by.end()) {
                    errors.push_back(FieldError::localized(pointer, "imports.target_filled_twice",
                                                           {{"name", target}, {"column", it->second}}));
                    duplicate = true;
                    break;
                }
            }
            if (duplicate) continue;
            filled_by[target] = header[*column];
            if (target == "full_name") filled_by["first_name"] = filled_by["last_name"] = header[*column];
            mapping.columns.push_back({*column, header[*column], target, *ftype});
        }
        std::sort(mapping.columns.begin(), mapping.columns.end(),
                  [](const ColumnTarget& a, const ColumnTarget& b) { return a.column < b.column; });
    }

    // Constants: fields with one value for every row.
    std::set<std::string> constant_slots;
    if (auto it = body.find("constants"); it != body.end() && !it->is_null()) {
        if (!it->is_object()) {
            errors.push_back(FieldError::localized("/constants", "imports.constants_must_be_object"));
        } else {
            for (const auto& [target, value] : it->items()) {
                const std::string pointer = "/constants/" + json_pointer_token(target);
                const auto ftype = target_type(type, target, custom_defs);
                if (!ftype) {
                    errors.push_back(
                        FieldError::localized(pointer, "imports.unknown_constant_" + what(type),
                                              {{"name", target}, {"targets", targets_hint(type, custom_defs)}}));
                    continue;
                }
                if (!value.is_string() || trim(value.get<std::string>()).empty()) {
                    errors.push_back(FieldError::localized(pointer, "imports.constant_not_text"));
                    continue;
                }
                std::vector<std::string> slots = {target};
                if (target == "full_name") slots = {"full_name", "first_name", "last_name"};
                if (target != "tags") {
                    const auto taken = std::find_if(slots.begin(), slots.end(),
                                                    [&](const std::string& slot) { return filled_by.count(slot) > 0; });
                    if (taken != slots.end()) {
                        errors.push_back(FieldError::localized(pointer, "imports.constant_and_column",
                                                               {{"name", *taken}, {"column", filled_by[*taken]}}));
                        continue;
                    }
                    if (target == "full_name" && (it->contains("first_name") || it->contains("last_name"))) {
                        errors.push_back(FieldError::localized(pointer, "imports.full_name_and_parts"));
                        continue;
                    }
                }
                constant_slots.insert(slots.begin(), slots.end());
                mapping.constants.push_back({target, trim(value.get<std::string>()), *ftype});
            }
        }
    }

    // Default country.
    if (auto it = body.find("default_country"); it != body.end() && !it->is_null()) {
        if (it->is_string()) {
            // The country field's own check, so the default is a code a row could hold.
            auto code = customers::normalize_value(*customers::find_field(type, "country"), *it, {});
            if (code && code->is_string()) mapping.default_country = code->get<std::string>();
        }
        if (!mapping.default_country) {
            errors.push_back(FieldError::localized("/default_country", "imports.default_country_invalid"));
        }
    }

    if (columns_given) {
        // Required fields must come from some column or constant, or every row would be rejected.
        std::vector<std::string> required;
        if (type == EntityType::Company) {
            required = {"legal_name", "country"};
        } else {
            required = {"first_name", "last_name"};
        }
        for (const auto& d : custom_defs) {
            if (d.required) required.push_back("custom." + d.key);
        }
        for (const auto& r : required) {
            if (filled_by.count(r) || constant_slots.count(r)) continue;
            if (r == "country" && mapping.default_country) continue;
            std::string key = "imports.required_unmapped_" + what(type);
            if (type == EntityType::Person && (r == "first_name" || r == "last_name")) key += "_name";
            if (r == "country") key += "_country";
            errors.push_back(FieldError::localized("/columns", std::move(key), {{"name", r}}));
        }
    }

    // Source.
    if (auto it = body.find("source"); it != body.end() && !it->is_null()) {
        if (!it->is_object()) {
            errors.push_back(FieldError::localized("/source", "imports.source_must_be_object"));
        } else {
            for (const auto& [key, value] : it->items()) {
                if (key == "data_kind") {
                    auto kind = value.is_string() ? customers::parse_data_kind(value.get<std::string>()) : std::nullopt;
                    if (!kind) {
                        errors.push_back(FieldError::localized("/source/data_kind", "customers.data_kind_invalid"));
                    } else {
                        mapping.data_kind = *kind;
                    }
                } else if (key == "label") {
                    if (!value.is_string() || code_points(value.get<std::string>()) > kMaxLabel) {
                        errors.push_back(FieldError::localized("/source/label", "imports.label_invalid"));
                    } else {
                        mapping.label = trim(value.get<std::string>());
                    }
                } else {
                    errors.push_back(
                        FieldError::localized("/source/" + json_pointer_token(key), "imports.source_unknown_field"));
                }
            }
        }
    }

    // Upsert keys.
    const auto allowed = upsert_keys(type);
    if (auto it = body.find("match_on"); it != body.end() && !it->is_null()) {
        if (!it->is_array()) {
            errors.push_back(FieldError::localized("/match_on", "imports.match_on_must_be_list"));
        } else {
            for (std::size_t i = 0; i < it->size(); ++i) {
                const std::string pointer = "/match_on/" + std::to_string(i);
                const auto& v = (*it)[i];
                const std::string key = v.is_string() ? v.get<std::string>() : "";
                if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                    errors.push_back(
                        FieldError::localized(pointer, "imports.match_keys_" + what(type), {{"keys", join(allowed)}}));
                } else if (std::find(mapping.match_on.begin(), mapping.match_on.end(), key) != mapping.match_on.end()) {
                    errors.push_back(FieldError::localized(pointer, "imports.match_key_twice", {{"name", key}}));
                } else if (!filled_by.count(key)) {
                    errors.push_back(FieldError::localized(pointer, "imports.match_key_unmapped", {{"name", key}}));
                } else {
                    mapping.match_on.push_back(key);
                }
            }
        }
    } else {
        for (const auto& k : allowed) {
            if (filled_by.count(k)) mapping.match_on.push_back(k);
        }
    }

    if (auto it = body.find("lenient"); it != body.end() && !it->is_null()) {
        if (!it->is_boolean()) {
            errors.push_back(FieldError::localized("/lenient", "common.must_be_bool"));
        } else {
            mapping.lenient = it->get<bool>();
        }
    }

    if (auto it = body.find("invalid_values"); it != body.end() && !it->is_null()) {
        const auto mode = it->is_string() ? customers::parse_invalid_values(it->get<std::string>()) : std::nullopt;
        if (!mode) {
            errors.push_back(FieldError::localized("/invalid_values", "imports.invalid_values_mode"));
        } else {
            mapping.invalid_values = *mode;
        }
    }

    if (!errors.empty()) {
        // Counted before the vector is moved: argument evaluation order is unspecified.
        const std::string count = std::to_string(errors.size());
        return fail(
            Error::localized(ErrorCode::Validation, "imports.mapping_invalid", {{"count", count}}, std::move(errors)));
    }
    return mapping;
}

namespace {

json constants_json(const ImportMapping& mapping) {
    json out = json::object();
    for (const auto& c : mapping.constants) out[c.target] = c.text;
    return out;
}

}  // namespace

json mapping_to_stored_json(const ImportMapping& mapping) {
    json columns = json::object();
    for (const auto& c : mapping.columns) columns[std::to_string(c.column)] = c.target;
    json source = {{"data_kind", std::string(customers::to_string(mapping.data_kind))}};
    if (!mapping.label.empty()) source["label"] = mapping.label;
    return {{"columns", columns},
            {"source", source},
            {"match_on", mapping.match_on},
            {"lenient", mapping.lenient},
            {"invalid_values", std::string(customers::to_string(mapping.invalid_values))},
            {"constants", constants_json(mapping)},
            {"default_country", mapping.default_country ? json(*mapping.default_country) : json(nullptr)}};
}

json mapping_to_view_json(const ImportMapping& mapping) {
    json columns = json::array();
    for (const auto& c : mapping.columns) {
        columns.push_back({{"column", c.column}, {"header", c.header}, {"target", c.target}});
    }
    return {{"columns", columns},
            {"source",
             {{"data_kind", std::string(customers::to_string(mapping.data_kind))},
              {"label", mapping.label.empty() ? json(nullptr) : json(mapping.label)}}},
            {"match_on", mapping.match_on},
            {"lenient", mapping.lenient},
            {"invalid_values", std::string(customers::to_string(mapping.invalid_values))},
            {"constants", constants_json(mapping)},
            {"default_country", mapping.default_country ? json(*mapping.default_country) : json(nullptr)}};
}

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ',' || text[i] == ';' || text[i] == '|') {
            auto item = trim(text.substr(start, i - start));
            if (!item.empty()) out.push_back(std::move(item));
            start = i + 1;
        }
    }
    return out;
}

std::pair<std::string, std::string> split_full_name(std::string_view text) {
    const std::string name = trim(text);
    if (const auto comma = name.find(','); comma != std::string::npos) {
        return {trim(std::string_view(name).substr(comma + 1)), trim(std::string_view(name).substr(0, comma))};
    }
    const auto space = name.find_first_of(" \t");
    if (space == std::string::npos) return {name, ""};
    return {name.substr(0, space), trim(std::string_view(name).substr(space + 1))};
}

namespace {

// "1.234,56", "1,234.56", "1234,5", "1 234" -> a number; nullopt when the text is not one.
std::optional<json> parse_number(std::string_view text) {
    std::string s;
    for (char c : text) {
        if (c != ' ' && c != '\'') s += c;
    }
    // Non-breaking and narrow spaces (thousands separators in fr/pt/es locales).
    for (std::string_view nbsp : {"\xC2\xA0", "\xE2\x80\xAF"}) {
        for (auto at = s.find(nbsp); at != std::string::npos; at = s.find(nbsp)) s.erase(at, nbsp.size());
    }
    if (s.empty()) return std::nullopt;
    const auto last_dot = s.rfind('.');
    const auto last_comma = s.rfind(',');
    const auto count = [&](char c) { return std::count(s.begin(), s.end(), c); };
    char decimal = 0;
    if (last_dot != std::string::npos && last_comma != std::string::npos) {
        decimal = last_dot > last_comma ? '.' : ',';
    } else if (last_comma != std::string::npos) {
        decimal = count(',') == 1 ? ',' : 0;
    } else if (last_dot != std::string::npos) {
        decimal = count('.') == 1 ? '.' : 0;
    }
    std::string plain;
    for (char c : s) {
        if (c == decimal) {
            plain += '.';
        } else if (c != '.' && c != ',') {
            plain += c;
        }
    }
    if (plain.find('.') == std::string::npos) {
        std::int64_t i = 0;
        auto [p, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), i);
        if (ec == std::errc{} && p == plain.data() + plain.size()) return json(i);
    }
    double d = 0;
    auto [p, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), d);
    if (ec != std::errc{} || p != plain.data() + plain.size()) return std::nullopt;
    return json(d);
}

std::optional<bool> parse_bool(std::string_view text) {
    const std::string s = lower_ascii(trim(text));
    for (const char* yes :
         {"true", "yes", "y", "1", "si", "s\xC3\xAC", "s\xC3\xAD", "sim", "vero", "verdadero", "verdadeiro", "x"}) {
        if (s == yes) return true;
    }
    for (const char* no : {"false", "no", "n", "0", "nao", "n\xC3\xA3o", "falso"}) {
        if (s == no) return false;
    }
    return std::nullopt;
}

}  // namespace

json cell_value(FieldType type, std::string_view text) {
    switch (type) {
        case FieldType::Number:
        case FieldType::Money:
            if (auto n = parse_number(text)) return *n;
            break;
        case FieldType::Bool:
            if (auto b = parse_bool(text)) return *b;
            break;
        case FieldType::MultiSelect: return split_list(text);
        default: break;
    }
    // Passed on as text: the field's normaliser accepts it or says what is wrong with it.
    return std::string(text);
}

namespace {

// Puts one cell's (or constant's) text into the input as the target's value.
void fill(customers::CustomerInput& input, const std::string& target, FieldType type, const std::string& text) {
    if (target == "tags") {
        auto tags = split_list(text);
        if (input.tags) tags.insert(tags.begin(), input.tags->begin(), input.tags->end());
        input.tags = std::move(tags);
    } else if (target == "full_name") {
        auto [first, last] = split_full_name(text);
        input.fields["first_name"] = first;
        input.fields["last_name"] = last;
    } else if (target.rfind("custom.", 0) == 0) {
        input.custom[target.substr(7)] = cell_value(type, text);
    } else {
        input.fields[target] = cell_value(type, text);
    }
}

bool has_country(const json& fields) {
    const auto it = fields.find("country");
    return it != fields.end() && it->is_string() && !trim(it->get<std::string>()).empty();
}

}  // namespace

customers::CustomerInput row_input(const std::vector<std::string>& fields, const ImportMapping& mapping) {
    customers::CustomerInput input;
    input.invalid_values = mapping.invalid_values;
    for (const auto& c : mapping.columns) {
        if (c.column >= fields.size()) continue;
        const std::string& text = fields[c.column];
        if (trim(text).empty()) continue;
        fill(input, c.target, c.type, text);
    }
    for (const auto& c : mapping.constants) fill(input, c.target, c.type, c.text);
    return input;
}

void fill_default_country(customers::CustomerInput& input, const ImportMapping& mapping,
                          const customers::CustomerRecord* current) {
    if (!mapping.default_country || has_country(input.fields)) return;
    if (current && has_country(current->fields)) return;
    input.fields["country"] = *mapping.default_country;
}

std::optional<std::string> row_country(const customers::CustomerInput& input, const ImportMapping& mapping) {
    if (has_country(input.fields)) return input.fields["country"].get<std::string>();
    return mapping.default_country;
}

customers::CustomerInput constants_input(const ImportMapping& mapping) {
    customers::CustomerInput input;  // invalid_values: Reject, since a constant would be flagged on every row
    for (const auto& c : mapping.constants) fill(input, c.target, c.type, c.text);
    fill_default_country(input, mapping, nullptr);
    return input;
}

std::vector<FieldError> constant_errors(const Error& error, const ImportMapping& mapping) {
    const auto constant_of = [&](const std::string& field) -> const ConstantValue* {
        for (const auto& c : mapping.constants) {
            if (c.target == field) return &c;
            if (c.target == "full_name" && (field == "first_name" || field == "last_name")) return &c;
        }
        return nullptr;
    };
    std::vector<FieldError> out;
    std::set<std::string> reported;
    for (const auto& f : error.fields) {
        std::string field;
        if (f.pointer.rfind("/fields/", 0) == 0) {
            field = f.pointer.substr(8);
        } else if (f.pointer.rfind("/custom/", 0) == 0) {
            field = "custom." + f.pointer.substr(8);
        } else if (f.pointer.rfind("/tags", 0) == 0) {
            field = "tags";
        }
        const auto* constant = constant_of(field);
        // Once per constant: full_name reports one problem, tags their first bad tag.
        if (!constant || !reported.insert(constant->target).second) continue;
        out.push_back({"/constants/" + json_pointer_token(constant->target), f.message, f.key, f.args});
    }
    return out;
}

std::vector<RowError> row_errors(const Error& error, const ImportMapping& mapping) {
    const auto column_of = [&](const std::string& field) -> std::string {
        for (const auto& c : mapping.columns) {
            if (c.target == field) return c.header;
        }
        if (field == "first_name" || field == "last_name") {
            for (const auto& c : mapping.columns) {
                if (c.target == "full_name") return c.header;
            }
        }
        return "";
    };
    std::vector<RowError> out;
    for (const auto& f : error.fields) {
        std::string field = f.pointer;
        if (field.rfind("/fields/", 0) == 0) {
            field = field.substr(8);
        } else if (field.rfind("/custom/", 0) == 0) {
            field = "custom." + field.substr(8);
        } else if (field.rfind("/tags", 0) == 0) {
            field = "tags";
        } else if (!field.empty() && field.front() == '/') {
            field = field.substr(1);
        }
        out.push_back({field, column_of(field), f.message, f.key, f.args});
    }
    if (out.empty()) out.push_back({"", "", error.detail, error.key, error.args});
    return out;
}

}  // namespace rapport::domain::imports
