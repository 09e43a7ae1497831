#pragma once
// A list of labelled emails or phones beside a record's primary one (`other_emails`,
// `other_phones`): a JSON array of {"label": "work", "value": "..."}. Each value is validated
// and normalised exactly like the primary field of its kind (an email's rules, a phone to
// E.164); a label is one of kContactLabels or free text. Values appear once per list.
#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "core/error.hpp"
#include "domain/customers/fields.hpp"

namespace rapport::domain::customers {

inline constexpr std::array<std::string_view, 4> kContactLabels = {"work", "home", "mobile", "other"};
inline constexpr std::size_t kMaxContactEntries = 20;
inline constexpr std::size_t kMaxContactLabelLength = 40;

// What is wrong with a list, and where below the field: "" for the list itself, "/1/value".
struct ContactListProblem {
    std::string pointer;
    Message message;
};

// `item` is FieldType::Email or FieldType::Phone. Null, an empty string or an empty list is
// "no value" (null). A plain string (an import's cell) is read as values separated by ";" or
// ",", each labelled "other".
tl::expected<nlohmann::json, ContactListProblem> normalize_contact_list(FieldType item, const nlohmann::json& value,
                                                                        const NormalizeContext& context);

// The values of a normalised list, in order (an empty vector for null).
std::vector<std::string> contact_values(const nlohmann::json& list);

}  // namespace rapport::domain::customers
