#pragma once
// Data-quality flags: a value that failed validation but was kept, because the admin who
// mapped an import chose "invalid_values": "flag" (domain/imports/import_mapping.hpp).
//
// Only values whose type is checked against an outside rule can be flagged: email
// addresses, phone numbers and tax ids (VAT ids). Such a value is stored as the raw text
// that arrived (not normalised, not E.164), the record carries one FieldFlag for the field,
// and the value is never used as an upsert key. Any other failure (a missing required field,
// a bad number, an unknown option) is still rejected.
//
// A flag lives as long as its value: a write that gives the field a valid value (or clears
// it) removes the flag, in the same transaction as the value. Lists find flagged records
// with the filter condition {"field": "flags", "op": "is_not_empty"} ("has_tag" with a field
// name finds one flagged field).
//
// Value types and pure functions; thread-safe.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/customers/fields.hpp"
#include "domain/customers/provenance.hpp"

namespace rapport::domain::customers {

// What a write does with an invalid email, phone or tax id.
enum class InvalidValues {
    Reject,  // the write fails with the field's message (the API's only behaviour)
    Flag,    // the raw value is kept and flagged
};

std::string_view to_string(InvalidValues mode);
std::optional<InvalidValues> parse_invalid_values(std::string_view text);

struct FieldFlag {
    std::string field;  // built-in field name: "email", "phone", "vat_id", "pec"
    std::string rule;   // why the value is invalid: the message a rejection would have given
    std::string value;  // the raw text, as kept in the field
    SourceKind source_kind = SourceKind::Import;
    std::string source_ref;       // the write's source, e.g. "import:<id>:<file name>"
    std::optional<Id> import_id;  // the import that brought the value, when one did
    UnixMillis flagged_at = 0;
};

// True for the field types whose invalid values can be flagged (Email, Phone, TaxId).
bool flaggable(const FieldDef& field);

// The flag of `field`, or nullptr.
const FieldFlag* find_flag(const std::vector<FieldFlag>& flags, std::string_view field);

// The import id in a source ref "import:<id>:<file name>", nullopt for other sources.
std::optional<Id> import_of(const Source& source);

}  // namespace rapport::domain::customers
