#pragma once
// A company or a person as one record: built-in field values (by API name), custom field
// values, tags, owner and team. Field values are normalised JSON (strings, numbers,
// booleans, arrays) or null.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/customers/field_flag.hpp"
#include "domain/customers/fields.hpp"
#include "domain/customers/provenance.hpp"

namespace rapport::domain::customers {

struct CustomerRecord {
    EntityType type = EntityType::Company;
    Id workspace_id = 0;
    Id id = 0;
    nlohmann::json fields = nlohmann::json::object();
    nlohmann::json custom = nlohmann::json::object();
    std::vector<std::string> tags;  // sorted, unique
    std::optional<Id> owner_user_id;
    std::optional<Id> team_id;
    UnixMillis created_at = 0;
    UnixMillis updated_at = 0;
    // Values kept although invalid (field_flag.hpp), one per field. Loaded by
    // CustomerRepository::find and find_by_field; records of lists and scans leave it empty.
    std::vector<FieldFlag> flags = {};
};

// What a create or update asks for. Absent members are left alone by an update; a field
// present with null clears it.
struct CustomerInput {
    nlohmann::json fields = nlohmann::json::object();
    nlohmann::json custom = nlohmann::json::object();
    std::optional<std::vector<std::string>> tags;
    std::optional<std::optional<Id>> owner_user_id;  // outer: given or not; inner: null clears
    std::optional<std::optional<Id>> team_id;
    // Problems the caller found while reading the request (unknown members, wrong shapes);
    // reported together with the field checks, and nothing is written while any remain.
    std::vector<FieldError> request_errors;
    // Imports may keep invalid emails, phones and tax ids as flagged raw values.
    InvalidValues invalid_values = InvalidValues::Reject;
};

// One field's change, as history records it. `field` is "tags", "owner_user_id",
// "team_id", a built-in field name or "custom.<key>".
struct FieldChange {
    std::string field;
    std::string old_value;
    std::string new_value;
};

// A person working for a company: the B2B contact relation. A person can be a contact of
// several companies; one of them is primary.
struct Affiliation {
    Id company_id = 0;
    std::string job_title;
    bool is_primary = false;
};

// One of a company's contacts (with the job title and primary flag of the affiliation) or of a
// buyer's consumers (no title).
struct RelatedPerson {
    Id person_id = 0;
    std::string job_title;
    bool is_primary = false;
};
// The same with the person's record, as the service answers.
struct RelatedRecord {
    CustomerRecord record;
    std::string job_title;
    bool is_primary = false;
};

struct HistoryEntry {
    Id history_id = 0;
    std::string field;
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
    UnixMillis changed_at = 0;
    std::optional<Id> actor_user_id;
    std::string actor_label;
    Source source;
};

}  // namespace rapport::domain::customers
