#include "domain/exports/csv_export.hpp"

#include <cmath>
#include <cstdio>

#include "core/ids.hpp"
#include "domain/filters/dates.hpp"

namespace rapport::domain::exports {

bool starts_formula(std::string_view value) {
    return !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
}

void append_csv_cell(std::string& out, std::string_view value, char delimiter, Formulas formulas) {
    const bool escape = formulas == Formulas::Escape && starts_formula(value);
    const bool quote = escape || value.find_first_of("\"\r\n;") != std::string_view::npos ||
                       value.find(delimiter) != std::string_view::npos;
    if (!quote) {
        out += value;
        return;
    }
    out += '"';
    if (escape) out += '\'';
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string iso_instant(UnixMillis ms) {
    const auto day = filters::date_of(ms);
    const UnixMillis in_day = ms - filters::start_of(day);
    const auto h = in_day / 3'600'000, m = in_day / 60'000 % 60, s = in_day / 1000 % 60, milli = in_day % 1000;
    char time[24];
    std::snprintf(time, sizeof time, "T%02d:%02d:%02d.%03dZ", static_cast<int>(h), static_cast<int>(m),
                  static_cast<int>(s), static_cast<int>(milli));
    return filters::format_iso_date(day) + time;
}

std::string cell_text(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::null:
        case nlohmann::json::value_t::discarded: return {};
        case nlohmann::json::value_t::string: return value.get<std::string>();
        case nlohmann::json::value_t::boolean: return value.get<bool>() ? "true" : "false";
        case nlohmann::json::value_t::number_integer: return std::to_string(value.get<std::int64_t>());
        case nlohmann::json::value_t::number_unsigned: return std::to_string(value.get<std::uint64_t>());
        case nlohmann::json::value_t::number_float: {
            const double d = value.get<double>();
            // 1200.0 reads better (and sorts as a number in spreadsheets) as 1200.
            if (std::isfinite(d) && std::fabs(d) < 1e15 && d == std::floor(d)) {
                return std::to_string(static_cast<std::int64_t>(d));
            }
            return value.dump();
        }
        case nlohmann::json::value_t::array: {
            std::string out;
            for (const auto& v : value) {
                if (!out.empty()) out += "; ";
                out += cell_text(v);
            }
            return out;
        }
        case nlohmann::json::value_t::object:
        case nlohmann::json::value_t::binary: return value.dump();
    }
    return {};
}

CsvRecordWriter::CsvRecordWriter(customers::EntityType type, const std::vector<customers::CustomFieldDef>& custom,
                                 char delimiter, Formulas formulas)
    : delimiter_(delimiter), formulas_(formulas) {
    columns_.push_back("id");
    for (const auto& f : customers::fields_of(type)) {
        builtin_.push_back(f.name);
        columns_.push_back(f.name);
    }
    for (const auto& d : custom) {
        custom_.push_back(d.key);
        columns_.push_back("custom." + d.key);
    }
    for (const char* c : {"tags", "owner_user_id", "team_id", "created_at", "updated_at"}) columns_.push_back(c);
}

void CsvRecordWriter::cell(std::string& out, std::string_view value, bool first) const {
    if (!first) out += delimiter_;
    append_csv_cell(out, value, delimiter_, formulas_);
}

void CsvRecordWriter::value_cell(std::string& out, const nlohmann::json* value) const {
    out += delimiter_;
    if (!value) return;
    // A number is written by us, never typed by someone: -1200 stays a number.
    append_csv_cell(out, cell_text(*value), delimiter_, value->is_number() ? Formulas::Keep : formulas_);
}

void CsvRecordWriter::begin(std::string& out) const {
    out += kUtf8Bom;
    for (std::size_t i = 0; i < columns_.size(); ++i) cell(out, columns_[i], i == 0);
    out += "\r\n";
}

void CsvRecordWriter::row(const customers::CustomerRecord& r, std::string& out) const {
    cell(out, id_to_string(r.id), true);
    for (const auto& name : builtin_) {
        const auto it = r.fields.find(name);
        value_cell(out, it == r.fields.end() ? nullptr : &*it);
    }
    for (const auto& key : custom_) {
        const auto it = r.custom.find(key);
        value_cell(out, it == r.custom.end() ? nullptr : &*it);
    }
    std::string tags;
    for (const auto& t : r.tags) {
        if (!tags.empty()) tags += "; ";
        tags += t;
    }
    cell(out, tags);
    cell(out, r.owner_user_id ? id_to_string(*r.owner_user_id) : std::string());
    cell(out, r.team_id ? id_to_string(*r.team_id) : std::string());
    cell(out, iso_instant(r.created_at));
    cell(out, iso_instant(r.updated_at));
    out += "\r\n";
}

}  // namespace rapport::domain::exports
