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

// Appends `value` as one CSV cell (quoted when needed), without a delimiter.
void append_csv_cell(std::string& out, std::string_view value, char delimiter = ',');

// "2026-03-07T09:05:00.123Z".
std::string iso_instant(UnixMillis ms);

// The text of one field value in a cell.
std::string cell_text(const nlohmann::json& value);

class CsvRecordWriter {
public:
    CsvRecordWriter(customers::EntityType type, const std::vector<customers::CustomFieldDef>& custom,
                    char delimiter = ',');

    const std::vector<std::string>& columns() const { return columns_; }
    // The byte order mark and the header row.
    void begin(std::string& out) const;
    void row(const customers::CustomerRecord& record, std::string& out) const;

private:
    void cell(std::string& out, std::string_view value, bool first = false) const;

    std::vector<std::string> builtin_;  // built-in field names
    std::vector<std::string> custom_;   // custom field keys
    std::vector<std::string> columns_;
    char delimiter_;
};

}  // namespace rapport::domain::exports
