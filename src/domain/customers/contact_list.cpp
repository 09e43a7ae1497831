#include "domain/customers/contact_list.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/utf8.hpp"

namespace rapport::domain::customers {

namespace {

std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

tl::unexpected<ContactListProblem> problem(std::string pointer, std::string key, MessageArgs args = {}) {
    return tl::unexpected(ContactListProblem{std::move(pointer), Message::localized(std::move(key), std::move(args))});
}

// "a@x.it; b@y.it" -> [{"label": "other", "value": "a@x.it"}, ...]
nlohmann::json from_text(const std::string& text) {
    nlohmann::json out = nlohmann::json::array();
    std::string part;
    const auto flush = [&] {
        auto v = trimmed(part);
        if (!v.empty()) out.push_back({{"label", "other"}, {"value", v}});
        part.clear();
    };
    for (char c : text) {
        if (c == ';' || c == ',') {
            flush();
        } else {
            part += c;
        }
    }
    flush();
    return out;
}

}  // namespace

tl::expected<nlohmann::json, ContactListProblem> normalize_contact_list(FieldType item, const nlohmann::json& value,
                                                                        const NormalizeContext& context) {
    if (value.is_null()) return nlohmann::json(nullptr);
    const nlohmann::json list = value.is_string() ? from_text(value.get<std::string>()) : value;
    if (!list.is_array()) return problem("", "customers.contact_list_shape");
    if (list.size() > kMaxContactEntries) {
        return problem("", "customers.contact_list_too_many", {{"max", std::to_string(kMaxContactEntries)}});
    }
    FieldDef def;
    def.type = item;
    nlohmann::json out = nlohmann::json::array();
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = "/" + std::to_string(i);
        const auto& entry = list[i];
        if (!entry.is_object()) return problem(at, "customers.contact_list_shape");
        for (const auto& [key, unused] : entry.items()) {
            if (key != "label" && key != "value")
                return problem(at + "/" + key, "customers.contact_list_unknown_member");
        }
        std::string label = "other";
        if (entry.contains("label") && !entry["label"].is_null()) {
            if (!entry["label"].is_string()) return problem(at + "/label", "common.must_be_text");
            label = trimmed(entry["label"].get<std::string>());
            if (label.empty()) label = "other";
            if (code_points(label) > kMaxContactLabelLength ||
                std::any_of(label.begin(), label.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
                return problem(at + "/label", "common.too_long", {{"max", std::to_string(kMaxContactLabelLength)}});
            }
        }
        const nlohmann::json raw = entry.contains("value") ? entry["value"] : nlohmann::json(nullptr);
        def.required = true;
        auto normalized = normalize_value(def, raw, context);
        if (!normalized) return tl::unexpected(ContactListProblem{at + "/value", normalized.error()});
        const std::string v = normalized->get<std::string>();
        if (!seen.insert(v).second) continue;  // a value appears once
        out.push_back({{"label", label}, {"value", v}});
    }
    if (out.empty()) return nlohmann::json(nullptr);
    return out;
}

std::vector<std::string> contact_values(const nlohmann::json& list) {
    std::vector<std::string> out;
    if (!list.is_array()) return out;
    for (const auto& e : list) {
        if (e.is_object() && e.contains("value") && e["value"].is_string())
            out.push_back(e["value"].get<std::string>());
    }
    return out;
}

}  // namespace rapport::domain::customers
