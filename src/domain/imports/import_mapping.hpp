#pragma once
// Which column of an imported file fills which field, where the data comes from, and how
// rows find the records they update; and how one row of text becomes a CustomerInput.
//
// The mapping request (the document ImportMapper::set_mapping receives):
//   {"columns": {"<header or 0-based index>": "<target>" | null, ...},
//    "source": {"data_kind": "zero_party|first_party|second_party|third_party", "label": "..."},
//    "match_on": ["external_id", "email", "vat_id"],
//    "lenient": false,
//    "invalid_values": "reject" | "flag",
//    "constants": {"<target>": "<text>", ...},
//    "default_country": "IT" | null}
// A target is a built-in field name of the entity (fields.hpp), "custom.<key>" of a defined
// custom field, "tags" (a list in one cell) or, for people, "full_name" (split into first and
// last name). Columns left out or mapped to null are not imported.
//
// Constants fill a field with the same text on every row, read as a cell of that field would
// be ("Milano", "sì", "fiera-2026, vip" for tags). A constant fills a field no column fills,
// except tags, whose constant tags are added to those of a "tags" column. Constants are never
// upsert keys (every row would match the same record). parse_mapping checks their shape;
// ImportMapper::set_mapping checks their values once, with the validator of every write, and
// reports an invalid one at /constants/<target> (not once per row).
//
// default_country (ISO 3166-1 alpha-2) is the country of rows that have none (no country
// column, an empty cell, no constant), and so also how their national phone numbers
// ("612 34 56 78" -> +34612345678 with ES) and tax ids are read. A row's own country wins, and
// a row updating a record that already has a country keeps that country: the default fills
// gaps, it never changes a stored country (fill_default_country).
//
// Contract of parse_mapping: every problem is reported at once as a validation error with a
// JSON pointer into the request: unknown members, columns the file does not have, unknown
// targets, two columns (or a column and a constant) filling the same field, required fields
// left unfilled (legal_name and country for companies, where default_country fills the
// country; first_name and last_name, or full_name, for people; required custom fields), a
// default_country that is not a country code, match_on keys that are not upsert keys of the
// entity or are not mapped to a column. match_on, when absent, is the entity's upsert keys in
// order, minus those no column fills.
//
// Two independent leniencies, for two kinds of bad input:
//   - "lenient" is about the file's shape: true accepts rows the CSV reader had to repair
//     (a stray quote kept as text) or whose width differs from the header's.
//   - "invalid_values" is about values: "reject" (the default) rejects a row whose email,
//     phone or tax id fails validation, as the API does; "flag" imports the row with the
//     raw value kept and flagged (domain/customers/field_flag.hpp), and reports it as
//     flagged. Every other invalid value still rejects its row. Only admins and owners may
//     choose "flag" (ImportMapper::set_mapping answers Forbidden otherwise), because it
//     lets values into the workspace that no other write path accepts.
//
// Pure functions; thread-safe.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/customers/custom_field.hpp"
#include "domain/customers/customer_record.hpp"
#include "domain/customers/fields.hpp"
#include "domain/customers/provenance.hpp"
#include "domain/imports/import_job.hpp"

namespace rapport::domain::imports {

struct ColumnTarget {
    std::size_t column = 0;                                  // 0-based index in the file
    std::string header;                                      // the column's header, for messages
    std::string target;                                      // field name, "custom.<key>", "tags" or "full_name"
    customers::FieldType type = customers::FieldType::Text;  // how the cell's text is read
};

// A field filled with the same value on every row.
struct ConstantValue {
    std::string target;                                      // as ColumnTarget::target
    std::string text;                                        // read as a cell of every row would be
    customers::FieldType type = customers::FieldType::Text;  // how the text is read
};

struct ImportMapping {
    std::vector<ColumnTarget> columns;           // mapped columns only, in column order
    std::vector<ConstantValue> constants;        // in target order
    std::optional<std::string> default_country;  // upper-case ISO 3166-1 alpha-2
    customers::DataKind data_kind = customers::DataKind::FirstParty;
    std::string label;                  // the person's name for the source, e.g. "ERP export 2026-11"
    std::vector<std::string> match_on;  // upsert keys in the order they are tried
    bool lenient = false;               // accept rows the CSV reader repaired or whose width differs
    customers::InvalidValues invalid_values = customers::InvalidValues::Reject;
};

// How keys of "columns" name a column: as the mapping request does (a header, else a
// 0-based index), or as the stored mapping does (always the index).
enum class ColumnKeys { HeaderOrIndex, Index };

// The upsert keys of an entity, in the default order.
std::vector<std::string> upsert_keys(customers::EntityType type);

Result<ImportMapping> parse_mapping(const nlohmann::json& body, customers::EntityType type,
                                    const std::vector<std::string>& header,
                                    const std::vector<customers::CustomFieldDef>& custom_defs,
                                    ColumnKeys keys = ColumnKeys::HeaderOrIndex);

// The stored form (columns keyed by index), read back with ColumnKeys::Index.
nlohmann::json mapping_to_stored_json(const ImportMapping& mapping);
// The form shown by the API: columns as [{column, header, target}].
nlohmann::json mapping_to_view_json(const ImportMapping& mapping);

// The input a data row gives, as the API would receive it: each mapped cell's text becomes
// the JSON value of its field's type (numbers, booleans, option lists), empty cells are left
// out (an import adds and corrects data, it never clears a stored value), "tags" cells are
// split on ',', ';' and '|', and full_name is split into first_name and last_name.
// Validation is not done here: the customers service does it, as for every write.
// Constants fill their fields on every row (their tags are added to the row's).
customers::CustomerInput row_input(const std::vector<std::string>& fields, const ImportMapping& mapping);

// Gives a row without a country the mapping's default_country, unless `current` (the record
// the row updates, null for a new record) already has a country.
void fill_default_country(customers::CustomerInput& input, const ImportMapping& mapping,
                          const customers::CustomerRecord* current);

// The country a row's values are read with before its record is known (upsert keys): its own
// country cell or constant as given, else default_country.
std::optional<std::string> row_country(const customers::CustomerInput& input, const ImportMapping& mapping);

// The constants alone as one input (with default_country when no constant sets a country),
// for checking their values once; constant_errors keeps the errors of that check that concern
// the constants (a partial input also misses required fields) at /constants/<target>.
customers::CustomerInput constants_input(const ImportMapping& mapping);
std::vector<FieldError> constant_errors(const Error& error, const ImportMapping& mapping);

// The errors of a rejected write (field pointers such as "/fields/vat_id") as row errors
// naming the field and the file's column it came from.
std::vector<RowError> row_errors(const Error& error, const ImportMapping& mapping);

// Helpers of row_input, exposed for tests.
nlohmann::json cell_value(customers::FieldType type, std::string_view text);
std::vector<std::string> split_list(std::string_view text);
// "Mario Rossi" -> {"Mario", "Rossi"}; "Rossi, Mario" -> {"Mario", "Rossi"};
// "Ana Sousa Pereira" -> {"Ana", "Sousa Pereira"}; "Cher" -> {"Cher", ""}.
std::pair<std::string, std::string> split_full_name(std::string_view text);

}  // namespace rapport::domain::imports
