#include "domain/relationships/plan_json.hpp"

namespace rapport::domain::relationships {

using nlohmann::json;

namespace {

// Reads `obj[key]` as a string naming a value of a table; records an error otherwise.
template <class T, class Parse>
std::optional<T> named(const json& obj, const char* key, const std::string& pointer, const char* message_key,
                       std::vector<FieldError>& errors, Parse parse) {
    const std::string at = pointer + "/" + key;
    if (!obj.contains(key) || !obj[key].is_string()) {
        errors.push_back(FieldError::localized(at, message_key));
        return std::nullopt;
    }
    auto value = parse(obj[key].get<std::string>());
    if (!value) errors.push_back(FieldError::localized(at, message_key));
    return value;
}

std::optional<double> number(const json& obj, const char* key, const std::string& pointer,
                             std::vector<FieldError>& errors) {
    if (!obj.contains(key) || !obj[key].is_number()) {
        errors.push_back(FieldError::localized(pointer + "/" + key, "relationships.number_expected"));
        return std::nullopt;
    }
    return obj[key].get<double>();
}

void unknown_members(const json& obj, std::initializer_list<const char*> known, const std::string& pointer,
                     std::vector<FieldError>& errors) {
    for (const auto& [key, value] : obj.items()) {
        bool found = false;
        for (const char* k : known) found = found || key == k;
        if (!found) errors.push_back(FieldError::localized(pointer + "/" + key, "relationships.unknown_member"));
    }
}

Target target_from(const json& doc, const std::string& pointer, std::vector<FieldError>& errors) {
    Target t;
    if (!doc.is_object()) {
        errors.push_back(FieldError::localized(pointer, "relationships.object_expected"));
        return t;
    }
    unknown_members(doc, {"metric", "comparator", "value", "unit"}, pointer, errors);
    if (auto m = named<MetricKey>(doc, "metric", pointer, "relationships.metric_unknown", errors, parse_metric_key))
        t.metric = *m;
    if (auto c =
            named<Comparator>(doc, "comparator", pointer, "relationships.comparator_unknown", errors, parse_comparator))
        t.comparator = *c;
    if (auto v = number(doc, "value", pointer, errors)) t.value = *v;
    if (doc.contains("unit")) {
        if (doc["unit"].is_string()) {
            t.unit = doc["unit"].get<std::string>();
        } else if (!doc["unit"].is_null()) {
            errors.push_back(FieldError::localized(pointer + "/unit", "relationships.string_expected"));
        }
    }
    return t;
}

PlanEntry entry_from(const json& doc, const std::string& pointer, std::vector<FieldError>& errors) {
    PlanEntry e;
    if (!doc.is_object()) {
        errors.push_back(FieldError::localized(pointer, "relationships.object_expected"));
        return e;
    }
    unknown_members(doc, {"relationship_type", "motivation", "team_id", "channels", "note", "targets", "threshold"},
                    pointer, errors);
    if (auto t = named<RelationshipType>(doc, "relationship_type", pointer, "relationships.type_unknown", errors,
                                         timeline::parse_relationship_type))
        e.relationship_type = *t;
    if (auto m =
            named<Motivation>(doc, "motivation", pointer, "relationships.motivation_unknown", errors, parse_motivation))
        e.motivation = *m;
    if (doc.contains("team_id") && !doc["team_id"].is_null()) {
        std::optional<Id> id;
        if (doc["team_id"].is_string()) id = parse_id(doc["team_id"].get<std::string>());
        if (!id) {
            errors.push_back(FieldError::localized(pointer + "/team_id", "common.record_id_invalid"));
        } else {
            e.team_id = *id;
        }
    }
    if (doc.contains("channels")) {
        const auto& channels = doc["channels"];
        if (!channels.is_array()) {
            errors.push_back(FieldError::localized(pointer + "/channels", "relationships.list_expected"));
        } else {
            for (std::size_t i = 0; i < channels.size(); ++i) {
                if (!channels[i].is_string()) {
                    errors.push_back(FieldError::localized(pointer + "/channels/" + std::to_string(i),
                                                           "relationships.string_expected"));
                } else {
                    e.channels.push_back(channels[i].get<std::string>());
                }
            }
        }
    }
    if (doc.contains("note")) {
        if (doc["note"].is_string()) {
            e.note = doc["note"].get<std::string>();
        } else if (!doc["note"].is_null()) {
            errors.push_back(FieldError::localized(pointer + "/note", "relationships.string_expected"));
        }
    }
    if (doc.contains("targets")) {
        const auto& targets = doc["targets"];
        if (!targets.is_array()) {
            errors.push_back(FieldError::localized(pointer + "/targets", "relationships.list_expected"));
        } else {
            for (std::size_t i = 0; i < targets.size(); ++i)
                e.targets.push_back(target_from(targets[i], pointer + "/targets/" + std::to_string(i), errors));
        }
    }
    if (doc.contains("threshold")) {
        const auto& th = doc["threshold"];
        const std::string at = pointer + "/threshold";
        if (!th.is_object()) {
            errors.push_back(FieldError::localized(at, "relationships.object_expected"));
        } else {
            unknown_members(th, {"measure", "value"}, at, errors);
            if (auto m = named<ThresholdMeasure>(th, "measure", at, "relationships.measure_unknown", errors,
                                                 parse_threshold_measure))
                e.threshold.measure = *m;
            if (auto v = number(th, "value", at, errors)) e.threshold.value = *v;
        }
    }
    return e;
}

}  // namespace

json entry_to_json(const PlanEntry& e) {
    json targets = json::array();
    for (const auto& t : e.targets) {
        targets.push_back({{"metric", to_string(t.metric)},
                           {"comparator", to_string(t.comparator)},
                           {"value", t.value},
                           {"unit", t.unit.empty() ? std::string(unit_of(t.metric)) : t.unit}});
    }
    return {{"relationship_type", timeline::to_string(e.relationship_type)},
            {"motivation", to_string(e.motivation)},
            {"team_id", e.team_id ? json(id_to_string(*e.team_id)) : json(nullptr)},
            {"channels", e.channels},
            {"note", e.note},
            {"targets", std::move(targets)},
            {"threshold", {{"measure", to_string(e.threshold.measure)}, {"value", e.threshold.value}}}};
}

json entries_to_json(const std::vector<PlanEntry>& entries) {
    json out = json::array();
    for (const auto& e : entries) out.push_back(entry_to_json(e));
    return out;
}

std::vector<PlanEntry> entries_from_json(const json& doc, const std::string& pointer, std::vector<FieldError>& errors) {
    std::vector<PlanEntry> out;
    if (!doc.is_array()) {
        errors.push_back(FieldError::localized(pointer, "relationships.list_expected"));
        return out;
    }
    for (std::size_t i = 0; i < doc.size(); ++i)
        out.push_back(entry_from(doc[i], pointer + "/" + std::to_string(i), errors));
    return out;
}

}  // namespace rapport::domain::relationships
