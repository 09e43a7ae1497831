#include "domain/customers/record_provenance.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

namespace rapport::domain::customers {

namespace {

bool holds_value(const nlohmann::json& v) {
    if (v.is_null()) return false;
    if (v.is_string()) return !v.get_ref<const std::string&>().empty();
    if (v.is_array() || v.is_object()) return !v.empty();
    return true;
}

// The names a record's fields have in FieldChange (and so in provenance and history).
std::vector<std::string> fields_with_values(const CustomerRecord& record) {
    std::vector<std::string> out;
    for (const auto& [name, value] : record.fields.items()) {
        if (holds_value(value)) out.push_back(name);
    }
    for (const auto& [key, value] : record.custom.items()) {
        if (holds_value(value)) out.push_back("custom." + key);
    }
    if (!record.tags.empty()) out.emplace_back("tags");
    if (record.owner_user_id) out.emplace_back("owner_user_id");
    if (record.team_id) out.emplace_back("team_id");
    return out;
}

}  // namespace

std::vector<FieldProvenance> resolve_provenance(const CustomerRecord& record, std::vector<FieldProvenance> stored) {
    std::optional<FieldProvenance> created;
    std::vector<FieldProvenance> out;
    std::set<std::string> named;
    for (auto& p : stored) {
        if (p.field == kCreatedFields) {
            created = std::move(p);
        } else {
            named.insert(p.field);
            out.push_back(std::move(p));
        }
    }
    if (created) {
        for (auto& field : fields_with_values(record)) {
            if (named.count(field)) continue;
            FieldProvenance p = *created;
            p.field = std::move(field);
            out.push_back(std::move(p));
        }
    }
    std::sort(out.begin(), out.end(),
              [](const FieldProvenance& a, const FieldProvenance& b) { return a.field < b.field; });
    return out;
}

}  // namespace rapport::domain::customers
