#include "domain/customers/list_query.hpp"

namespace rapport::domain::customers {

namespace {
filters::FieldType filter_type_of(const FieldDef& f) {
    switch (f.type) {
        case FieldType::Number:
        case FieldType::Money: return filters::FieldType::Number;
        case FieldType::Date: return filters::FieldType::Date;
        case FieldType::Bool: return filters::FieldType::Bool;
        case FieldType::Select: return filters::FieldType::Enum;
        case FieldType::MultiSelect: return filters::FieldType::Tags;
        case FieldType::Reference: return filters::FieldType::Reference;
        default: return filters::FieldType::Text;
    }
}
}  // namespace

filters::FieldCatalog filter_catalog(EntityType type, const std::vector<CustomFieldDef>& custom) {
    filters::FieldCatalog catalog;
    for (const auto& f : fields_of(type)) {
        filters::FieldInfo info{f.name, filter_type_of(f), {}};
        if (f.type == FieldType::Select) info.enum_values = f.options;
        catalog.add(std::move(info));
    }
    catalog.add({"created_at", filters::FieldType::DateTime, {}});
    catalog.add({"updated_at", filters::FieldType::DateTime, {}});
    catalog.add({"tags", filters::FieldType::Tags, {}});
    // The names of the record's flagged fields (field_flag.hpp): is_not_empty lists flagged records.
    catalog.add({"flags", filters::FieldType::Tags, {}});
    // The ids of the imports that created or updated the record: has_tag <import id> lists
    // exactly an import's records (its finish page links there).
    catalog.add({"imports", filters::FieldType::Tags, {}});
    catalog.add({"owner_user_id", filters::FieldType::Reference, {}});
    catalog.add({"team_id", filters::FieldType::Reference, {}});
    for (const auto& d : custom) {
        FieldDef f = d.as_field();
        filters::FieldInfo info{f.name, filter_type_of(f), {}};
        if (f.type == FieldType::Select) info.enum_values = f.options;
        catalog.add(std::move(info));
    }
    return catalog;
}

bool sortable(EntityType type, std::string_view field) {
    if (field == "created_at" || field == "updated_at") return true;
    const FieldDef* f = find_field(type, field);
    return f && f->type != FieldType::Reference && f->type != FieldType::MultiSelect;
}

std::string encode_cursor(const SortCursor& c) {
    // id first, then the value: the value may contain any character, the id none of ".".
    return id_to_string(c.id) + "." + c.value;
}

std::optional<SortCursor> decode_cursor(std::string_view text) {
    const auto dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    auto id = parse_id(text.substr(0, dot));
    if (!id) return std::nullopt;
    return SortCursor{std::string(text.substr(dot + 1)), *id};
}

}  // namespace rapport::domain::customers
