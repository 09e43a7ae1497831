#pragma once
// Companies and people as CSV (RFC 4180), for exports that spreadsheets open as they are.
//
// Contract:
// - The file starts with a UTF-8 byte order mark (Excel reads BOM-less CSV in the system's
//   legacy code page and garbles accents), then a header row, then one row per record;
//   rows end with CRLF.
// - Columns: id, every built-in field of the entity type (API names, catalog order), one
//   custom.<key> per custom field definition, tags (joined by "; "), owner_user_id,
//   team_id, created_at and updated_at (ISO 8601, UTC, milliseconds).
// - A cell is quoted when it holds the delimiter, a double quote, CR, LF or ';' (so the
//   file also splits right where ';' is the list separator); quotes inside are doubled.
// - Values: text as stored, numbers in their shortest form (integers without ".0"),
//   booleans true/false, multi-value fields joined by "; ", no value as an empty cell.
// - Formula injection (OWASP "CSV Injection"): with Formulas::Escape, the default, a text
//   cell beginning with =, +, -, @, tab or CR gets a leading ' and is quoted, so a
//   spreadsheet shows it as text instead of running it. That includes E.164 phones
//   ("'+390212345678"): OWASP says every such cell, and the ' also keeps spreadsheets from
//   turning the phone into a number without its +. Values of number fields are never text
//   and stay numbers (-1200 sums). Formulas::Keep writes cells as stored, for programs.
//
// Thread-safety: a CsvRecordWriter is immutable once built; share it freely.
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/customers/custom_field.hpp"
#include "domain/customers/customer_record.hpp"

namespace rapport::domain::exports {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

enum class Formulas { Escape, Keep };

// Whether a spreadsheet may read `value` as a formula: it begins with =, +, -, @, tab or CR.
bool starts_formula(std::string_view value);

// Appends `value` as one CSV cell (quoted when needed), without a delimiter; with
// Formulas::Escape a cell that starts a formula is written as '<value>, quoted.
void append_csv_cell(std::string& out, std::string_view value, char delimiter = ',',
                     Formulas formulas = Formulas::Keep);

// "2026-03-07T09:05:00.123Z".
std::string iso_instant(UnixMillis ms);

// The text of one field value in a cell.
std::string cell_text(const nlohmann::json& value);

class CsvRecordWriter {
public:
    CsvRecordWriter(customers::EntityType type, const std::vector<customers::CustomFieldDef>& custom,
                    char delimiter = ',', Formulas formulas = Formulas::Escape);

    const std::vector<std::string>& columns() const { return columns_; }
    // The byte order mark and the header row.
    void begin(std::string& out) const;
    void row(const customers::CustomerRecord& record, std::string& out) const;

private:
    void cell(std::string& out, std::string_view value, bool first = false) const;
    void value_cell(std::string& out, const nlohmann::json* value) const;

    std::vector<std::string> builtin_;  // built-in field names
    std::vector<std::string> custom_;   // custom field keys
    std::vector<std::string> columns_;
    char delimiter_;
    Formulas formulas_;
};

}  // namespace rapport::domain::exports
