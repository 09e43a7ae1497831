#pragma once
// The provenance of each field of a record, from what the repository stores.
//
// A record's creation sets all its fields from one source at one moment, so it is stored as
// one provenance row named kCreatedFields instead of a row per field: an import of a million
// people writes a million provenance rows, not twelve million (the per-field upserts were a
// quarter of an import's write time). Every later change (update, merge, erasure, import
// upsert) stores a row per changed field, which wins over the creation's row. A field with a
// value and no row of its own was therefore set when the record was created.
#include <string_view>
#include <vector>

#include "domain/customers/customer_record.hpp"

namespace rapport::domain::customers {

inline constexpr std::string_view kCreatedFields = "*";

// One entry per field: the stored per-field rows, and for every other field of `record` that
// holds a value, the creation's row under that field's name. Sorted by field name.
std::vector<FieldProvenance> resolve_provenance(const CustomerRecord& record, std::vector<FieldProvenance> stored);

}  // namespace rapport::domain::customers
