#include "domain/imports/import_job.hpp"

#include <nlohmann/json.hpp>

namespace rapport::domain::imports {

namespace {
constexpr std::pair<ImportStatus, std::string_view> kStatusNames[] = {
    {ImportStatus::Uploaded, "uploaded"},   {ImportStatus::Mapped, "mapped"}, {ImportStatus::Running, "running"},
    {ImportStatus::Completed, "completed"}, {ImportStatus::Failed, "failed"}, {ImportStatus::Cancelled, "cancelled"},
};
}  // namespace

std::string_view to_string(ImportStatus status) {
    for (const auto& [s, name] : kStatusNames) {
        if (s == status) return name;
    }
    return "failed";
}

std::optional<ImportStatus> parse_import_status(std::string_view text) {
    for (const auto& [s, name] : kStatusNames) {
        if (name == text) return s;
    }
    return std::nullopt;
}

std::string encode_fields(const std::vector<std::string>& fields) {
    return nlohmann::json(fields).dump();
}

std::vector<std::string> decode_fields(std::string_view text) {
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> out;
    if (!doc.is_array()) return out;
    for (const auto& v : doc) out.push_back(v.is_string() ? v.get<std::string>() : std::string());
    return out;
}

std::string encode_errors(const std::vector<RowError>& errors) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : errors) {
        nlohmann::json item = {{"field", e.field}, {"column", e.column}, {"detail", e.detail}};
        if (!e.key.empty()) {
            // The key and its arguments, so that the row's problems can be read in any language.
            nlohmann::json args = nlohmann::json::object();
            for (const auto& [name, value] : e.args) args[name] = value;
            item["key"] = e.key;
            item["args"] = std::move(args);
        }
        out.push_back(std::move(item));
    }
    return out.dump();
}

std::vector<RowError> decode_errors(std::string_view text) {
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    std::vector<RowError> out;
    if (!doc.is_array()) return out;
    for (const auto& e : doc) {
        if (!e.is_object()) continue;
        RowError r{e.value("field", ""), e.value("column", ""), e.value("detail", "")};
        r.key = e.value("key", "");
        if (const auto args = e.find("args"); args != e.end() && args->is_object()) {
            for (const auto& [name, value] : args->items()) {
                if (value.is_string()) r.args.emplace_back(name, value.get<std::string>());
            }
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::string describe_errors(const std::vector<RowError>& errors) {
    std::string out;
    for (const auto& e : errors) {
        if (!out.empty()) out += "; ";
        if (!e.field.empty()) {
            out += e.field;
            if (!e.column.empty() && e.column != e.field) out += " (" + e.column + ")";
            out += ": ";
        }
        out += e.detail;
    }
    return out;
}

}  // namespace rapport::domain::imports
