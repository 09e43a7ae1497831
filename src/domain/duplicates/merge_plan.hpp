#pragma once
// How two records become one, field by field. Pure, thread-safe.
//
// For every built-in field, custom field, owner and team the caller may say which record's
// value survives ("survivor" or "merged"), or that the field is cleared ("clear"); by default
// the survivor's value when it has one, else the merged record's. Tags are the union. The
// email and phone that are not kept as the primary ones are not lost: they join the
// survivor's other_emails / other_phones (with both records' other entries, each value once,
// never repeating the primary), unless the user cleared the primary or the list. The result is validated again as a
// whole (a VAT id taken from one record must suit the country taken from the other).
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/customers/custom_field.hpp"
#include "domain/customers/customer_record.hpp"

namespace rapport::domain::duplicates {

enum class Side { Survivor, Merged, Clear };

struct MergePlan {
    customers::CustomerRecord record;             // the survivor's state after the merge
    std::vector<customers::FieldChange> changes;  // for history, "merged_from" included
    std::vector<std::string> taken_from_merged;   // fields whose value came from the merged record
};

// `choices` maps a field ("email", "custom.segment", "owner_user_id", "team_id") to a side;
// unknown names are Validation errors at "/choices/<name>".
Result<MergePlan> plan_merge(const customers::CustomerRecord& survivor, const customers::CustomerRecord& merged,
                             const std::map<std::string, Side>& choices,
                             const std::vector<customers::CustomFieldDef>& custom_defs);

// The survivor's affiliations after a merge of people: its own, then the merged person's
// other companies (not primary unless the survivor had no primary).
std::vector<customers::Affiliation> merge_affiliations(const std::vector<customers::Affiliation>& survivor,
                                                       const std::vector<customers::Affiliation>& merged);

}  // namespace rapport::domain::duplicates
