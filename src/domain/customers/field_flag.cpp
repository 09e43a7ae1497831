#include "domain/customers/field_flag.hpp"

#include <algorithm>

namespace rapport::domain::customers {

std::string_view to_string(InvalidValues mode) {
    return mode == InvalidValues::Flag ? "flag" : "reject";
}

std::optional<InvalidValues> parse_invalid_values(std::string_view text) {
    if (text == "reject") return InvalidValues::Reject;
    if (text == "flag") return InvalidValues::Flag;
    return std::nullopt;
}

bool flaggable(const FieldDef& field) {
    return field.type == FieldType::Email || field.type == FieldType::Phone || field.type == FieldType::TaxId;
}

const FieldFlag* find_flag(const std::vector<FieldFlag>& flags, std::string_view field) {
    const auto it = std::find_if(flags.begin(), flags.end(), [&](const FieldFlag& f) { return f.field == field; });
    return it == flags.end() ? nullptr : &*it;
}

std::optional<Id> import_of(const Source& source) {
    constexpr std::string_view kPrefix = "import:";
    if (source.kind != SourceKind::Import) return std::nullopt;
    std::string_view ref = source.ref;
    if (ref.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    ref.remove_prefix(kPrefix.size());
    return parse_id(ref.substr(0, ref.find(':')));
}

}  // namespace rapport::domain::customers
