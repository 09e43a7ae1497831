#pragma once
// Custom fields admins define per object type; their values live in the record's `custom`
// object and are validated on every write like built-in fields.
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/customers/fields.hpp"

namespace rapport::domain::customers {

struct CustomFieldDef {
    Id workspace_id = 0;
    EntityType entity_type = EntityType::Company;
    std::string key;  // [a-z][a-z0-9_]*, at most 40 characters
    std::string label;
    FieldType type = FieldType::Text;
    std::vector<std::string> options;
    std::string currency;  // ISO 4217 for money
    bool required = false;
    UnixMillis created_at = 0;

    // The definition as a FieldDef, so the same normaliser validates it.
    FieldDef as_field() const;
};

// Field errors (pointers into the definition) for an invalid definition; empty when valid.
std::vector<FieldError> validate_custom_field(const CustomFieldDef& def);

}  // namespace rapport::domain::customers
