#pragma once
// What duplicate detection reads of a company or person (MatchRecord, as storage delivers it)
// and the form it compares (PreparedRecord: names normalised once, exact keys hashed), so a
// full scan holds about 150 bytes per record and compares keys as integers.
#include <cstdint>
#include <optional>
#include <string>

#include "core/ids.hpp"
#include "domain/customers/fields.hpp"

namespace rapport::domain::duplicates {

using customers::EntityType;

struct MatchRecord {
    Id id = 0;
    std::string name;      // companies: legal name; people: first name
    std::string alt_name;  // companies: trade name; people: last name
    std::string email;
    std::string phone;   // E.164
    std::string tax_id;  // companies: VAT id (normalised)
    std::string pec;     // companies: certified email
    std::string city;
    std::string birthday;          // people, ISO date
    std::optional<Id> company_id;  // people: the primary affiliation's company
    std::optional<Id> owner_user_id;
    std::optional<Id> team_id;
};

struct PreparedRecord {
    Id id = 0;
    std::string name;           // normalised; people: "first last"
    std::string alt_name;       // normalised; companies: trade name (people: empty)
    std::string given, family;  // people: the normalised first and last names
    std::string name_key;       // phonetic key: people of the last name, companies of the name
    std::string alt_key;        // companies: of the trade name
    // Hashes of exact keys, 0 when empty.
    std::uint64_t email = 0, phone = 0, tax_id = 0, pec = 0, city = 0, birthday = 0;
    Id company_id = 0;  // 0 when none
};

PreparedRecord prepare(EntityType type, const MatchRecord& record);

// Hash of a non-empty key (never 0); 0 for an empty one.
std::uint64_t key_hash(std::string_view text);

}  // namespace rapport::domain::duplicates
