#include "domain/duplicates/merge_plan.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

namespace rapport::domain::duplicates {

using namespace rapport::domain::customers;

namespace {

bool empty_value(const nlohmann::json& object, const std::string& key) {
    return !object.contains(key) || object.at(key).is_null() ||
           (object.at(key).is_string() && object.at(key).get<std::string>().empty());
}

nlohmann::json field_of(const nlohmann::json& object, const std::string& key) {
    return object.contains(key) ? object.at(key) : nlohmann::json();
}

}  // namespace

Result<MergePlan> plan_merge(const CustomerRecord& survivor, const CustomerRecord& merged,
                             const std::map<std::string, Side>& choices, const std::vector<CustomFieldDef>& defs) {
    std::vector<FieldError> errors;
    const EntityType type = survivor.type;
    std::set<std::string> known = {"owner_user_id", "team_id"};
    for (const auto& f : fields_of(type)) known.insert(f.name);
    for (const auto& d : defs) known.insert("custom." + d.key);
    for (const auto& [name, side] : choices) {
        (void)side;
        if (!known.count(name)) {
            errors.push_back(
                FieldError::localized("/choices/" + name, "duplicates.no_field_to_choose", {{"name", name}}));
        }
    }
    if (!errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "duplicates.choices_invalid", {}, std::move(errors)));
    }

    // An explicit choice wins; otherwise the merged record's value fills only a gap.
    auto side_of = [&](const std::string& name, bool survivor_empty, bool merged_empty) {
        auto it = choices.find(name);
        if (it != choices.end()) return it->second;
        return survivor_empty && !merged_empty ? Side::Merged : Side::Survivor;
    };

    MergePlan plan;
    plan.record = survivor;
    CustomerRecord& out = plan.record;
    auto take = [&](const std::string& name, const std::string& before, const std::string& after) {
        if (before != after) plan.changes.push_back({name, before, after});
        plan.taken_from_merged.push_back(name);
    };
    auto clear = [&](const std::string& name, nlohmann::json& object, const std::string& key) {
        const std::string before = value_text(field_of(object, key));
        if (!before.empty()) plan.changes.push_back({name, before, ""});
        object.erase(key);
    };
    for (const auto& f : fields_of(type)) {
        const Side side = side_of(f.name, empty_value(survivor.fields, f.name), empty_value(merged.fields, f.name));
        if (side == Side::Clear) clear(f.name, out.fields, f.name);
        if (side != Side::Merged) continue;
        const nlohmann::json value = merged.fields.contains(f.name) ? merged.fields.at(f.name) : nlohmann::json();
        const std::string before = value_text(out.fields.contains(f.name) ? out.fields[f.name] : nlohmann::json());
        if (value.is_null())
            out.fields.erase(f.name);
        else
            out.fields[f.name] = value;
        take(f.name, before, value_text(value));
    }
    // Custom values: every defined key plus leftovers of removed definitions on either side.
    std::set<std::string> custom_keys;
    for (const auto& d : defs) custom_keys.insert(d.key);
    for (const auto& [key, value] : merged.custom.items()) custom_keys.insert(key);
    for (const auto& key : custom_keys) {
        const std::string name = "custom." + key;
        const Side side = side_of(name, empty_value(survivor.custom, key), empty_value(merged.custom, key));
        if (side == Side::Clear) clear(name, out.custom, key);
        if (side != Side::Merged) continue;
        const nlohmann::json value = merged.custom.contains(key) ? merged.custom.at(key) : nlohmann::json();
        const std::string before = value_text(out.custom.contains(key) ? out.custom[key] : nlohmann::json());
        if (value.is_null())
            out.custom.erase(key);
        else
            out.custom[key] = value;
        take(name, before, value_text(value));
    }
    const Side owner_side = side_of("owner_user_id", !survivor.owner_user_id, !merged.owner_user_id);
    if (owner_side == Side::Merged) {
        take("owner_user_id", id_text(out.owner_user_id), id_text(merged.owner_user_id));
        out.owner_user_id = merged.owner_user_id;
    } else if (owner_side == Side::Clear && out.owner_user_id) {
        plan.changes.push_back({"owner_user_id", id_text(out.owner_user_id), ""});
        out.owner_user_id.reset();
    }
    const Side team_side = side_of("team_id", !survivor.team_id, !merged.team_id);
    if (team_side == Side::Merged) {
        take("team_id", id_text(out.team_id), id_text(merged.team_id));
        out.team_id = merged.team_id;
    } else if (team_side == Side::Clear && out.team_id) {
        plan.changes.push_back({"team_id", id_text(out.team_id), ""});
        out.team_id.reset();
    }

    // The primary email and phone that lost, and both records' other entries, stay as other
    // entries: a merge drops no way to reach the customer unless the user clears it.
    for (const auto& [primary, others] : {std::pair<std::string, std::string>{"email", "other_emails"},
                                          std::pair<std::string, std::string>{"phone", "other_phones"}}) {
        if (!find_field(type, others)) continue;
        const auto chosen = [&](const std::string& name) {
            auto it = choices.find(name);
            return it == choices.end() ? std::optional<Side>() : std::optional<Side>(it->second);
        };
        if (chosen(others) == Side::Clear) continue;
        const std::string kept = value_text(field_of(out.fields, primary));
        nlohmann::json list = nlohmann::json::array();
        std::set<std::string> seen = {kept, ""};
        bool from_merged = false;
        auto add = [&](const nlohmann::json& entries, bool of_merged) {
            if (!entries.is_array()) return;
            for (const auto& e : entries) {
                const std::string v = value_text(field_of(e, "value"));
                if (!seen.insert(v).second) continue;
                list.push_back(e);
                from_merged = from_merged || of_merged;
            }
        };
        // An explicit side for the list keeps that side's list only; by default both.
        const auto list_side = chosen(others);
        if (list_side != Side::Merged) add(field_of(survivor.fields, others), false);
        if (list_side != Side::Survivor) add(field_of(merged.fields, others), true);
        if (chosen(primary) != Side::Clear) {
            for (const auto* side : {&survivor, &merged}) {
                const auto value = field_of(side->fields, primary);
                if (value.is_string())
                    add(nlohmann::json::array({{{"label", "other"}, {"value", value}}}), side == &merged);
            }
        }
        // The list's one history entry compares with the survivor's list before the merge.
        plan.changes.erase(std::remove_if(plan.changes.begin(), plan.changes.end(),
                                          [&](const FieldChange& c) { return c.field == others; }),
                           plan.changes.end());
        const std::string before = value_text(field_of(survivor.fields, others));
        if (list.empty()) {
            out.fields.erase(others);
        } else {
            out.fields[others] = list;
        }
        const std::string after = value_text(field_of(out.fields, others));
        if (before != after) {
            plan.changes.push_back({others, before, after});
            const bool noted = std::find(plan.taken_from_merged.begin(), plan.taken_from_merged.end(), others) !=
                               plan.taken_from_merged.end();
            if (from_merged && !noted) plan.taken_from_merged.push_back(others);
        }
    }
    std::set<std::string> tags(survivor.tags.begin(), survivor.tags.end());
    tags.insert(merged.tags.begin(), merged.tags.end());
    std::vector<std::string> all_tags(tags.begin(), tags.end());
    if (all_tags != survivor.tags) plan.changes.push_back({"tags", join_tags(survivor.tags), join_tags(all_tags)});
    out.tags = std::move(all_tags);

    // The combination must hold together: tax ids and phones are read against the country.
    NormalizeContext context;
    if (out.fields.contains("country") && out.fields["country"].is_string()) {
        context.country = out.fields["country"].get<std::string>();
    }
    for (const auto& f : fields_of(type)) {
        const nlohmann::json value = out.fields.contains(f.name) ? out.fields[f.name] : nlohmann::json();
        auto checked = normalize_value(f, value, context);
        if (!checked) errors.push_back(FieldError::at("/choices/" + f.name, checked.error()));
    }
    if (!errors.empty()) {
        const std::string count = std::to_string(errors.size());
        return fail(Error::localized(ErrorCode::Validation, "duplicates.merged_invalid", {{"count", count}},
                                     std::move(errors)));
    }
    plan.changes.push_back({"merged_from", "", id_to_string(merged.id)});
    return plan;
}

std::vector<Affiliation> merge_affiliations(const std::vector<Affiliation>& survivor,
                                            const std::vector<Affiliation>& merged) {
    std::vector<Affiliation> out = survivor;
    const bool has_primary = std::any_of(out.begin(), out.end(), [](const Affiliation& a) { return a.is_primary; });
    for (auto a : merged) {
        const bool present =
            std::any_of(out.begin(), out.end(), [&](const Affiliation& s) { return s.company_id == a.company_id; });
        if (present) continue;
        a.is_primary = a.is_primary && !has_primary;
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace rapport::domain::duplicates
